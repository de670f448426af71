/// A day in the proleptic Gregorian calendar, with no time and no time zone.
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The year, e.g. 2022.
    public let year: Int
    /// The month, 1-based.
    public let month: Int
    /// The day of the month, 1-based.
    public let day: Int

    /// Creates a date when the three parts name a real calendar day, else returns nil.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`; returns nil for any other shape or for a day that does not exist.
    public init?(iso text: String) {
        guard let date = text.withBytes({ CalendarDate(iso: $0) }) else { return nil }
        self = date
    }

    /// Parses exactly `YYYY-MM-DD` from its UTF-8 bytes.
    init?(iso bytes: UnsafeBufferPointer<UInt8>) {
        let parts = { () -> (Int, Int, Int)? in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for byte in bytes[range] {
                    guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                    value = value * 10 + Int(byte - UInt8(ascii: "0"))
                }
                return value
            }
            guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
            return (y, m, d)
        }()
        guard let (y, m, d) = parts else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The day a date written another common way means: 2024/3/5, 2024.3.5, 2024-3-5,
    /// 2024年3月5日, with ASCII or full-width digits. Three runs of digits, the first of four, and
    /// nothing else but separators; nil for anything that is not clearly one real day.
    public static func intended(_ text: String) -> CalendarDate? {
        // Each run of digits: its value and how many digits it has.
        var runs: [(value: Int, digits: Int)] = []
        var inRun = false
        for scalar in text.unicodeScalars {
            let digit: UInt32
            switch scalar.value {
            case 0x30...0x39: digit = scalar.value - 0x30
            case 0xFF10...0xFF19: digit = scalar.value - 0xFF10
            default:
                guard " /.-年月日／．－\u{3000}".unicodeScalars.contains(scalar) else { return nil }
                inRun = false
                continue
            }
            if !inRun { runs.append((0, 0)); inRun = true }
            runs[runs.count - 1].value = runs[runs.count - 1].value * 10 + Int(digit)
            runs[runs.count - 1].digits += 1
            guard runs.count <= 3, runs[runs.count - 1].value <= 9999 else { return nil }
        }
        guard runs.count == 3, runs[0].digits == 4 else { return nil }
        return CalendarDate(year: runs[0].value, month: runs[1].value, day: runs[2].value)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        if (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) {
            let digits: [UInt8] = [UInt8(48 + year / 1000), UInt8(48 + year / 100 % 10), UInt8(48 + year / 10 % 10), UInt8(48 + year % 10),
                                   0x2D, UInt8(48 + month / 10), UInt8(48 + month % 10), 0x2D, UInt8(48 + day / 10), UInt8(48 + day % 10)]
            return String(decoding: digits, as: UTF8.self)
        }
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Whether `year` has a 29th of February.
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in `month` of `year`.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The date `months` calendar months away, clamped to the last day of a shorter month.
    public func adding(months: Int) -> CalendarDate {
        let index = year * 12 + (month - 1) + months
        let newYear = index / 12
        let newMonth = index % 12 + 1
        let newDay = min(day, CalendarDate.daysIn(month: newMonth, year: newYear))
        return CalendarDate(year: newYear, month: newMonth, day: newDay) ?? self
    }

    /// The date `days` days away.
    public func adding(days: Int) -> CalendarDate {
        CalendarDate(dayNumber: dayNumber + days) ?? self
    }

    /// Days since 0001-01-01 (day 0), counted in the proleptic Gregorian calendar.
    public var dayNumber: Int {
        let y = year - 1
        var days = y * 365 + y / 4 - y / 100 + y / 400
        for m in 1..<month { days += CalendarDate.daysIn(month: m, year: year) }
        return days + day - 1
    }

    private init?(dayNumber: Int) {
        guard dayNumber >= 0 else { return nil }
        var y = 1 + dayNumber / 366
        while CalendarDate(year: y + 1, month: 1, day: 1).map({ $0.dayNumber <= dayNumber }) ?? false { y += 1 }
        guard let start = CalendarDate(year: y, month: 1, day: 1) else { return nil }
        var remaining = dayNumber - start.dayNumber
        var m = 1
        while remaining >= CalendarDate.daysIn(month: m, year: y) {
            remaining -= CalendarDate.daysIn(month: m, year: y)
            m += 1
        }
        self.init(year: y, month: m, day: remaining + 1)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CalendarDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "not a YYYY-MM-DD date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
