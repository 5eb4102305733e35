extension AgentActivity {
    // `allCases` is built anew at each use; ranks are asked for on every second looked at.
    private static let byPrecedence = allCases

    /// Its place in the precedence of SPEC 6.4 (the order of `allCases`): when two apply at once,
    /// the lower rank wins.
    var rank: Int { Self.byPrecedence.firstIndex(of: self)! }
}

/// What one agent is doing at one second (SPEC 6.4, 6.5). Asked for every agent on the floor
/// once a second by the wallboard, so it builds one array of boundaries and no others.
enum AgentMoment {
    /// The winning activity of its calls on then; off a call, its intervals'. Nil when it is on no
    /// call and signed in to no group: after-call work or a pause without a sign-in is not shown.
    static func activity(at moment: Int64, intervals: [AgentInterval], calls: [CallSpan]) -> AgentActivity? {
        var onCall: AgentActivity?
        for call in calls {
            guard let activity = call.activity(at: moment) else { continue }
            if onCall.map({ activity.rank < $0.rank }) ?? true { onCall = activity }
        }
        if let onCall { return onCall }
        var signedIn = false, inAcw = false, paused = false
        for interval in intervals where interval.isOpen(at: moment) {
            switch interval.kind {
            case .loggedIn: signedIn = true
            case .acw: inAcw = true
            case .paused: paused = true
            }
        }
        guard signedIn else { return nil }
        return inAcw ? .acw : paused ? .paused : .available
    }

    /// The activity at `moment` and the start of its run: the latest boundary at or before
    /// `moment` whose previous second was spent otherwise (or not listed). The activity can only
    /// change at a boundary, so the run's start is one of them.
    static func state(at moment: Int64, intervals: [AgentInterval], calls: [CallSpan]) -> (activity: AgentActivity, since: Int64)? {
        guard let current = activity(at: moment, intervals: intervals, calls: calls) else { return nil }
        var boundaries: [Int64] = []
        boundaries.reserveCapacity(2 * intervals.count + 3 * calls.count)
        for interval in intervals { interval.appendBoundaries(to: &boundaries) }
        for call in calls { call.appendBoundaries(to: &boundaries) }
        boundaries.sort(by: >)
        // Most runs are short, so walking back from `moment` meets the change within a few steps.
        // One is always met: before the earliest start nothing is open, so `moment` is no more
        // than a fallback the compiler asks for.
        var previous: Int64?
        for boundary in boundaries where boundary <= moment && boundary != previous {
            previous = boundary
            if activity(at: boundary - 1, intervals: intervals, calls: calls) != current { return (current, boundary) }
        }
        return (current, moment)
    }
}
