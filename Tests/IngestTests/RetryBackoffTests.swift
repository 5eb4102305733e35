import Ingest
import Testing

@Suite struct RetryBackoffTests {
    @Test func doublesFromTheFirstDelayUpToTheCap() {
        let sources = (1...9).map { RetryBackoff.delay(afterFailures: $0, cap: .seconds(30)) }
        #expect(sources == [.milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(16), .seconds(30), .seconds(30)])
        let poster = (1...8).map { RetryBackoff.delay(afterFailures: $0, first: .milliseconds(100), cap: .seconds(5)) }
        #expect(poster == [.milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(800), .milliseconds(1600), .milliseconds(3200), .seconds(5), .seconds(5)])
        // Far past the cap, the doubling stops before it overflows.
        #expect(RetryBackoff.delay(afterFailures: 10_000, cap: .seconds(30)) == .seconds(30))
    }

    @Test func aDurationInSecondsKeepsItsFraction() {
        #expect(Duration.milliseconds(1500).inSeconds == 1.5)
        #expect(Duration.seconds(86_400).inSeconds == 86_400)
        #expect((Duration.seconds(2) + .microseconds(250)).inSeconds == 2.00025)
        #expect(Duration.zero.inSeconds == 0)
    }
}
