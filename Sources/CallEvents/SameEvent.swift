extension ParsedEvent {
    /// SPEC 1.4's comparison, which a matching `dedupeKey` only suggests: two events of one session
    /// (or one agent) are the same when both carry the same `eventid`, or, when neither carries
    /// one, the same set of key/value pairs. A hash collision can never make a copy of another event.
    public func isSameEvent(as other: ParsedEvent) -> Bool {
        switch (eventid, other.eventid) {
        case let (mine?, theirs?): return mine == theirs
        case (nil, nil): break
        default: return false
        }
        guard source == other.source, event == other.event, eventTime == other.eventTime,
              uniqueid == other.uniqueid, channel == other.channel, calleridnum == other.calleridnum,
              activenum == other.activenum, didnumber == other.didnumber, direction == other.direction,
              calltype == other.calltype, teamID == other.teamID, groupID == other.groupID,
              modeltype == other.modeltype, modelID == other.modelID, agentno == other.agentno,
              extra.count == other.extra.count
        else { return false }
        // Keys are unique within one event, so equal counts and every pair found means equal sets.
        return extra.allSatisfy { field in other.extra.contains { $0.key == field.key && $0.value == field.value } }
    }
}
