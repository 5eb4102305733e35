/// A stretch of whole seconds, both ends included: two parties whose spans only touch were
/// together for an instant.
struct Span: Equatable {
    var start: Int64
    var end: Int64

    init(_ start: Int64, _ end: Int64) {
        self.start = start
        self.end = end
    }

    var length: Int64 { end - start }

    func overlaps(_ other: Span) -> Bool {
        max(start, other.start) <= min(end, other.end)
    }
}

extension [Span] {
    /// In time order, overlapping and touching spans made one.
    var merged: [Span] {
        var result: [Span] = []
        for span in sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) {
            if let last = result.last, span.start <= last.end {
                result[result.count - 1].end = Swift.max(last.end, span.end)
            } else {
                result.append(span)
            }
        }
        return result
    }

    /// How long they cover, counting time covered twice once.
    var coveredSeconds: Int64 {
        merged.reduce(0) { $0 + $1.length }
    }

    /// The time covered by both.
    func intersection(_ other: [Span]) -> [Span] {
        let mine = merged, theirs = other.merged
        var result: [Span] = []
        var i = 0, j = 0
        while i < mine.count, j < theirs.count {
            let start = Swift.max(mine[i].start, theirs[j].start), end = Swift.min(mine[i].end, theirs[j].end)
            if start < end { result.append(Span(start, end)) }
            if mine[i].end < theirs[j].end { i += 1 } else { j += 1 }
        }
        return result
    }

    /// The time covered by these spans but not by `holes`.
    func subtracting(_ holes: [Span]) -> [Span] {
        var remaining = merged
        for hole in holes.merged {
            remaining = remaining.flatMap { span -> [Span] in
                guard span.overlaps(hole) else { return [span] }
                return [Span(span.start, hole.start), Span(hole.end, span.end)].filter { $0.length > 0 }
            }
        }
        return remaining
    }

    /// The first instant covered by both (spans that only touch share that instant); nil when none.
    func firstMomentShared(with other: [Span]) -> Int64? {
        flatMap { mine in other.filter(mine.overlaps).map { Swift.max(mine.start, $0.start) } }.min()
    }

    /// The parts inside `window`.
    func clipped(to window: Span) -> [Span] {
        compactMap { span in
            let start = Swift.max(span.start, window.start), end = Swift.min(span.end, window.end)
            return start <= end ? Span(start, end) : nil
        }
    }
}
