/// A unit's rectification actions as `audit run` spools them: per action only what the standard
/// does not already hold (the reason, the gain, the due date), with its criterion named by its
/// place in the standard. An action whose criterion, have, label or action text is not the
/// standard's (which scoring never makes) is kept whole. Ten times smaller than the rendered rows,
/// so a province's spool stays a few hundred megabytes.
struct SpooledActions: Sendable {
    /// The standard's criteria and their haves, in the order places count them (each id once).
    let criteria: [(have: String, criterion: Criterion)]
    private let places: [String: Int]

    init(standard: Standard) {
        var criteria: [(have: String, criterion: Criterion)] = []
        var places: [String: Int] = [:]
        for have in standard.haves {
            for criterion in have.criteria where places[criterion.id] == nil {
                places[criterion.id] = criteria.count
                criteria.append((have.id, criterion))
            }
        }
        self.criteria = criteria
        self.places = places
    }

    func encode(_ actions: [RectificationAction]) -> [UInt8] {
        var bytes: [UInt8] = []
        // Room for the reasons and the numbers around them, so the array grows once, if ever.
        bytes.reserveCapacity(actions.reduce(16) { $0 + $1.current.zh.utf8.count + $1.current.en.utf8.count + 24 })
        Self.integer(actions.count, to: &bytes)
        for action in actions {
            if let place = places[action.criterionID], criteria[place].have == action.haveID,
               criteria[place].criterion.label == action.label, criteria[place].criterion.action == action.action {
                Self.integer(place + 1, to: &bytes)
            } else {
                Self.integer(0, to: &bytes)
                for text in [action.haveID, action.criterionID, action.label.zh, action.label.en, action.action.zh, action.action.en] {
                    Self.string(text, to: &bytes)
                }
            }
            Self.string(action.current.zh, to: &bytes)
            Self.string(action.current.en, to: &bytes)
            Self.integer(action.gainTenths, to: &bytes)
            if let due = action.due {
                Self.integer(1, to: &bytes)
                for part in [due.year, due.month, due.day] { Self.integer(part, to: &bytes) }
            } else {
                Self.integer(0, to: &bytes)
            }
        }
        return bytes
    }

    /// One spooled action as `forEach` reads it: the reason's bytes in place in the spooled text,
    /// valid only while the visit lasts.
    struct Item {
        /// Where the action's criterion is in `criteria`, or nil when the action's texts are its
        /// own (`own`).
        var place: Int?
        /// The have, criterion id, label and action of an action that is not the standard's.
        var own: (haveID: String, criterionID: String, label: Localized, action: Localized)?
        /// The reason (the action's "now"), in Chinese and in English, as UTF-8.
        var currentZh: UnsafeBufferPointer<UInt8>
        var currentEn: UnsafeBufferPointer<UInt8>
        /// What fixing it adds to the score, in tenths.
        var gainTenths: Int
        /// When it is due, if a date was set.
        var due: CalendarDate?
    }

    /// Visits the actions of `bytes` (as `encode` wrote them) in order, without making a string or
    /// an action of those of the standard's criteria.
    func forEach(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Item) -> Void) {
        var reader = Reader(bytes: bytes)
        let count = reader.integer()
        for _ in 0..<max(0, count) {
            let place = reader.integer()
            var own: (haveID: String, criterionID: String, label: Localized, action: Localized)?
            if place <= 0 || place > criteria.count {
                own = (reader.string(), reader.string(), Localized(zh: reader.string(), en: reader.string()),
                       Localized(zh: reader.string(), en: reader.string()))
            }
            let currentZh = reader.text()
            let currentEn = reader.text()
            let gain = reader.integer()
            var due: CalendarDate?
            if reader.integer() == 1 {
                let (year, month, day) = (reader.integer(), reader.integer(), reader.integer())
                due = CalendarDate(year: year, month: month, day: day)
            }
            body(Item(place: own == nil ? place - 1 : nil, own: own, currentZh: currentZh, currentEn: currentEn,
                      gainTenths: gain, due: due))
        }
    }

    /// The actions `encode` wrote, as values: the inverse the tests check `encode` against (the
    /// reports render straight from the bytes, through `forEach`).
    func decode(_ bytes: [UInt8]) -> [RectificationAction] {
        bytes.withUnsafeBufferPointer { buffer in
            var actions: [RectificationAction] = []
            forEach(in: buffer) { actions.append(action($0)) }
            return actions
        }
    }

    /// The action an item holds, as a value of its own.
    func action(_ item: Item) -> RectificationAction {
        let (haveID, criterionID, label, action) = item.own
            ?? item.place.map { (criteria[$0].have, criteria[$0].criterion.id, criteria[$0].criterion.label, criteria[$0].criterion.action) }!
        let current = Localized(zh: String(decoding: item.currentZh, as: UTF8.self), en: String(decoding: item.currentEn, as: UTF8.self))
        return RectificationAction(haveID: haveID, criterionID: criterionID, label: label, current: current,
                                   action: action, gainTenths: item.gainTenths, due: item.due)
    }

    /// A signed integer in seven-bit groups, zigzag encoded.
    private static func integer(_ value: Int, to bytes: inout [UInt8]) {
        let signed = Int64(value)
        var rest = UInt64(bitPattern: signed << 1) ^ UInt64(bitPattern: signed >> 63)
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    private static func string(_ text: String, to bytes: inout [UInt8]) {
        text.withBytes { utf8 in
            integer(utf8.count, to: &bytes)
            bytes.append(contentsOf: utf8)
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func integer() -> Int {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while position < bytes.count {
                let byte = bytes[position]
                position += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { break }
                shift += 7
            }
            return Int(Int64(bitPattern: (value >> 1) ^ (0 &- (value & 1))))
        }

        mutating func string() -> String {
            String(decoding: text(), as: UTF8.self)
        }

        /// A string's bytes, in place.
        mutating func text() -> UnsafeBufferPointer<UInt8> {
            let count = max(0, min(integer(), bytes.count - position))
            defer { position += count }
            return UnsafeBufferPointer(rebasing: bytes[position..<position + count])
        }
    }
}
