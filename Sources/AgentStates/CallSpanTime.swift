import CallAssembly

/// A call's time as the agent's time sees it (SPEC 6.4). Both figures and `state(at:)` read a call
/// through these, so the seconds a report counts as ringing are the seconds `now` shows as ringing.
/// Everything lies within [ring, end): a talk start outside it moves nothing outside the call.
extension CallSpan {
    /// From its ring until it talks or ends, whichever comes first; a call still going on ends at
    /// `openEnd`.
    func ringingTime(endingAt openEnd: Int64) -> HalfOpenInterval {
        let end = self.end ?? openEnd
        return HalfOpenInterval(ring, min(talkStart ?? end, end))
    }

    /// Talking or on hold: from its first talk to its end; nil when it never talked.
    func busyTime(endingAt openEnd: Int64) -> HalfOpenInterval? {
        talkStart.map { HalfOpenInterval(max(ring, $0), end ?? openEnd) }
    }

    /// What it makes the agent at `moment`; nil when the call is not on then.
    func activity(at moment: Int64) -> AgentActivity? {
        guard ring <= moment, end.map({ moment < $0 }) ?? true else { return nil }
        guard let talkStart, talkStart <= moment else { return .ringing }
        return holds.contains { $0.contains(moment) } ? .onHold : .talking
    }

    /// Adds the moments at which its activity can change.
    func appendBoundaries(to moments: inout [Int64]) {
        moments.append(ring)
        if let talkStart { moments.append(talkStart) }
        if let end { moments.append(end) }
        for hold in holds {
            moments.append(hold.lowerBound)
            moments.append(hold.upperBound)
        }
    }
}
