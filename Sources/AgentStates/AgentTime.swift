/// One AGENT or CONSULT party of an agent, as its time (SPEC 6.4, 6.5) looks at it.
public struct CallSpan: Sendable, Equatable {
    public var ring: Int64
    /// Its first moment of talk (SPEC 3.1: talking while another party talks); nil when it never talked.
    public var talkStart: Int64?
    /// Its end: its hangup, else its call's end; nil while the call goes on.
    public var end: Int64?
    /// Its hold intervals, half-open [start, end); only `state(at:)` looks at them.
    public var holds: [Range<Int64>]

    public init(ring: Int64, talkStart: Int64?, end: Int64?, holds: [Range<Int64>] = []) {
        self.ring = ring
        self.talkStart = talkStart
        self.end = end
        self.holds = holds
    }
}

/// What an agent is doing at a moment (SPEC 6.4), in precedence order.
public enum AgentActivity: String, Sendable, CaseIterable {
    case talking
    case onHold = "on_hold"
    case ringing
    case acw
    case paused
    case available
}

/// An agent's time over a range (SPEC 6.4), in whole seconds.
public struct AgentTimeFigures: Sendable, Equatable {
    public var loginSeconds: Int64 = 0
    public var acwSeconds: Int64 = 0
    public var pauseSeconds: Int64 = 0
    public var availableSeconds: Int64 = 0
    /// Time `talking` or `on_hold`.
    public var busySeconds: Int64 = 0
    public var ringingSeconds: Int64 = 0

    public init() {}

    /// (busy + acw) / (busy + acw + ringing + available), in tenths of a percent rounded half up;
    /// nil when the divisor is 0.
    public var occupancyTenths: Int64? {
        let worked = busySeconds + acwSeconds
        let divisor = worked + ringingSeconds + availableSeconds
        guard divisor > 0 else { return nil }
        // worked * 1000 / divisor + 1/2, rounded down, in integers.
        return (2000 * worked + divisor) / (2 * divisor)
    }

    public static func += (total: inout AgentTimeFigures, figures: AgentTimeFigures) {
        total.loginSeconds += figures.loginSeconds
        total.acwSeconds += figures.acwSeconds
        total.pauseSeconds += figures.pauseSeconds
        total.availableSeconds += figures.availableSeconds
        total.busySeconds += figures.busySeconds
        total.ringingSeconds += figures.ringingSeconds
    }
}

/// An agent's state from its intervals and its calls (SPEC 6.4, 6.5).
public enum AgentTime {
    /// The figures over `range`: every interval and call clipped to it; an open interval or a call
    /// without an end runs to `range.upperBound` (the caller passes the earlier of the report's end
    /// and the newest event time). What `AgentTimeSpans` gives from the same intervals and calls.
    public static func figures(intervals: [AgentInterval], calls: [CallSpan], over range: Range<Int64>) -> AgentTimeFigures {
        var spans = AgentTimeSpans(over: range)
        intervals.forEach { spans.add($0) }
        calls.forEach { spans.add($0) }
        return spans.figures
    }

    /// The agent's activity at `moment` and since when it has been in it, from its intervals and
    /// calls as they stood then (an interval or call whose end is after `moment`, or nil, is open
    /// then); nil when the agent is signed in to no group and on no call then. `since` is when its
    /// current run of that activity began (a ring, a talk start, a hold or its resume, an interval
    /// opening or closing); a moment that left the activity as it was, such as a login to a second
    /// group, does not restart it.
    public static func state(at moment: Int64, intervals: [AgentInterval], calls: [CallSpan]) -> (activity: AgentActivity, since: Int64)? {
        AgentMoment.state(at: moment, intervals: intervals, calls: calls)
    }
}
