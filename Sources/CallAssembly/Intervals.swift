/// A closed span of time [lower, upper] in Unix seconds, lower ≤ upper. Used where touching
/// matters: a customer hung up at the very second an agent answered was still connected with it.
struct ClosedInterval: Equatable {
    let lower: Int64
    let upper: Int64

    /// The span from `lower` to `upper`, or the single moment `lower` when `upper` is earlier
    /// (disordered clocks must not make a span run backwards).
    init(_ lower: Int64, _ upper: Int64) {
        self.lower = lower
        self.upper = max(lower, upper)
    }

    /// The first moment both spans contain, or nil when they are apart.
    func firstCommonMoment(with other: ClosedInterval) -> Int64? {
        let start = max(lower, other.lower)
        return start <= min(upper, other.upper) ? start : nil
    }

    var halfOpen: IntervalSet { IntervalSet([HalfOpenInterval(lower, upper)]) }
}

/// A half-open span [lower, upper) in Unix seconds; empty when upper ≤ lower. Used where only
/// lengths matter, so that a single moment weighs nothing.
public struct HalfOpenInterval: Sendable, Equatable {
    public let lower: Int64
    public let upper: Int64

    public init(_ lower: Int64, _ upper: Int64) {
        self.lower = lower
        self.upper = upper
    }

    public var isEmpty: Bool { upper <= lower }
}

/// A set of moments as sorted, disjoint, non-adjacent, non-empty half-open intervals.
public struct IntervalSet: Sendable, Equatable {
    public private(set) var intervals: [HalfOpenInterval]

    public static let empty = IntervalSet([])

    public init(_ intervals: [HalfOpenInterval]) {
        var merged: [HalfOpenInterval] = []
        for next in intervals.filter({ !$0.isEmpty }).sorted(by: { ($0.lower, $0.upper) < ($1.lower, $1.upper) }) {
            if let last = merged.last, next.lower <= last.upper {
                merged[merged.count - 1] = HalfOpenInterval(last.lower, max(last.upper, next.upper))
            } else {
                merged.append(next)
            }
        }
        self.intervals = merged
    }

    public var totalLength: Int64 { intervals.reduce(0) { $0 + ($1.upper - $1.lower) } }

    public func union(_ other: IntervalSet) -> IntervalSet {
        IntervalSet(intervals + other.intervals)
    }

    public static func union<S: Sequence>(_ sets: S) -> IntervalSet where S.Element == IntervalSet {
        IntervalSet(sets.flatMap(\.intervals))
    }

    public func intersection(_ other: IntervalSet) -> IntervalSet {
        var result: [HalfOpenInterval] = []
        var i = 0, j = 0
        while i < intervals.count, j < other.intervals.count {
            let a = intervals[i], b = other.intervals[j]
            let overlap = HalfOpenInterval(max(a.lower, b.lower), min(a.upper, b.upper))
            if !overlap.isEmpty { result.append(overlap) }
            if a.upper < b.upper { i += 1 } else { j += 1 }
        }
        return IntervalSet(result)
    }

    public func subtracting(_ other: IntervalSet) -> IntervalSet {
        var result: [HalfOpenInterval] = []
        var j = 0
        for a in intervals {
            var lower = a.lower
            // Cuts that end before this interval cannot touch any later interval either.
            while j < other.intervals.count, other.intervals[j].upper <= lower { j += 1 }
            var k = j
            while k < other.intervals.count, other.intervals[k].lower < a.upper {
                let cut = other.intervals[k]
                if cut.lower > lower { result.append(HalfOpenInterval(lower, cut.lower)) }
                lower = max(lower, cut.upper)
                k += 1
            }
            if lower < a.upper { result.append(HalfOpenInterval(lower, a.upper)) }
        }
        return IntervalSet(result)
    }
}
