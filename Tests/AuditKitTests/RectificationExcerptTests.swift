import Testing
@testable import AuditKit

/// A page with room for fewer rows than the rectification list shows the actions of the
/// lowest-ranked units: whole units, as many as fit and at least one, in the list's own order.
@Suite struct RectificationExcerptTests {
    /// Units A to D in rank order with 3, 2, 4 and 1 actions.
    private static let rows: [SummaryDocument.ActionRow] = [("A", 3), ("B", 2), ("C", 4), ("D", 1)].flatMap { unit, count in
        (1...count).map { number in
            SummaryDocument.ActionRow(unitID: unit, unitName: unit, region: nil, have: "venue", criterion: "\(number)",
                                      label: .init(zh: "", en: ""), current: .init(zh: "", en: ""), action: .init(zh: "", en: ""),
                                      gain: 1, due: nil)
        }
    }

    private static func written(limit: Int?) -> [String] {
        var out = StringOutput()
        let list = RectificationList(rows)
        list.write(.csv, to: &out, separator: ",", excerpt: list.excerpt(limit: limit)) { "\($0.unitID)\($0.criterion)" }
        return out.text.isEmpty ? [] : out.text.components(separatedBy: ",")
    }

    @Test(arguments: [
        (nil, nil, ["A1", "A2", "A3", "B1", "B2", "C1", "C2", "C3", "C4", "D1"]),
        (10, nil, ["A1", "A2", "A3", "B1", "B2", "C1", "C2", "C3", "C4", "D1"]),
        (0, RectificationList.Excerpt(units: 1, rows: 1), ["D1"]),
        (1, RectificationList.Excerpt(units: 1, rows: 1), ["D1"]),
        (4, RectificationList.Excerpt(units: 1, rows: 1), ["D1"]),
        (5, RectificationList.Excerpt(units: 2, rows: 5), ["C1", "C2", "C3", "C4", "D1"]),
        (6, RectificationList.Excerpt(units: 2, rows: 5), ["C1", "C2", "C3", "C4", "D1"]),
        (7, RectificationList.Excerpt(units: 3, rows: 7), ["B1", "B2", "C1", "C2", "C3", "C4", "D1"]),
        (9, RectificationList.Excerpt(units: 3, rows: 7), ["B1", "B2", "C1", "C2", "C3", "C4", "D1"]),
    ] as [(Int?, RectificationList.Excerpt?, [String])])
    func excerpt(_ limit: Int?, _ excerpt: RectificationList.Excerpt?, _ rows: [String]) {
        #expect(RectificationList(Self.rows).excerpt(limit: limit) == excerpt)
        #expect(Self.written(limit: limit) == rows)
    }

    /// Units tied at one rank stay together: an excerpt that would split a tie stops below it,
    /// unless the tie is all it could hold.
    @Test(arguments: [
        (5, [1, 2, 2, 4], RectificationList.Excerpt(units: 1, rows: 1), ["D1"]),
        (7, [1, 2, 2, 4], RectificationList.Excerpt(units: 3, rows: 7), ["B1", "B2", "C1", "C2", "C3", "C4", "D1"]),
        (1, [1, 2, 4, 4], RectificationList.Excerpt(units: 1, rows: 1), ["D1"]),
        (5, [1, 2, 4, 4], RectificationList.Excerpt(units: 2, rows: 5), ["C1", "C2", "C3", "C4", "D1"]),
    ] as [(Int, [Int], RectificationList.Excerpt, [String])])
    func tiesStayTogether(_ limit: Int, _ unitRanks: [Int], _ excerpt: RectificationList.Excerpt, _ rows: [String]) {
        let units = zip(["A", "B", "C", "D"], unitRanks).map { id, rank in
            SummaryDocument.UnitRow(rank: rank, unitID: id, name: id, category: "other", township: nil, region: nil, retirees: 30,
                                    required: true, score: 50, grade: "non-compliant", inspectionDate: "2022-06-01", haves: [],
                                    actions: 0, liftCriteria: [])
        }
        let list = RectificationList(Self.rows, units: units)
        #expect(list.excerpt(limit: limit) == excerpt)
        var out = StringOutput()
        list.write(.csv, to: &out, separator: ",", excerpt: list.excerpt(limit: limit)) { "\($0.unitID)\($0.criterion)" }
        #expect(out.text.components(separatedBy: ",") == rows)
    }

    /// In a rollup two counties may use one unit id: rows of different regions are different units.
    @Test func unitsOfTwoRegionsAreTwoUnits() {
        var rows = Array(Self.rows.prefix(5))
        for index in 3..<5 {
            rows[index].unitID = "A"
            rows[index].region = "乙县"
        }
        #expect(RectificationList(rows).excerpt(limit: 3) == RectificationList.Excerpt(units: 1, rows: 2))
    }
}
