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
    /// `loginSeconds` counts every signed-in second, whatever the agent did in it. One sweep over
    /// the five states' times together, cut where any of them starts or ends (measured: the set
    /// differences and unions it replaces made an array each, most of the figures' time).
    public var figures: AgentTimeFigures {
        // In the order they win; signed in last, as available is what is left of it.
        let states = [busy, ringing, acw, paused, loggedIn].map { IntervalSet($0).intervals }
        let signedIn = states.count - 1
        var won = [Int64](repeating: 0, count: states.count)
        var loginSeconds: Int64 = 0
        // Each state's first interval that does not end by `moment`.
        var next = [Int](repeating: 0, count: states.count)
        var moment = Int64.min
        while true {
            // The piece from `moment` to the nearest start or end after it, in any state.
            var end = Int64.max
            var winner: Int?
            var isSignedIn = false
            for state in states.indices where next[state] < states[state].count {
                let interval = states[state][next[state]]
                if interval.lower <= moment {
                    winner = winner ?? state
                    isSignedIn = isSignedIn || state == signedIn
                    end = min(end, interval.upper)
                } else {
                    end = min(end, interval.lower)
                }
            }
            guard end < .max else { break }
            if let winner { won[winner] += end - moment }
            if isSignedIn { loginSeconds += end - moment }
            moment = end
            for state in states.indices where next[state] < states[state].count && states[state][next[state]].upper <= moment {
                next[state] += 1
            }
        }

        var figures = AgentTimeFigures()
        figures.busySeconds = won[0]
        figures.ringingSeconds = won[1]
        figures.acwSeconds = won[2]
        figures.pauseSeconds = won[3]
        figures.availableSeconds = won[signedIn]
        figures.loginSeconds = loginSeconds
        return figures
    }
}
