import Testing
@testable import AuditKit

/// Each measure of the default standard at its boundaries: exactly at the full mark, just below it,
/// exactly at the half mark, just below it, and the value absent. Every case edits the base fixture
/// (a unit earning all 100 points), so the criterion under test is the only thing that changes.
@Suite struct MeasureTests {
    /// Expected results: the value written, the attainment, and the points earned in tenths.
    typealias Case = (value: String, attainment: Attainment, tenths: Int)

    @Test func baseFixtureEarnsEveryPoint() throws {
        let card = try ChecklistText.base().card()
        #expect(card.scoreTenths == 1000)
        #expect(card.grade == .compliant)
        #expect(card.haves.allSatisfy { $0.status == .met && $0.pointsTenths == $0.weightTenths })
        #expect(card.actions.isEmpty)
        #expect(card.haves.flatMap(\.criteria).allSatisfy { $0.attainment == .full })
    }

    // MARK: - flag

    @Test(arguments: [
        ("true", Attainment.full, 20),
        ("false", Attainment.none, 0),
    ])
    func flagBoolean(value: String, attainment: Attainment, tenths: Int) throws {
        let text = try ChecklistText.base().replacing("  signage: true", with: "  signage: \(value)")
        let v2 = try text.card().criterion("V2")
        let line = try text.line(of: "  signage:")
        #expect(v2.attainment == attainment)
        #expect(v2.earnedTenths == tenths)
        #expect(v2.reason.en == "venue.signage = \(value) at line \(line)")
        #expect(v2.keyPath == "venue.signage")
        #expect(v2.value == value)
    }

    @Test func flagAbsent() throws {
        let v2 = try ChecklistText.base().removingLine("  signage: true").card().criterion("V2")
        #expect(v2.attainment == .none)
        #expect(v2.earnedTenths == 0)
        #expect(v2.reason.en == "venue.signage is not given")
        #expect(v2.reason.zh == "清单未填写 venue.signage")
        #expect(v2.mark == nil)
    }

    @Test func flagOfAnEnumPassesOnTheListedValues() throws {
        let base = try ChecklistText.base()
        #expect(try base.card().criterion("V1").attainment == .full)
        let shared = try base.replacing("  status: dedicated", with: "  status: shared\n  shared_with: 城关镇老年活动中心")
        #expect(try shared.card().criterion("V1").attainment == .full)
        let none = try base.withoutVenue()
        let v1 = try none.card().criterion("V1")
        let line = try none.line(of: "  status: none")
        #expect(v1.attainment == .none)
        #expect(v1.earnedTenths == 0)
        // V1 is essential: its reason also says the venue have is missing for it.
        #expect(v1.reason.en == "venue.status = none at line \(line); essential and not met, so the have is missing")
        #expect(v1.reason.zh == "venue.status = none（第 \(line) 行）；必备细则未通过，该项为“无”")
    }

