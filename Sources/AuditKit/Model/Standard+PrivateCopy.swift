extension Standard {
    /// The same standard in storage of its own: every text, list and criterion copied, none shared
    /// with this one.
    ///
    /// Each lane of a parallel run scores with a copy of its own. Scoring hands the standard's
    /// criteria and texts from value to value, and every hand-over counts a reference on the
    /// object's header; two cores counting on the same headers take turns owning the memory they
    /// sit in, and a tenth of a 10,000-file `audit run`'s time went to that. With a copy per lane,
    /// each core counts on its own.
    func privateCopy() -> Standard {
        Standard(id: id.privateCopy(), version: version.privateCopy(), title: title.privateCopy(),
                 source: source?.privateCopy(), minRetirees: minRetirees, metPercent: metPercent,
                 compliant: compliant, largelyCompliant: largelyCompliant, deadlines: deadlines,
                 catalogues: catalogues.privateCopy(),
                 haves: haves.map { have in
                     Have(id: have.id.privateCopy(), label: have.label.privateCopy(), weightTenths: have.weightTenths,
                          criteria: have.criteria.map { $0.privateCopy() })
                 })
    }
}

extension Criterion {
    /// The same criterion as a new object whose texts are copies of its own.
    func privateCopy() -> Criterion {
        Criterion(id: id.privateCopy(), label: label.privateCopy(), pointsTenths: pointsTenths, measure: measure.privateCopy(),
                  essential: essential, essentialAbove: essentialAbove,
                  appliesWhen: appliesWhen.map { Condition(field: $0.field.privateCopy(), equals: $0.equals.privateCopy()) },
                  source: source.privateCopy(), action: action.privateCopy(), mark: mark)
    }
}

extension Measure {
    /// The same measure with its field names and ids copied.
    func privateCopy() -> Measure {
        switch self {
        case .flag(let field, let values):
            return .flag(field: field.privateCopy(), values: values?.privateCopy())
        case .threshold(let field, let full, let half):
            return .threshold(field: field.privateCopy(), full: full, half: half)
        case .equipment(let slots, let full, let half):
            return .equipment(slots: slots.map { $0.privateCopy() }, full: full, half: half)
        case .rules(let kinds, let full, let half, let posted, let years):
            return .rules(kinds: kinds.privateCopy(), full: full, half: half, postedForFull: posted, withinYears: years)
        case .activities(let kinds, let months, let full, let half):
            return .activities(kinds: kinds.privateCopy(), months: months, full: full, half: half)
        case .attendance(let kinds, let months, let full, let half):
            return .attendance(kinds: kinds?.privateCopy(), months: months, full: full, half: half)
        case .perCapita(let field, let full, let half):
            return .perCapita(field: field.privateCopy(), full: full, half: half)
        }
    }
}

extension Catalogues {
    /// The same catalogues in storage of their own.
    func privateCopy() -> Catalogues {
        var copy = Catalogues(equipment: equipment.map { $0.privateCopy() }, rules: rules.map { $0.privateCopy() })
        copy.tailored = tailored
        return copy
    }
}

extension Choice {
    /// The same choice with its id and label copied.
    func privateCopy() -> Choice {
        Choice(id.privateCopy(), zh: label.zh.privateCopy(), en: label.en.privateCopy())
    }
}

extension Localized {
    /// The same two texts in storage of their own.
    func privateCopy() -> Localized {
        Localized(zh: zh.privateCopy(), en: en.privateCopy())
    }
}

extension [String] {
    /// A new list of copies of these texts.
    func privateCopy() -> [String] {
        map { $0.privateCopy() }
    }
}

extension String {
    /// The same text in storage of its own. (A text of up to 15 bytes is held in the string value
    /// itself, and a literal in the program's image: neither is counted, and copying changes nothing.)
    func privateCopy() -> String {
        var source = self
        return source.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { target in
                _ = target.initialize(fromContentsOf: bytes)
                return bytes.count
            }
        }
    }
}
