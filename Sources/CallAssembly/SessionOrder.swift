/// Session order (SPEC 3): by (epoch, rawID), or by (epoch, eventid, rawID) when every event has
/// an eventid. Events of one second arrive in any order, so this order, not arrival, decides who
/// rang first and who hung up first.
enum SessionOrder {
    /// The events sorted into session order. Callers pass non-duplicate events only, since whether
    /// eventids are usable depends on every one of them.
    static func sorted(_ events: [SessionEvent]) -> [SessionEvent] {
        let ids = events.map { EventID($0.eventid.present) }
        guard ids.allSatisfy({ $0 != nil }) else {
            return events.sorted { ($0.epoch, $0.rawID) < ($1.epoch, $1.rawID) }
        }
        let keyed = zip(events, ids.map { $0! })
        return keyed.sorted { lhs, rhs in
            if lhs.0.epoch != rhs.0.epoch { return lhs.0.epoch < rhs.0.epoch }
            if lhs.1 != rhs.1 { return lhs.1 < rhs.1 }
            return lhs.0.rawID < rhs.0.rawID
        }.map(\.0)
    }
}

/// An eventid, compared numerically when it is a whole number, as text otherwise.
///
/// Comparing "numerically when both are integers, else as text" pair by pair is not a total order
/// ("9" < "10" < "10a" < "9"), and a sort with a cyclic order would depend on arrival order. So
/// whole numbers come before other ids, which compare by their UTF-8 bytes; ids that are the same
/// number ("7", "007") fall back to their text.
public struct EventID: Comparable, Sendable {
    private let digits: Substring?
    private let text: String

    public init?(_ text: String?) {
        guard let text else { return nil }
        self.text = text
        if text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            let significant = text.drop(while: { $0 == "0" })
            digits = significant.isEmpty ? "0" : significant
        } else {
            digits = nil
        }
    }

    public static func < (lhs: EventID, rhs: EventID) -> Bool {
        switch (lhs.digits, rhs.digits) {
        case let (l?, r?):
            // Arbitrary length: compare by digit count, then digit by digit.
            if l.count != r.count { return l.count < r.count }
            if l != r { return l.utf8.lexicographicallyPrecedes(r.utf8) }
        case (.some, nil):
            return true
        case (nil, .some):
            return false
        case (nil, nil):
            break
        }
        return lhs.text.utf8.lexicographicallyPrecedes(rhs.text.utf8)
    }

    public static func == (lhs: EventID, rhs: EventID) -> Bool {
        lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }
}