    /// An essential criterion with a bar of its own that earns points but stays under the bar says
    /// which bar it missed.
    @Test func aMissedEssentialBarIsNamed() throws {
        let text = try ChecklistText.base()
        let card = try text.card()
        let amount = try #require(card.haves.flatMap(\.criteria).first { $0.id == "B2" })
        #expect(amount.essentialPassed)
        #expect(!amount.reason.en.contains("essential"))
        // 2,200 yuan earns half points (half mark 2,000) but stays under a bar of 2,500.
        let tailored = try #require(StandardLoader.load(Array(StandardTests.tailoredYAML
            .replacingOccurrences(of: "        essential_above: 0\n", with: "        essential_above: 2500\n").utf8), file: "t.yaml").standard)
        let short = try text.replacing("  amount_yuan: 3000", with: "  amount_yuan: 2200")
        let strict = try #require(try short.card(standard: tailored).haves.flatMap(\.criteria).first { $0.id == "B2" })
        #expect(strict.attainment == .half)
        #expect(!strict.essentialPassed)
        #expect(strict.reason.en.hasSuffix("; essential, and must be above 2500: not passed, so the have is missing"))
    }

    // MARK: - threshold

    @Test(arguments: [
        ("30", Attainment.full, 60),   // exactly the full mark
        ("29.9", Attainment.half, 30), // just below it
        ("20", Attainment.half, 30),   // exactly the half mark
        ("19.9", Attainment.none, 0),  // just below it
    ])
    func thresholdArea(value: String, attainment: Attainment, tenths: Int) throws {
        let text = try ChecklistText.base().replacing("  area_m2: 60", with: "  area_m2: \(value)")
        let v3 = try text.card().criterion("V3")
        let line = try text.line(of: "  area_m2:")
        #expect(v3.attainment == attainment)
        #expect(v3.earnedTenths == tenths)
        #expect(v3.value == value)
        #expect(v3.mark?.line == line)
    }

    @Test func thresholdReasonQuotesValueLineAndMark() throws {
        let text = try ChecklistText.base().replacing("  area_m2: 60", with: "  area_m2: 18")
        let v3 = try text.card().criterion("V3")
        let line = try text.line(of: "  area_m2: 18")
        #expect(v3.reason.en == "venue.area_m2 = 18 at line \(line), below the half mark 20")
        #expect(v3.reason.zh == "venue.area_m2 = 18（第 \(line) 行），低于半分线 20")
    }

    @Test(arguments: [
        ("20", Attainment.full, 50),
        ("19.5", Attainment.half, 25),
        ("4", Attainment.half, 25),
        ("3.5", Attainment.none, 0),
    ])
    func thresholdOpeningHours(value: String, attainment: Attainment, tenths: Int) throws {
        let text = try ChecklistText.base().replacing("  open_hours_per_week: 30", with: "  open_hours_per_week: \(value)")
        let v4 = try text.card().criterion("V4")
        #expect(v4.attainment == attainment)
        #expect(v4.earnedTenths == tenths)
    }

    @Test(arguments: [
        ("3000", Attainment.full, 50),
        ("2999", Attainment.half, 25),
        ("2000", Attainment.half, 25),
        ("1999", Attainment.none, 0),
    ])
    func thresholdAmount(value: String, attainment: Attainment, tenths: Int) throws {
        let text = try ChecklistText.base().replacing("  amount_yuan: 3000", with: "  amount_yuan: \(value)")
        let b2 = try text.card().criterion("B2")
        #expect(b2.attainment == attainment)
        #expect(b2.earnedTenths == tenths)
        #expect(b2.essentialPassed)
    }

    @Test func thresholdAbsent() throws {
        let hours = try ChecklistText.base().removingLine("  open_hours_per_week: 30").card().criterion("V4")
        #expect(hours.attainment == .none)
        #expect(hours.earnedTenths == 0)
        #expect(hours.reason.en == "venue.open_hours_per_week is not given")
        // Without a venue the area is left out, and V3 reads nothing.
        let area = try ChecklistText.base().withoutVenue().card().criterion("V3")
        #expect(area.attainment == .none)
        #expect(area.reason.en == "venue.area_m2 is not given")
    }

    // MARK: - equipment

    static let reading = ["newspapers", "magazines", "books"]
    static let recreation = ["chess", "cards", "table-tennis", "calligraphy", "musical-instruments"]
    static let others = ["tv", "computer", "fitness-equipment", "air-conditioning", "water-dispenser",
                         "first-aid-kit", "blood-pressure-monitor"]

    @Test(arguments: [
        (2, Attainment.full, 50), // exactly the full count
        (1, Attainment.half, 25), // just below it, and exactly the half count
        (0, Attainment.none, 0),  // just below the half count
    ])
    func equipmentReading(count: Int, attainment: Attainment, tenths: Int) throws {
        let items = Array(Self.reading.prefix(count)) + Self.recreation + Self.others
        let e1 = try ChecklistText.base().settingEquipment(items).card().criterion("E1")
        #expect(e1.attainment == attainment)
        #expect(e1.earnedTenths == tenths)
        #expect(e1.value == String(count))
    }

    @Test(arguments: [
        (4, Attainment.full, 40),
        (3, Attainment.half, 20),
        (2, Attainment.half, 20),
        (1, Attainment.none, 0),
    ])
    func equipmentRecreation(count: Int, attainment: Attainment, tenths: Int) throws {
        let items = Self.reading + Array(Self.recreation.prefix(count)) + Self.others
        let e3 = try ChecklistText.base().settingEquipment(items).card().criterion("E3")
        #expect(e3.attainment == attainment)
        #expect(e3.earnedTenths == tenths)
    }

    @Test func equipmentAbsent() throws {
        let card = try ChecklistText.base().settingEquipment([]).card()
        for id in ["E1", "E2", "E3", "E4", "E5"] {
            let criterion = try card.criterion(id)
            #expect(criterion.attainment == .none, "\(id)")
            #expect(criterion.earnedTenths == 0, "\(id)")
        }
        #expect(try card.criterion("E1").reason.en == "0 of 3 present (full needs 2); present: none; missing: newspapers, magazines, books")
        #expect(try card.have("equipment").status == .missing)
    }

    @Test func equipmentSlotOfAlternativesCountsOnce() throws {
        let withoutStudy = Self.reading + Self.recreation + ["fitness-equipment", "air-conditioning", "water-dispenser",
                                                            "first-aid-kit", "blood-pressure-monitor"]
        // A tv and a projector fill one slot: without a computer that is half.
        let both = try ChecklistText.base().settingEquipment(withoutStudy + ["tv", "projector"]).card().criterion("E2")
        #expect(both.attainment == .half)
        #expect(both.value == "1")
        // Either alternative with a computer is full.
        let projector = try ChecklistText.base().settingEquipment(withoutStudy + ["projector", "computer"]).card().criterion("E2")
        #expect(projector.attainment == .full)
        // Heating stands in for air conditioning in E5.
        let heating = try ChecklistText.base()
            .replacing("  - {item: air-conditioning}", with: "  - {item: heating}").card().criterion("E5")
        #expect(heating.attainment == .full)
        #expect(heating.value == "4")
    }

    @Test func brokenOrZeroEquipmentDoesNotCount() throws {
        let base = try ChecklistText.base()
        let broken = try base.replacing("  - {item: tv}", with: "  - {item: tv, condition: broken}").card().criterion("E2")
        #expect(broken.attainment == .half)
        #expect(broken.value == "1")
        #expect(broken.reason.en.hasSuffix("missing: television or projector (broken)"))
        let zero = try base.replacing("  - {item: tv}", with: "  - {item: tv, quantity: 0}").card().criterion("E2")
        #expect(zero.attainment == .half)
        let worn = try base.replacing("  - {item: tv}", with: "  - {item: tv, condition: worn}").card().criterion("E2")
        #expect(worn.attainment == .full)
        // A broken tv does not hide a working projector.
        let spare = try base.replacing("  - {item: tv}", with: "  - {item: tv, condition: broken}\n  - {item: projector}")
            .card().criterion("E2")
        #expect(spare.attainment == .full)
        // Nor does a broken copy hide a working one of the same item.
        let copy = try base.replacing("  - {item: fitness-equipment}",
                                      with: "  - {item: fitness-equipment, condition: broken}\n  - {item: fitness-equipment}")
            .card().criterion("E4")
        #expect(copy.attainment == .full)
        let only = try base.replacing("  - {item: fitness-equipment}", with: "  - {item: fitness-equipment, condition: broken}")
            .card().criterion("E4")
        #expect(only.attainment == .none)
        #expect(only.earnedTenths == 0)
    }

    // MARK: - rules

    static let venueRule = "  - {kind: venue-management, title: 活动场所管理制度, adopted: 2020-01-10, posted: true}"
    static let safetyRule = "  - {kind: safety, title: 安全管理制度, adopted: 2020-01-10, posted: true}"
    static let emergencyRule = "  - {kind: emergency-plan, title: 应急预案, adopted: 2020-01-10, posted: true}"

    @Test func rulesAgainstFullAndHalfCounts() throws {
        let base = try ChecklistText.base()
        let both = try base.card().criterion("R3")
        #expect(both.attainment == .full)
        #expect(both.earnedTenths == 40)
        let one = try base.removingLine(Self.emergencyRule).card().criterion("R3")
        #expect(one.attainment == .half)
        #expect(one.earnedTenths == 20)
        #expect(one.reason.en.hasSuffix("missing: emergency plan"))
        let neither = try base.removingLine(Self.emergencyRule).removingLine(Self.safetyRule).card().criterion("R3")
        #expect(neither.attainment == .none)
        #expect(neither.earnedTenths == 0)
    }

    @Test func rulesPostedForFull() throws {
        let base = try ChecklistText.base()
        #expect(try base.card().criterion("R1").earnedTenths == 40)
        let unposted = try base.replacing(Self.venueRule, with: Self.venueRule.replacingOccurrences(of: "posted: true", with: "posted: false"))
        let r1 = try unposted.card().criterion("R1")
        #expect(r1.attainment == .half)
        #expect(r1.earnedTenths == 20)
        #expect(r1.reason.en.hasSuffix("; venue management not posted"))
        let unsaid = try base.replacing(Self.venueRule, with: Self.venueRule.replacingOccurrences(of: ", posted: true", with: ""))
        #expect(try unsaid.card().criterion("R1").attainment == .half)
        let absent = try base.removingLine(Self.venueRule).card().criterion("R1")
        #expect(absent.attainment == .none)
        #expect(absent.earnedTenths == 0)
        // Posting matters only where the criterion asks for it: R2's rule unposted is still full.
        let study = "  - {kind: study, title: 学习制度, adopted: 2020-01-10, posted: true}"
        let r2 = try base.replacing(study, with: study.replacingOccurrences(of: "posted: true", with: "posted: false"))
        #expect(try r2.card().criterion("R2").attainment == .full)
    }

    @Test func rulesWithinYearsCountFromTheInspection() throws {
        let yaml = StandardTests.tailoredYAML.replacingOccurrences(
            of: "measure: {kind: rules, kinds: [study], full: 1}",
            with: "measure: {kind: rules, kinds: [study], full: 1, within_years: 3}")
        try #require(yaml != StandardTests.tailoredYAML)
        let loaded = StandardLoader.load(Array(yaml.utf8), file: "tailored.yaml")
        #expect(loaded.diagnostics.isEmpty)
        let standard = try #require(loaded.standard)
        let study = "  - {kind: study, title: 学习制度, adopted: 2020-01-10, posted: true}"
        func r2(_ replacement: String) throws -> CriterionResult {
            try ChecklistText.base().replacing(study, with: replacement).card(standard: standard).criterion("R2")
        }
        // The inspection is on 2022-06-15: adopted exactly three years before counts.
        #expect(try r2("  - {kind: study, title: 学习制度, adopted: 2019-06-15}").attainment == .full)
        let stale = try r2("  - {kind: study, title: 学习制度, adopted: 2019-06-14}")
        #expect(stale.attainment == .none)
        #expect(stale.reason.en.hasSuffix("; study not adopted or reviewed within 3 years"))
        #expect(try r2("  - {kind: study, title: 学习制度, adopted: 2010-01-01, reviewed: 2019-06-15}").attainment == .full)
        #expect(try r2("  - {kind: study, title: 学习制度}").attainment == .none)
    }

    // MARK: - activities

    @Test(arguments: [
        (12, Attainment.full, 70),
        (11, Attainment.half, 35),
        (6, Attainment.half, 35),
        (5, Attainment.none, 0),
        (0, Attainment.none, 0),
    ])
    func activitiesStudy(count: Int, attainment: Attainment, tenths: Int) throws {
        let a1 = try ChecklistText.base().settingActivities(Activities.plan(study: count)).card().criterion("A1")
        #expect(a1.attainment == attainment)
        #expect(a1.earnedTenths == tenths)
        #expect(a1.value == String(count))
    }

    @Test(arguments: [
        (12, Attainment.full, 50),
        (11, Attainment.half, 25),
        (4, Attainment.half, 25),
        (3, Attainment.none, 0),
    ])
    func activitiesPartyLife(count: Int, attainment: Attainment, tenths: Int) throws {
        let a2 = try ChecklistText.base().settingActivities(Activities.plan(partyLife: count)).card().criterion("A2")
        #expect(a2.attainment == attainment)
        #expect(a2.earnedTenths == tenths)
    }

    @Test(arguments: [
        (3, 3, Attainment.full, 50),
        (6, 0, Attainment.full, 50),
        (3, 2, Attainment.half, 25),
        (2, 1, Attainment.half, 25),
        (1, 1, Attainment.none, 0),
    ])
    func activitiesOfSeveralKindsAddUp(culture: Int, fitness: Int, attainment: Attainment, tenths: Int) throws {
        let a3 = try ChecklistText.base().settingActivities(Activities.plan(culture: culture, fitness: fitness))
            .card().criterion("A3")
        #expect(a3.attainment == attainment)
        #expect(a3.earnedTenths == tenths)
    }

    @Test(arguments: [
        (1, 1, Attainment.full, 20),
        (1, 0, Attainment.half, 10),
        (0, 0, Attainment.none, 0),
    ])
    func activitiesBriefingsAndVisits(briefing: Int, visit: Int, attainment: Attainment, tenths: Int) throws {
        let a5 = try ChecklistText.base().settingActivities(Activities.plan(briefing: briefing, visit: visit))
            .card().criterion("A5")
        #expect(a5.attainment == attainment)
        #expect(a5.earnedTenths == tenths)
    }

    @Test func activitiesAbsent() throws {
        let card = try ChecklistText.base().settingActivities([]).card()
        for id in ["A1", "A2", "A3", "A4", "A5"] {
            #expect(try card.criterion(id).attainment == .none, "\(id)")
        }
        #expect(try card.criterion("A1").reason.en == "0 study activities from 2021-06-15 to 2022-06-15, below the half mark 6")
        #expect(try card.have("activities").status == .missing)
        #expect(try card.have("activities").pointsTenths == 0)
    }

    @Test func activityExactlyTwelveMonthsBeforeTheInspectionCounts() throws {
        // Eleven study sessions in the window, plus one on the window's first day: twelve.
        let eleven = Activities.of("study", 11, day: "05")
        let others = Activities.plan(study: 0)
        let onTheDay = try ChecklistText.base()
            .settingActivities(eleven + [Activities.line("2021-06-15", "study")] + others).card().criterion("A1")
        #expect(onTheDay.attainment == .full)
        #expect(onTheDay.value == "12")
        // One day earlier it falls outside (and the checklist gets a warning saying so).
        let dayBefore = try ChecklistText.base()
            .settingActivities(eleven + [Activities.line("2021-06-14", "study")] + others)
            .card(allowing: [.staleActivity]).criterion("A1")
        #expect(dayBefore.attainment == .half)
        #expect(dayBefore.value == "11")
        // The inspection day itself is inside the window.
        let inspectionDay = try ChecklistText.base()
            .settingActivities(eleven + [Activities.line("2022-06-15", "study")] + others).card().criterion("A1")
        #expect(inspectionDay.value == "12")
    }

    // MARK: - attendance

    /// 32 activities with `participants` each, the last with `last` instead when given.
    static func attendance(_ participants: Int, last: Int? = nil) -> [String] {
        var lines = Activities.plan(participants: participants)
        if let last, let final = lines.popLast() {
            lines.append(final.replacingOccurrences(of: "participants: \(participants)", with: "participants: \(last)"))
        }
        return lines
    }

    @Test(arguments: [
        (12, nil, Attainment.full, 30),  // 12 / 20 = 60%: exactly the full mark
        (12, 11, Attainment.half, 15),   // 11.97 / 20 = 59.8%
        (8, nil, Attainment.half, 15),   // 8 / 20 = 40%: exactly the half mark
        (8, 7, Attainment.none, 0),      // 7.97 / 20 = 39.8%
    ] as [(Int, Int?, Attainment, Int)])
    func attendance(participants: Int, last: Int?, attainment: Attainment, tenths: Int) throws {
        let a4 = try ChecklistText.base().settingActivities(Self.attendance(participants, last: last)).card().criterion("A4")
        #expect(a4.attainment == attainment)
        #expect(a4.earnedTenths == tenths)
    }

    @Test func attendanceExactlyAtAMarkWithAFractionalMean() throws {
        // Five counted activities with 48 participants: a mean of 9.6, and 9.6 / 24 is exactly 40%.
        let counted = [9, 9, 10, 10, 10].enumerated().map { index, count in
            Activities.line("\(Activities.months[index])-07", "culture", participants: count)
        }
        let text = try ChecklistText.base()
            .replacing("    total: 20", with: "    total: 24")
            .settingActivities(Activities.plan(participants: nil) + counted)
        let a4 = try text.card().criterion("A4")
        #expect(a4.attainment == .half)
        #expect(a4.reason.en == "mean 9.6 participants over 5 activities ÷ 24 retirees = 40%, reaching the half mark 40% but not the full mark 60%")
        // The same at the full mark: 72 over five is 14.4, and 14.4 / 24 is exactly 60%.
        let full = [14, 14, 14, 15, 15].enumerated().map { index, count in
            Activities.line("\(Activities.months[index])-07", "culture", participants: count)
        }
        let fullText = try ChecklistText.base()
            .replacing("    total: 20", with: "    total: 24")
            .settingActivities(Activities.plan(participants: nil) + full)
        #expect(try fullText.card().criterion("A4").attainment == .full)
    }

    @Test func attendanceJustBelowAMarkIsNotShownAtIt() throws {
        // 1499 participants over ten activities and 250 retirees: 59.96%, which rounds to 60%.
        let counted = (0..<10).map { index in
            Activities.line("\(Activities.months[index])-07", "culture", participants: index == 0 ? 149 : 150)
        }
        let text = try ChecklistText.base()
            .replacing("    total: 20", with: "    total: 250")
            .settingActivities(Activities.plan(participants: nil) + counted)
        let a4 = try text.card().criterion("A4")
        #expect(a4.attainment == .half)
        #expect(a4.reason.en == "mean 149.9 participants over 10 activities ÷ 250 retirees = 59.9%, reaching the half mark 40% but not the full mark 60%")
    }

    @Test func attendanceUsesOnlyCountedActivitiesWithParticipants() throws {
        // Every activity in the window has 12 of 20 retirees: exactly 60%. One more outside the
        // window with a single participant, and one inside with no count, must not pull it down.
        let lines = Self.attendance(12) + [
            Activities.line("2021-06-14", "culture", participants: 1),
            Activities.line("2022-06-01", "service", participants: nil),
        ]
        let a4 = try ChecklistText.base().settingActivities(lines).card(allowing: [.staleActivity]).criterion("A4")
        #expect(a4.attainment == .full)
        #expect(a4.reason.en.hasPrefix("mean 12 participants over 32 activities ÷ 20 retirees = 60%"))
        // Counted activities of a kind no other criterion uses still count towards attendance.
        let service = try ChecklistText.base()
            .settingActivities(Self.attendance(12) + [Activities.line("2022-06-01", "service", participants: 20)])
            .card().criterion("A4")
        #expect(service.reason.en.hasPrefix("mean 12.2 participants over 33 activities"))
    }

    @Test func attendanceAbsent() throws {
        let a4 = try ChecklistText.base().settingActivities(Activities.plan(participants: nil)).card().criterion("A4")
        #expect(a4.attainment == .none)
        #expect(a4.earnedTenths == 0)
        #expect(a4.reason.en == "no counted activity records its participants")
    }

    // MARK: - per_capita

    @Test(arguments: [
        ("2000", Attainment.full, 30),  // 100 each: exactly the full mark
        ("1999", Attainment.half, 15),  // 99.95 each
        ("1000", Attainment.half, 15),  // 50 each: exactly the half mark
        ("999", Attainment.none, 0),    // 49.95 each
    ])
    func perCapita(amount: String, attainment: Attainment, tenths: Int) throws {
        let b3 = try ChecklistText.base().replacing("  amount_yuan: 3000", with: "  amount_yuan: \(amount)").card().criterion("B3")
        #expect(b3.attainment == attainment)
        #expect(b3.earnedTenths == tenths)
    }

    @Test func perCapitaReasonShowsTheDivision() throws {
        let text = try ChecklistText.base().replacing("  amount_yuan: 3000", with: "  amount_yuan: 999")
        let b3 = try text.card().criterion("B3")
        let line = try text.line(of: "  amount_yuan:")
        #expect(b3.reason.en == "funding.amount_yuan = 999 at line \(line) ÷ 20 retirees = 49.9 each, below the half mark 50")
    }

    /// One retiree, one activity, one participant: every count in a reason agrees with its noun,
    /// in English, and Chinese reads the same whatever the number.
    @Test func reasonsSpeakOfOneInTheSingular() throws {
        let text = try ChecklistText.base().replacing("    total: 20", with: "    total: 1")
            .settingActivities([Activities.line("2022-03-05", "study", participants: 1)])
        let card = try text.card(allowing: [.staleActivity])
        let line = try text.line(of: "  amount_yuan:")
        #expect(try card.criterion("B3").reason.en
            == "funding.amount_yuan = 3000 at line \(line) ÷ 1 retiree = 3000 each, reaching the full mark 100")
        #expect(try card.criterion("B3").reason.zh
            == "funding.amount_yuan = 3000（第 \(line) 行） ÷ 1 人 = 人均 3000，达到满分线 100")
        #expect(try card.criterion("A1").reason.en == "1 study activity from 2021-06-15 to 2022-06-15, below the half mark 6")
        #expect(try card.criterion("A1").reason.zh == "2021-06-15 至 2022-06-15 共 1 次政治学习活动，低于半分线 6")
        #expect(try card.criterion("A4").reason.en
            == "mean 1 participant over 1 activity ÷ 1 retiree = 100%, reaching the full mark 60%")
        #expect(try card.criterion("A4").reason.zh == "1 次活动平均 1 人 ÷ 1 人 = 100%，达到满分线 60%")
    }

    @Test func perCapitaWithNoRetirees() throws {
        let text = try ChecklistText.base().replacing("    total: 20", with: "    total: 0")
            .settingActivities(Activities.plan(participants: nil))
        let card = try text.card()
        #expect(try card.criterion("B3").attainment == .none)
        #expect(try card.criterion("B3").reason.en == "no retirees, so nothing per retiree")
        #expect(try card.criterion("A4").attainment == .none)
        #expect(!card.required)
    }

    /// The default standard only measures required fields per capita, so an absent field is
    /// checked on the evaluator directly, with an optional field.
    @Test func perCapitaAndThresholdOfAnAbsentField() throws {
        let absent = try ChecklistText.base().checklist()
        let evaluator = MeasureEvaluator(checklist: absent, labels: CatalogueLabels(.builtIn))
        let perCapita = evaluator.evaluate(.perCapita(field: "funding.spent_yuan", full: 100, half: 50))
        #expect(perCapita.attainment == .none)
        #expect(perCapita.reason.en == "funding.spent_yuan is not given")
        let threshold = evaluator.evaluate(.threshold(field: "funding.spent_yuan", full: 100, half: 50))
        #expect(threshold.attainment == .none)
        #expect(threshold.number == nil)

        let present = try ChecklistText.base().replacing("  amount_yuan: 3000", with: "  amount_yuan: 3000\n  spent_yuan: 1000").checklist()
        let spent = MeasureEvaluator(checklist: present, labels: CatalogueLabels(.builtIn))
            .evaluate(.perCapita(field: "funding.spent_yuan", full: 100, half: 50))
        #expect(spent.attainment == .half)
        #expect(spent.number == 50)
    }
}
