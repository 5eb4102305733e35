import Testing
@testable import AgentStates

/// One agent's day with two groups, pauses, after-call work and several events in one second,
/// already in the agent's order; eventids "1", "2", ... say that order.
enum AgentDay {
    static let events: [AgentEvent] = [
        ev(1, "login", at: 100, group: "100"),
        ev(2, "login", at: 100, group: "101"),
        ev(3, "paused", at: 120, reason: "lunch"),
        ev(4, "nopaused", at: 150),
        ev(5, "hangupacw", at: 150),
        ev(6, "paused", at: 150, reason: "rest"),
        ev(7, "acwstop", at: 170),
        ev(8, "logoff", at: 200, group: "100"),
        ev(9, "hangupacw", at: 210),
        ev(10, "logoff", at: 220),
        ev(11, "login", at: 300, group: "100"),
        ev(12, "paused", at: 300),
        ev(13, "nopaused", at: 300),
        ev(14, "hangupacw", at: 350),
    ]

    static let intervals = [
        interval(.loggedIn, group: "100", from: (100, 1), to: (200, 8)),
        interval(.loggedIn, group: "101", from: (100, 2), to: (220, 10)),
        interval(.paused, reason: "lunch", from: (120, 3), to: (150, 4)),
        interval(.acw, from: (150, 5), to: (170, 7)),
        interval(.paused, reason: "rest", from: (150, 6), to: (200, 8)),
        interval(.acw, from: (210, 9), to: (220, 10)),
        interval(.loggedIn, group: "100", from: (300, 11)),
        interval(.paused, from: (300, 12), to: (300, 13)),
        interval(.acw, from: (350, 14)),
    ]

    static var withEventids: [AgentEvent] {
        events.map { event in
            var event = event
            event.eventid = String(event.rawID)
            return event
        }
    }
}

@Suite("The same events give the same intervals, whatever order they arrived in (SPEC 6.2)")
struct ArrivalOrderTests {
    @Test func theDayInOrder() {
        let machine = AgentMachine.run(AgentDay.events)
        #expect(machine.intervals == AgentDay.intervals)
        #expect(machine.signOuts == [220])
        #expect(machine.lastSignOut == 220)
        #expect(machine.lastAcwEnd == 220)
    }

    /// The same rows (same rawIDs) handed over in any order.
    @Test(arguments: orderings(of: AgentDay.events.count, count: 12))
    func anyArrayOrderGivesTheSameMachine(order: [Int]) {
        #expect(AgentMachine.run(order.map { AgentDay.events[$0] }) == AgentMachine.run(AgentDay.events))
    }

    /// Arriving in another order the events get other rawIDs; with eventids on every event the
    /// intervals are the same, opened and closed by the same events.
    @Test(arguments: orderings(of: AgentDay.events.count, count: 12, seed: 0xA6E7_0DE5))
    func withEventidsAnyArrivalGivesTheSameIntervals(order: [Int]) {
        let arrived = order.enumerated().map { arrival, index in
            var event = AgentDay.withEventids[index]
            event.rawID = Int64(arrival + 1)
            return event
        }
        let originalRawID = { (rawID: Int64) in AgentDay.events[order[Int(rawID) - 1]].rawID }
        let intervals = AgentMachine.run(arrived).intervals.map { interval in
            var interval = interval
            interval.startRawID = originalRawID(interval.startRawID)
            interval.endRawID = interval.endRawID.map(originalRawID)
            return interval
        }
        #expect(intervals == AgentDay.intervals)
    }
}

@Suite("keepingOpenOnly: a machine cut short goes on as if it had never been")
struct KeepingOpenOnlyTests {
    @Test func keepsTheOpenIntervalsAndTheLatestMoments() {
        let machine = AgentMachine.run(Array(AgentDay.events.prefix(12)))
        let kept = machine.keepingOpenOnly()
        #expect(kept.intervals == [
            interval(.loggedIn, group: "100", from: (300, 11)),
            interval(.paused, from: (300, 12)),
        ])
        #expect(kept.signOuts.isEmpty)
        #expect(kept.lastSignOut == 220)
        #expect(kept.lastAcwEnd == 220)
        #expect(kept.keepingOpenOnly() == kept)
    }

    @Test func aLaterLogoffClosesWhatWasKept() {
        var kept = AgentMachine.run([
            ev(1, "login", at: 100, group: "100"),
            ev(2, "login", at: 100, group: "101"),
            ev(3, "hangupacw", at: 110),
            ev(4, "acwstop", at: 120),
            ev(5, "paused", at: 130),
        ]).keepingOpenOnly()
        kept.apply(ev(6, "login", at: 140, group: "100"))
        kept.apply(ev(7, "logoff", at: 150))
        #expect(kept.intervals == [
            interval(.loggedIn, group: "100", from: (100, 1), to: (150, 7)),
            interval(.loggedIn, group: "101", from: (100, 2), to: (150, 7)),
            interval(.paused, from: (130, 5), to: (150, 7)),
        ])
        #expect(kept.signOuts == [150])
        #expect(kept.lastSignOut == 150)
        #expect(kept.lastAcwEnd == 120)
    }

    /// Cut after every event: the open intervals carried over and everything after them are the
    /// rows of one run over all the events.
    @Test(arguments: 0...AgentDay.events.count)
    func continuingEqualsOneRun(cut: Int) {
        let whole = AgentMachine.run(AgentDay.events)
        let before = AgentMachine.run(Array(AgentDay.events.prefix(cut)))
        var continued = before.keepingOpenOnly()
        for event in AgentDay.events.dropFirst(cut) { continued.apply(event) }

        let stored = before.intervals.filter { $0.end != nil }
        #expect(whole.intervals.filter { stored.contains($0) } == stored)
        #expect(continued.intervals == whole.intervals.filter { !stored.contains($0) })
        // What was carried over was the same intervals, now closed or still open.
        let carried = before.intervals.filter { $0.end == nil }.map(\.startRawID)
        #expect(continued.intervals.prefix(carried.count).map(\.startRawID) == carried)
        #expect(before.signOuts + continued.signOuts == whole.signOuts)
        #expect(continued.lastSignOut == whole.lastSignOut)
        #expect(continued.lastAcwEnd == whole.lastAcwEnd)
    }
}
