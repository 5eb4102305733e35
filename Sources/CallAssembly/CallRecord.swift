/// How a call ended, from the customer's and the call centre's point of view (SPEC 3.2).
public enum Disposition: String, CaseIterable, Sendable {
    /// A customer and an agent or consult party were connected at the same time.
    case answered
    /// Dial-in, never answered: the customer gave up or was dropped.
    case abandoned
    /// Dial-out: an agent answered and the customer was called, but never talked with an agent.
    case noAnswer = "no_answer"
    /// Dial-out: no agent ever answered.
    case agentNoAnswer = "agent_no_answer"
    /// Dial-out: an agent answered but no customer leg was ever created.
    case failed
    /// Not answered, and the call never said whether it was dial-in or dial-out.
    case unknown
}

/// The side a party is on; the raw value is the event `source` it comes from.
public enum PartyRole: String, Sendable {
    case agent = "AGENT"
    case caller = "CALLER"
    case callee = "CALLEE"
    case consult = "CONSULT"

    /// CALLER (inbound) and CALLEE (outbound) are the customer; AGENT and CONSULT the call centre.
    var isCustomer: Bool { self == .caller || self == .callee }
}

/// One leg of a call, with its durations (SPEC 3.1). Durations are whole seconds, never negative.
public struct CallParty: Sendable, Equatable {
    /// 1, 2, ... in the session order of each party's first event.
    public var party: Int
    public var role: PartyRole
    public var number: String?
    /// nil when the party had none (empty or "0") and was told apart by its number instead.
    public var uniqueid: String?
    /// The first non-empty channel of its events.
    public var channel: String?
    public var ringEpoch: Int64
    /// nil when the party was never connected.
    public var answerEpoch: Int64?
    /// nil when its hangup never arrived; its durations then end at the call's end.
    public var hangupEpoch: Int64?
    public var ringSeconds: Int64
    /// nil when never answered.
    public var answerSeconds: Int64?
    /// Time it talked while at least one other party talked too.
    public var talkSeconds: Int64
    /// Time it was on hold while connected.
    public var holdSeconds: Int64
    /// The first non-empty `agentno` of its events (AGENT and CONSULT parties).
    public var agentno: String?
    /// Its first moment of talk (talking while another party talks too); nil when it never talked.
    /// Before it an agent on the call is ringing, from it talking or on hold (SPEC 6.4).
    public var talkStartEpoch: Int64?
    /// Its hangup, else the call's end: where its time on the call stops.
    public var endEpoch: Int64
    /// Its hold intervals inside its connected interval, half-open (no column: `astercdr now`
    /// shows who is on hold).
    public var holdIntervals: [Range<Int64>]

    /// The agent key (SPEC 6.1) of an AGENT or CONSULT party: its `agentno`, else its number;
    /// nil for a customer.
    public var agent: String? {
        role.isCustomer ? nil : agentno ?? number
    }

    public init(
        party: Int, role: PartyRole, number: String?, uniqueid: String?, channel: String?,
        ringEpoch: Int64, answerEpoch: Int64?, hangupEpoch: Int64?,
        ringSeconds: Int64, answerSeconds: Int64?, talkSeconds: Int64, holdSeconds: Int64,
        agentno: String? = nil, talkStartEpoch: Int64? = nil, endEpoch: Int64? = nil, holdIntervals: [Range<Int64>] = []
    ) {
        self.party = party
        self.role = role
        self.number = number
        self.uniqueid = uniqueid
        self.channel = channel
        self.ringEpoch = ringEpoch
        self.answerEpoch = answerEpoch
        self.hangupEpoch = hangupEpoch
        self.ringSeconds = ringSeconds
        self.answerSeconds = answerSeconds
        self.talkSeconds = talkSeconds
        self.holdSeconds = holdSeconds
        self.agentno = agentno
        self.talkStartEpoch = talkStartEpoch
        self.endEpoch = endEpoch ?? hangupEpoch ?? ringEpoch
        self.holdIntervals = holdIntervals
    }
}

/// One call, assembled from its session's events (SPEC 3.2). Durations are whole seconds,
/// never negative.
public struct CallRecord: Sendable, Equatable {
    public var sessionid: String
    /// The first non-empty `from` (dialin / dialout), as sent.
    public var direction: String?
    public var disposition: Disposition
    /// true once the CONVERSATION hangup has arrived.
    public var complete: Bool
    public var customerNumber: String?
    /// The AGENT party first connected with the customer.
    public var agentNumber: String?
    /// That party's agent key (SPEC 6.1): its `agentno`, else `agentNumber`.
    public var agent: String?
    /// How many AGENT parties the call had, answered or not.
    public var agentsRung: Int
    public var did: String?
    public var teamID: String?
    public var groupID: String?
    public var modeltype: String?
    public var modelID: String?
    public var startEpoch: Int64
    /// The first moment a customer and an agent or consult party were connected together.
    public var answerEpoch: Int64?
    /// The CONVERSATION hangup; without one, the latest event.
    public var endEpoch: Int64
    public var durationSeconds: Int64
    /// Queue wait: until the answer, or until the end when never answered.
    public var waitSeconds: Int64
    /// Time a customer and an agent or consult party talked together.
    public var talkSeconds: Int64
    /// Time at least one connected party was on hold.
    public var holdSeconds: Int64
    /// "customer", "agent" or "consult": who hung up first among those who talked across sides.
    public var hangupBy: String?
    /// The session's non-duplicate events, whatever their source.
    public var eventCount: Int
    public var parties: [CallParty]

    public init(
        sessionid: String, direction: String?, disposition: Disposition, complete: Bool,
        customerNumber: String?, agentNumber: String?, agent: String? = nil, agentsRung: Int,
        did: String?, teamID: String?, groupID: String?, modeltype: String?, modelID: String?,
        startEpoch: Int64, answerEpoch: Int64?, endEpoch: Int64,
        durationSeconds: Int64, waitSeconds: Int64, talkSeconds: Int64, holdSeconds: Int64,
        hangupBy: String?, eventCount: Int, parties: [CallParty]
    ) {
        self.sessionid = sessionid
        self.direction = direction
        self.disposition = disposition
        self.complete = complete
        self.customerNumber = customerNumber
        self.agentNumber = agentNumber
        self.agent = agent ?? agentNumber
        self.agentsRung = agentsRung
        self.did = did
        self.teamID = teamID
        self.groupID = groupID
        self.modeltype = modeltype
        self.modelID = modelID
        self.startEpoch = startEpoch
        self.answerEpoch = answerEpoch
        self.endEpoch = endEpoch
        self.durationSeconds = durationSeconds
        self.waitSeconds = waitSeconds
        self.talkSeconds = talkSeconds
        self.holdSeconds = holdSeconds
        self.hangupBy = hangupBy
        self.eventCount = eventCount
        self.parties = parties
    }
}
