/// English counts: "1 activity", "2 activities".
public enum English {
    /// `count` and the noun, singular for one and plural otherwise.
    public static func count(_ count: Int, _ singular: String, _ plural: String) -> String {
        "\(count) \(count == 1 ? singular : plural)"
    }

    /// `count` and a noun whose plural only adds an s.
    public static func count(_ count: Int, _ noun: String) -> String {
        Self.count(count, noun, noun + "s")
    }
}
