/// The interval kinds of `agent_states` (SPEC 6.2).
public enum AgentIntervalKind: String, Sendable, CaseIterable {
    case loggedIn = "logged_in"
    case paused
    case acw
}

/// One row of `agent_states`: an interval of one agent's time, open while `end` is nil.
public struct AgentInterval: Sendable, Equatable {
    public var kind: AgentIntervalKind
    /// The group of a `logged_in` interval; nil for the others.
    public var groupID: String?
    public var start: Int64
    public var end: Int64?
    /// The `reason` of the `paused` event that opened it; nil for the others.
    public var reason: String?
    public var startRawID: Int64
    public var endRawID: Int64?

    public init(kind: AgentIntervalKind, groupID: String? = nil, start: Int64, end: Int64? = nil, reason: String? = nil,
                startRawID: Int64, endRawID: Int64? = nil) {
        self.kind = kind
        self.groupID = groupID
        self.start = start
        self.end = end
        self.reason = reason
        self.startRawID = startRawID
        self.endRawID = endRawID
    }

    /// Its length in seconds once closed.
    public var seconds: Int64? { end.map { max(0, $0 - start) } }
}
