import CallAssembly

/// One agent's time over a range (SPEC 6.4), gathered an interval or a call at a time: each is
/// cut to the range as it comes and kept only as the span it adds to a state, so that a month of
/// an agent's rows is a few arrays of (start, end) rather than every row whole (measured: the
/// rows' memory was a good part of `report agents` over a month).
public struct AgentTimeSpans: Sendable {
    public let range: Range<Int64>
    /// An interval overlapping the range was added, even one that lasts no time.
    public private(set) var hasIntervals = false
    private var loggedIn: [HalfOpenInterval] = []
    private var paused: [HalfOpenInterval] = []
    private var acw: [HalfOpenInterval] = []
    private var busy: [HalfOpenInterval] = []
    private var ringing: [HalfOpenInterval] = []

    /// `range`'s upper bound is where an open interval or a call without an end stops: the caller
    /// passes the earlier of the report's end and the newest event time.
    public init(over range: Range<Int64>) {
        self.range = range
    }

    /// Adds an interval of the agent's that overlaps the range.
    public mutating func add(_ interval: AgentInterval) {
        hasIntervals = true
        guard let time = cut(interval.time(endingAt: range.upperBound)) else { return }
        switch interval.kind {
        case .loggedIn: loggedIn.append(time)
        case .paused: paused.append(time)
        case .acw: acw.append(time)
        }
    }

    /// Adds a call of the agent's.
    public mutating func add(_ call: CallSpan) {
        if let busyTime = call.busyTime(endingAt: range.upperBound).flatMap(cut) { busy.append(busyTime) }
        if let ringingTime = cut(call.ringingTime(endingAt: range.upperBound)) { ringing.append(ringingTime) }
    }

    /// `span` cut to the range; nil when that leaves nothing. The same seconds as the intersection
    /// of every span with the range, span by span.
    private func cut(_ span: HalfOpenInterval) -> HalfOpenInterval? {
        let cut = HalfOpenInterval(max(span.lower, range.lowerBound), min(span.upper, range.upperBound))
        return cut.isEmpty ? nil : cut
    }

    /// Each second counts once, in the state that wins it (busy, ringing, acw, paused, available);
    /// `loginSeconds` counts every signed-in second, whatever the agent did in it.
    public var figures: AgentTimeFigures {
        let busy = IntervalSet(busy)
        let ringing = IntervalSet(ringing).subtracting(busy)
        let onCall = busy.union(ringing)
        let acw = IntervalSet(acw).subtracting(onCall)
        let paused = IntervalSet(paused).subtracting(onCall.union(acw))
        let loggedIn = IntervalSet(loggedIn)
        let available = loggedIn.subtracting(onCall.union(acw).union(paused))

        var figures = AgentTimeFigures()
        figures.loginSeconds = loggedIn.totalLength
        figures.acwSeconds = acw.totalLength
        figures.pauseSeconds = paused.totalLength
        figures.availableSeconds = available.totalLength
        figures.busySeconds = busy.totalLength
        figures.ringingSeconds = ringing.totalLength
        return figures
    }
}
