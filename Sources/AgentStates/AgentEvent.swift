/// One non-duplicate agent-state event of one agent (SPEC 6), as the rules of 6.2 need it.
public struct AgentEvent: Sendable, Equatable {
    /// Arrival order (`raw_events.id`); the last tie-breaker of the agent's order.
    public var rawID: Int64
    public var eventid: String?
    /// Lower-cased, as parsed: `login`, `logoff`, `paused`, `nopaused`, `hangupacw`, `acwstop`;
    /// any other name opens and closes nothing.
    public var event: String
    public var epoch: Int64
    /// `AgentGroupId`: the group a `login` signs in to, a `logoff` signs out of (nil: every group).
    public var groupID: String?
    /// The `reason` of a `paused` event.
    public var reason: String?

    public init(rawID: Int64, eventid: String? = nil, event: String, epoch: Int64, groupID: String? = nil, reason: String? = nil) {
        self.rawID = rawID
        self.eventid = eventid
        self.event = event
        self.epoch = epoch
        self.groupID = groupID
        self.reason = reason
    }
}
