extension AgentActivity {
    /// Its place in the precedence of SPEC 6.4 (the order of `allCases`): when two apply at once,
    /// the lower rank wins.
    var rank: Int { Self.allCases.firstIndex(of: self)! }
}

/// What one agent is doing at one second (SPEC 6.4, 6.5).
enum AgentMoment {
    /// The winning activity of its calls on then; off a call, its intervals'. Nil when it is on no
    /// call and signed in to no group: after-call work or a pause without a sign-in is not shown.
    static func activity(at moment: Int64, intervals: [AgentInterval], calls: [CallSpan]) -> AgentActivity? {
        if let onCall = calls.compactMap({ $0.activity(at: moment) }).min(by: { $0.rank < $1.rank }) {
            return onCall
        }
        let open = intervals.filter { $0.isOpen(at: moment) }
        guard open.contains(where: { $0.kind == .loggedIn }) else { return nil }
        if open.contains(where: { $0.kind == .acw }) { return .acw }
        if open.contains(where: { $0.kind == .paused }) { return .paused }
        return .available
    }

    /// The activity at `moment` and the start of its run: the latest boundary at or before
    /// `moment` whose previous second was spent otherwise (or not listed). The activity can only
    /// change at a boundary, so the run's start is one of them.
    static func state(at moment: Int64, intervals: [AgentInterval], calls: [CallSpan]) -> (activity: AgentActivity, since: Int64)? {
        guard let current = activity(at: moment, intervals: intervals, calls: calls) else { return nil }
        let boundaries = Set(intervals.flatMap(\.boundaries) + calls.flatMap(\.boundaries)).filter { $0 <= moment }
        // Most runs are short, so walking back from `moment` meets the change within a few steps.
        // One is always met: before the earliest start nothing is open, so `moment` is no more
        // than a fallback the compiler asks for.
        let since = boundaries.sorted(by: >).first { boundary in
            activity(at: boundary - 1, intervals: intervals, calls: calls) != current
        } ?? moment
        return (current, since)
    }
}
