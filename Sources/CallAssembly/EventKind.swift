/// The sources the assembler understands. CONVERSATION is the call itself, not a party.
enum EventSource: Equatable {
    case party(PartyRole)
    case conversation

    init?(_ text: String?) {
        guard let text = text.present?.uppercased() else { return nil }
        if text == "CONVERSATION" {
            self = .conversation
        } else if let role = PartyRole(rawValue: text) {
            self = .party(role)
        } else {
            return nil
        }
    }
}

/// The events the assembler understands (the vendor's list).
enum EventKind: String {
    case ringing, answer, hangup, join, incoming, onhold, resume

    init?(_ text: String) {
        guard let kind = EventKind(rawValue: (Optional(text).present ?? "").lowercased()) else { return nil }
        self = kind
    }
}

/// A non-duplicate event whose source and event the assembler understands, with its place in
/// session order. Every other event only counts in the call's event count, start and end.
struct RecognizedEvent {
    var position: Int
    var source: EventSource
    var kind: EventKind
    var event: SessionEvent
}
