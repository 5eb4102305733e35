import Testing
@testable import AgentStates

@Suite("An agent's order (SPEC 6.2): epoch, then eventid when every event has one, then arrival")
struct AgentOrderTests {
    private func rawIDs(_ events: [AgentEvent]) -> [Int64] {
        AgentOrder.sorted(events).map(\.rawID)
    }

    @Test func withoutEventidsByEpochThenArrival() {
        let events = [ev(3, "login", at: 20), ev(1, "paused", at: 20), ev(2, "nopaused", at: 10), ev(4, "logoff", at: 5)]
        #expect(rawIDs(events) == [4, 2, 1, 3])
    }

    @Test func withEventidsOnEveryEventByEventidWithinASecond() {
        let events = [
            ev(1, "logoff", at: 20, eventid: "10"),
            ev(2, "login", at: 20, eventid: "9"),
            ev(3, "paused", at: 10, eventid: "99"),
        ]
        // Numerically: "9" before "10", whatever arrived first; the epoch still comes first.
        #expect(rawIDs(events) == [3, 2, 1])
    }

    @Test func wholeNumbersBeforeOtherIdsAndTheSameIdByArrival() {
        let events = [
            ev(1, "login", at: 20, eventid: "a1"),
            ev(3, "nopaused", at: 20, eventid: "7"),
            ev(2, "paused", at: 20, eventid: "7"),
            ev(4, "logoff", at: 20, eventid: "2"),
        ]
        #expect(rawIDs(events) == [4, 2, 3, 1])
    }

    @Test func oneEventWithoutAnEventidOrdersEveryEventByArrival() {
        let events = [
            ev(2, "login", at: 20, eventid: "9"),
            ev(1, "logoff", at: 20, eventid: "10"),
            ev(3, "paused", at: 20),
        ]
        #expect(rawIDs(events) == [1, 2, 3])
    }

    @Test func aBlankEventidCountsAsNoneAndPaddingIsIgnored() {
        let blank = [ev(1, "logoff", at: 20, eventid: "10"), ev(2, "login", at: 20, eventid: " ")]
        #expect(rawIDs(blank) == [1, 2])
        let padded = [ev(1, "logoff", at: 20, eventid: "10"), ev(2, "login", at: 20, eventid: " 9 ")]
        #expect(rawIDs(padded) == [2, 1])
    }

    /// The order decides the intervals: a pause and its end in one second.
    @Test func theOrderDecidesWhatOpensAndCloses() {
        let byEventid = AgentMachine.run([
            ev(1, "nopaused", at: 50, eventid: "2"),
            ev(2, "paused", at: 50, reason: "rest", eventid: "1"),
        ])
        #expect(byEventid.intervals == [interval(.paused, reason: "rest", from: (50, 2), to: (50, 1))])

        // Without an eventid on one of them arrival decides: the nopaused came first and closed
        // nothing, so the pause stays open.
        let byArrival = AgentMachine.run([
            ev(1, "nopaused", at: 50, eventid: "2"),
            ev(2, "paused", at: 50, reason: "rest"),
        ])
        #expect(byArrival.intervals == [interval(.paused, reason: "rest", from: (50, 2))])
    }

    @Test func noEventsGiveNoEvents() {
        #expect(AgentOrder.sorted([]).isEmpty)
    }
}
