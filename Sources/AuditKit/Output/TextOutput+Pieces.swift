/// Pieces that renderers append straight to their output, so that a line is written as it is
/// composed instead of being interpolated into a string first (a scorecard is some forty lines,
/// and `audit run` writes one per unit).
extension TextOutput {
    /// Appends `text` escaped as `Markdown.escaped` escapes it.
    mutating func write(markdown text: String) {
        write(Markdown.escaped(text))
    }

    /// Appends a whole number in decimal.
    mutating func write(_ number: Int) {
        // Twenty digits and a sign hold any Int.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 21) { digits in
            var magnitude = number.magnitude
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if number < 0 {
                start -= 1
                digits[start] = 0x2D
            }
            write(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: digits[start...])))
        }
    }

    /// Appends points kept in tenths as `Score.format(tenths:)` shows them: `85`, `84.5`, `-0.5`.
    mutating func write(tenths: Int) {
        if tenths < 0 && tenths > -10 { write("-") }
        write(tenths / 10)
        let fraction = abs(tenths % 10)
        if fraction != 0 {
            write(".")
            write(fraction)
        }
    }
}
