extension ParsedEvent {
    /// The agent an agent-state event is about (SPEC 6.1): its `agentno`, else its `activenum`.
    public var agentKey: String? {
        agentno ?? activenum
    }

    /// The `reason` of a `paused` event, a key of asterCC's that is not a column (spelled `reason`).
    public var reason: String? {
        extra.first { $0.key == "reason" }?.value
    }
}
