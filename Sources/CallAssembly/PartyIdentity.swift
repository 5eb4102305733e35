// Who the parties of a session are, and their numbers (SPEC 3.1).

/// What tells one party from another of the same source: its channel id, or, when the server
/// sent none (empty or "0"), the event's own number.
enum PartyKey: Hashable {
    case uniqueid(PartyRole, String)
    /// The number may be missing too; such events of one source then form one party, since
    /// nothing tells them apart.
    case number(PartyRole, String?)

    init(role: PartyRole, event: SessionEvent) {
        if let uniqueid = event.uniqueid.present, uniqueid != "0" {
            self = .uniqueid(role, uniqueid)
        } else {
            self = .number(role, PartyIdentity.ownNumber(of: event, role: role))
        }
    }

    var uniqueid: String? {
        if case let .uniqueid(_, id) = self { return id }
        return nil
    }
}

/// One party's recognized events, in session order.
struct PartyEvents {
    let role: PartyRole
    let key: PartyKey
    var events: [RecognizedEvent]
}

enum PartyIdentity {
    /// The parties of the session in the session order of their first events.
    static func parties(of events: [RecognizedEvent]) -> [PartyEvents] {
        var parties: [PartyEvents] = []
        var index: [PartyKey: Int] = [:]
        for recognized in events {
            guard case let .party(role) = recognized.source else { continue }
            let key = PartyKey(role: role, event: recognized.event)
            if let at = index[key] {
                parties[at].events.append(recognized)
            } else {
                index[key] = parties.count
                parties.append(PartyEvents(role: role, key: key, events: [recognized]))
            }
        }
        return parties
    }

    /// The number one event gives for its own party: `activenum` names the agent side, while a
    /// customer's `calleridnum` is its number (else the one in its channel name).
    static func ownNumber(of event: SessionEvent, role: PartyRole) -> String? {
        if role.isCustomer {
            return event.calleridnum.present ?? event.channel.present.flatMap(channelNumber)
        }
        return event.activenum.present
    }

    /// The party's number. A customer's is its most frequent `calleridnum` (first in session
    /// order on a tie) because asterCC once puts the agent's number in a CALLEE's `calleridnum`
    /// (the vendor's dial-out answer event); the majority of the party's events outvotes it.
    static func number(of party: PartyEvents) -> String? {
        let events = party.events.map(\.event)
        guard party.role.isCustomer else {
            return events.lazy.compactMap { $0.activenum.present }.first
        }
        var counts: [String: Int] = [:]
        var order: [String] = []
        for number in events.compactMap({ $0.calleridnum.present }) {
            if counts[number] == nil { order.append(number) }
            counts[number, default: 0] += 1
        }
        if let top = counts.values.max() {
            return order.first { counts[$0] == top }
        }
        return events.lazy.compactMap { $0.channel.present.flatMap(channelNumber) }.first
    }

    /// The first non-empty channel name of the party.
    static func channel(of party: PartyEvents) -> String? {
        party.events.lazy.compactMap { $0.event.channel.present }.first
    }

    /// The number in a channel name such as `Local/0138888888888@hosted-dialin-701a;1`: what lies
    /// between the technology's `/` and the `@` of the context. Names without that shape
    /// (`SIP/trunk-00000a1b`) carry no number.
    static func channelNumber(_ channel: String) -> String? {
        guard let slash = channel.firstIndex(of: "/") else { return nil }
        let rest = channel[channel.index(after: slash)...]
        guard let at = rest.firstIndex(of: "@") else { return nil }
        return Optional(String(rest[..<at])).present
    }
}
