import Testing
@testable import CallAssembly

@Suite("Interval arithmetic")
struct IntervalTests {
    func set(_ pairs: [(Int64, Int64)]) -> IntervalSet {
        IntervalSet(pairs.map { HalfOpenInterval($0.0, $0.1) })
    }
    func spans(_ s: IntervalSet) -> [[Int64]] { s.intervals.map { [$0.lower, $0.upper] } }

    @Test func normalizationMergesOverlappingAndAdjacentAndDropsEmpty() {
        let s = set([(10, 20), (0, 5), (5, 7), (15, 25), (30, 30), (40, 35)])
        #expect(spans(s) == [[0, 7], [10, 25]])
        #expect(s.totalLength == 22)
    }

    @Test func union() {
        #expect(spans(set([(0, 5)]).union(set([(3, 8), (10, 12)]))) == [[0, 8], [10, 12]])
        #expect(spans(IntervalSet.union([set([(0, 1)]), set([(1, 2)]), .empty])) == [[0, 2]])
    }

    @Test func intersection() {
        let a = set([(0, 10), (20, 30)])
        let b = set([(5, 25), (28, 40)])
        #expect(spans(a.intersection(b)) == [[5, 10], [20, 25], [28, 30]])
        // Touching half-open intervals share no length.
        #expect(set([(0, 5)]).intersection(set([(5, 9)])) == .empty)
        #expect(a.intersection(.empty) == .empty)
    }

    @Test func subtraction() {
        let a = set([(0, 10), (20, 30)])
        #expect(spans(a.subtracting(set([(2, 4), (6, 22), (25, 26)]))) == [[0, 2], [4, 6], [22, 25], [26, 30]])
        #expect(spans(a.subtracting(set([(-5, 0), (10, 20)]))) == [[0, 10], [20, 30]])
        #expect(a.subtracting(set([(-1, 31)])) == .empty)
        #expect(a.subtracting(.empty) == a)
        // One cut spanning two intervals.
        #expect(spans(set([(0, 10), (12, 20), (30, 40)]).subtracting(set([(5, 15)]))) == [[0, 5], [15, 20], [30, 40]])
    }

    @Test func closedIntervalsTouch() {
        #expect(ClosedInterval(0, 5).firstCommonMoment(with: ClosedInterval(5, 9)) == 5)
        #expect(ClosedInterval(0, 5).firstCommonMoment(with: ClosedInterval(6, 9)) == nil)
        #expect(ClosedInterval(3, 3).firstCommonMoment(with: ClosedInterval(0, 9)) == 3)
        #expect(ClosedInterval(4, 9).firstCommonMoment(with: ClosedInterval(0, 6)) == 4)
        // Running backwards collapses to the start.
        #expect(ClosedInterval(7, 2) == ClosedInterval(7, 7))
        #expect(ClosedInterval(7, 2).halfOpen == .empty)
        #expect(ClosedInterval(2, 7).halfOpen.totalLength == 5)
    }
}
