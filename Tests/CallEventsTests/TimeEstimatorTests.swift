import CallEvents
import Testing

@Suite struct TimeEstimatorTests {
    /// 2010-01-01 11:11:07 in Asia/Shanghai, the vendor's inbound example.
    static let agentRinging: Int64 = 1_262_315_467
    static let now: Int64 = 1_795_582_800_000

    @Test func replayedDialInLandsOnTheFollowingTimedEvent() {
        let estimates = TimeEstimator.estimates(for: [
            Arrival(rawID: 10, receivedMillis: Self.now, timedEpoch: nil),
            Arrival(rawID: 11, receivedMillis: Self.now + 1, timedEpoch: Self.agentRinging),
        ])
        #expect(estimates == [10: Self.agentRinging])
    }

    @Test func liveKeepsTheGapAfterThePrecedingTimedEvent() {
        let ringing = Self.agentRinging
        let estimates = TimeEstimator.estimates(for: [
            Arrival(rawID: 2, receivedMillis: ringing * 1000 + 200, timedEpoch: ringing),
            Arrival(rawID: 3, receivedMillis: ringing * 1000 + 200 + 5_300, timedEpoch: nil),
            Arrival(rawID: 4, receivedMillis: ringing * 1000 + 200 + 5_500, timedEpoch: nil),
            Arrival(rawID: 5, receivedMillis: ringing * 1000 + 9_000, timedEpoch: ringing + 60),
        ])
        #expect(estimates == [3: ringing + 5, 4: ringing + 6])
    }

    @Test func withoutATimedEventTheReceivedTimeIsRounded() {
        let estimates = TimeEstimator.estimates(for: [
            Arrival(rawID: 1, receivedMillis: Self.now + 499, timedEpoch: nil),
            Arrival(rawID: 2, receivedMillis: Self.now + 500, timedEpoch: nil),
            Arrival(rawID: 3, receivedMillis: -1_499, timedEpoch: nil),
            Arrival(rawID: 4, receivedMillis: -1_500, timedEpoch: nil),
        ])
        #expect(estimates == [1: Self.now / 1000, 2: Self.now / 1000 + 1, 3: -1, 4: -2])
    }

    @Test func inputOrderDoesNotMatter() {
        let arrivals = [
            Arrival(rawID: 7, receivedMillis: 100_000, timedEpoch: nil),
            Arrival(rawID: 5, receivedMillis: 90_000, timedEpoch: 1_000),
            Arrival(rawID: 9, receivedMillis: 130_400, timedEpoch: nil),
            Arrival(rawID: 8, receivedMillis: 120_000, timedEpoch: 2_000),
            Arrival(rawID: 3, receivedMillis: 80_000, timedEpoch: nil),
        ]
        let expected: [Int64: Int64] = [3: 990, 7: 1_010, 9: 2_010]
        #expect(TimeEstimator.estimates(for: arrivals) == expected)
        #expect(TimeEstimator.estimates(for: arrivals.reversed()) == expected)
        #expect(TimeEstimator.estimates(for: []) == [:])
    }
}
