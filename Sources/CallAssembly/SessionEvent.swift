/// One stored event of a session, as the assembler needs it: already parsed, its time already
/// resolved to Unix seconds (estimated times included).
///
/// Optional text fields that are empty or only whitespace count as absent.
public struct SessionEvent: Sendable, Equatable {
    /// Arrival order (`raw_events.id`); unique within a session. The last tie-breaker of session order.
    public var rawID: Int64
    /// The server's event id, when it sends one; orders events of one second when every event has one.
    public var eventid: String?
    /// AGENT, CALLER, CALLEE, CONVERSATION or CONSULT; any other value is ignored by the assembler
    /// (the event still counts in `eventCount` and in the call's start and end).
    public var source: String?
    /// ringing, answer, hangup, join, incoming, onhold or resume; any other value is ignored like an
    /// unknown source.
    public var event: String
    public var epoch: Int64
    public var uniqueid: String?
    public var channel: String?
    public var calleridnum: String?
    public var activenum: String?
    public var didnumber: String?
    /// The `from` field: dialin or dialout, as sent.
    public var direction: String?
    public var teamID: String?
    public var groupID: String?
    public var modeltype: String?
    public var modelID: String?
    /// The agent's login number, which asterCC's AGENT call events carry (SPEC 6.1).
    public var agentno: String?
    /// A second copy of an event already stored; the assembler ignores it entirely.
    public var isDuplicate: Bool

    public init(
        rawID: Int64,
        eventid: String? = nil,
        source: String?,
        event: String,
        epoch: Int64,
        uniqueid: String? = nil,
        channel: String? = nil,
        calleridnum: String? = nil,
        activenum: String? = nil,
        didnumber: String? = nil,
        direction: String? = nil,
        teamID: String? = nil,
        groupID: String? = nil,
        modeltype: String? = nil,
        modelID: String? = nil,
        agentno: String? = nil,
        isDuplicate: Bool = false
    ) {
        self.rawID = rawID
        self.eventid = eventid
        self.source = source
        self.event = event
        self.epoch = epoch
        self.uniqueid = uniqueid
        self.channel = channel
        self.calleridnum = calleridnum
        self.activenum = activenum
        self.didnumber = didnumber
        self.direction = direction
        self.teamID = teamID
        self.groupID = groupID
        self.modeltype = modeltype
        self.modelID = modelID
        self.agentno = agentno
        self.isDuplicate = isDuplicate
    }
}
