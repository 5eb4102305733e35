/// What stays the same on every event of one call.
final class CallHeader {
    enum Direction: String {
        case dialIn = "dialin"
        case dialOut = "dialout"
    }

    let sessionid: String
    let direction: Direction
    /// Empty on dial-out calls.
    let did: String
    let team: String
    let group: String
    let campaign: String
    let customer: String

    init(sessionid: String, direction: Direction, did: String, team: String, group: String, campaign: String, customer: String) {
        self.sessionid = sessionid
        self.direction = direction
        self.did = did
        self.team = team
        self.group = group
        self.campaign = campaign
        self.customer = customer
    }
}

/// One call as the simulator plays it: what each party did and when, and the events that tell
/// it, in the order they were played (a call's events of one second reach the feed in this order).
struct CallScript {
    typealias PartyID = Int

    let kind: CallKind
    let header: CallHeader
    private(set) var parties: [PartyScript] = []
    private(set) var events: [ScriptedEvent] = []
    /// The agent the customer's events name in `activenum`: the one the call is with, or was
    /// last offered to, when the event is sent.
    var agentNumber = ""
    /// When the CONVERSATION hung up.
    private(set) var endedAt: Int64?

    init(kind: CallKind, header: CallHeader) {
        self.kind = kind
        self.header = header
    }

    /// A new party starts ringing (a caller's `incoming`); `shortIncoming` sends a caller's
    /// `incoming` in the vendor's short form, without the numbers; `agentno` is the login number
    /// an AGENT party's events carry when the traffic has agent state.
    mutating func ring(_ role: PartyScript.Role, number: String, agentno: String = "", uniqueid: String, channel: String, at time: Int64,
                       shortIncoming: Bool = false) -> PartyID {
        parties.append(PartyScript(role: role, number: number, agentno: agentno, uniqueid: uniqueid, channel: channel, ringAt: time))
        let party = parties.count - 1
        if role == .caller {
            send(party, .incoming, at: time, shape: shortIncoming ? .shortIncoming : .party)
        } else {
            send(party, .ringing, at: time)
        }
        return party
    }

    /// `calleridnum` and `channel` stand in for the usual values: the vendor's CALLEE answer names
    /// the agent, and its dial-out AGENT answer carries `channel= `.
    mutating func answer(_ party: PartyID, at time: Int64, calleridnum: String? = nil, channel: String = "") {
        parties[party].answerAt = time
        send(party, .answer, at: time, calleridnum: calleridnum, channel: channel)
    }

    /// A caller is put through to the agent who answered: no event says so.
    mutating func bridge(_ caller: PartyID, at time: Int64) {
        parties[caller].answerAt = time
    }

    /// A consulted party, already talking with the agent, joins the customer.
    mutating func join(_ party: PartyID, at time: Int64) {
        send(party, .join, at: time)
    }

    mutating func hold(_ party: PartyID, from start: Int64, to end: Int64) {
        parties[party].holds.append(Span(start, end))
        send(party, .onhold, at: start)
        send(party, .resume, at: end)
    }

    /// After the call, the agent of `party` did this many seconds of after-call work.
    mutating func afterCallWork(of party: PartyID, seconds: Int64) {
        parties[party].afterCallWorkSeconds = seconds
    }

    mutating func hangUp(_ party: PartyID, at time: Int64) {
        parties[party].hangupAt = time
        parties[party].hangupEvent = events.count
        send(party, .hangup, at: time)
    }

    /// The CONVERSATION hangup that closes every call.
    mutating func end(at time: Int64) {
        endedAt = time
        events.append(ScriptedEvent(
            time: time, call: header, party: nil, source: "CONVERSATION", name: .hangup, uniqueid: "0",
            calleridnum: header.customer, activenum: agentNumber, agentno: "", channel: "", shape: .conversation))
    }

    private mutating func send(_ party: PartyID, _ name: ScriptedEvent.Name, at time: Int64, calleridnum: String? = nil,
                               channel: String? = nil, shape: ScriptedEvent.Shape = .party) {
        let p = parties[party]
        events.append(ScriptedEvent(
            time: time, call: header, party: party, source: p.role.rawValue, name: name, uniqueid: p.uniqueid,
            calleridnum: calleridnum ?? header.customer,
            activenum: p.role.isStaff ? p.number : agentNumber, agentno: p.agentno,
            channel: channel ?? p.channel, shape: shape))
    }
}

/// One party of a call as the simulator played it.
struct PartyScript {
    enum Role: String {
        case agent = "AGENT"
        case caller = "CALLER"
        case callee = "CALLEE"
        case consult = "CONSULT"

        /// The call centre's side: an agent, or the supervisor an agent consults.
        var isStaff: Bool { self == .agent || self == .consult }
    }

    let role: Role
    let number: String
    /// Empty but on an AGENT party of traffic with agent state.
    let agentno: String
    let uniqueid: String
    let channel: String
    let ringAt: Int64
    /// When it was connected: its answer, or for a caller, when it was put through to an agent.
    var answerAt: Int64?
    var holds: [Span] = []
    var hangupAt: Int64?
    /// Which of the call's events is its hangup, so that hangups of one second have an order.
    var hangupEvent: Int?
    /// The after-call work its agent did once it hung up; 0 without agent state.
    var afterCallWorkSeconds: Int64 = 0

    /// The agent key (SPEC 6.1) of an AGENT or CONSULT party: its agentno, else its number.
    var agentKey: String? {
        role.isStaff ? (agentno.isEmpty ? number : agentno) : nil
    }
}

/// One event of one call, as it goes on the wire.
struct ScriptedEvent {
    enum Name: String {
        case incoming, ringing, answer, join, onhold, resume, hangup
    }

    /// Which keys the line carries, and in what order.
    enum Shape {
        /// Every key, like the vendor's examples.
        case party
        /// The vendor's short CALLER `incoming`: no numbers, no team or group (but, unlike the
        /// vendor's, an eventTime).
        case shortIncoming
        /// The CONVERSATION hangup: uniqueid 0, no DID, no channel.
        case conversation
    }

    let time: Int64
    let call: CallHeader
    /// Which of the call's parties sent it; nil for the CONVERSATION.
    let party: CallScript.PartyID?
    let source: String
    let name: Name
    let uniqueid: String
    let calleridnum: String
    let activenum: String
    /// The party's agentno, or empty.
    let agentno: String
    let channel: String
    let shape: Shape
}
