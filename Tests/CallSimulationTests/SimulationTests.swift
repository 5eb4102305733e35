@testable import CallSimulation
import CallEvents
import Foundation
import Testing

struct SimulationTests {
    /// 3,000 calls with agent state, duplicates and late events: what several tests read.
    static let busyDay = Run(options(.calls(3_000), agentState: true, duplicates: 0.03, outOfOrder: 0.05))

    @Test func theSameSeedGivesTheSameBytesAndAnotherSeedOthers() {
        let asked = options(.calls(300), seed: 7, agentState: true, duplicates: 0.05, outOfOrder: 0.05)
        let first = Run(asked), second = Run(asked)
        #expect(first.bytes == second.bytes)
        #expect(first.truth == second.truth)
        #expect(first.lines.count > 2_000)
        var other = asked
        other.seed = 8
        #expect(Run(other).bytes != first.bytes)
        #expect(Run(other).truth != first.truth)
    }

    /// Delivery has its own random stream: duplicating and reordering does not change the calls.
    @Test func deliveryDoesNotChangeTheCalls() {
        let plain = Run(options(.calls(200), seed: 3))
        let messy = Run(options(.calls(200), seed: 3, duplicates: 0.1, outOfOrder: 0.1))
        #expect(plain.truth == messy.truth)
        #expect(Set(plain.lines) == Set(messy.lines))
    }

    @Test(arguments: [0, 1, 999, 12_345])
    func eventsStopsAfterExactlyThatManyLines(count: Int) {
        let run = Run(options(.lines(count), agentState: true, duplicates: 0.03, outOfOrder: 0.05))
        #expect(run.lines.count == count)
        #expect(run.bytes.last == (count == 0 ? nil : UInt8(ascii: "\n")))
    }

    @Test func aDurationTakesTheCallsArrivingWithinIt() {
        let run = Run(options(.span(seconds: 3600)))
        let starts = run.played.map(\.expected.start)
        #expect(starts.min()! >= at("2026-11-02 08:00:00"))
        // Calls arrive 2 to 16 s apart.
        #expect(run.played.count > 3600 / 16 && run.played.count <= 3600 / 2)
    }

    @Test func everyKindOfCallAppearsInAFewThousand() {
        let run = Self.busyDay
        let kinds = Set(run.played.map { "\($0.kind)" })
        #expect(kinds == Set(CallKind.allCases.map { "\($0)" }))
        let calls = run.played.map(\.expected)
        #expect(Set(calls.map(\.disposition)) == ["answered", "abandoned", "no_answer", "agent_no_answer", "failed"])
        #expect(Set(calls.compactMap(\.hangupBy)) == ["customer", "agent", "consult"])
        #expect(calls.contains { $0.holdSeconds > 0 })
        #expect(calls.contains { $0.agentsRung == 2 && $0.parties.filter { $0.role == "AGENT" }.count == 2 })
        #expect(calls.contains { $0.agentsRung == 0 })
        #expect(calls.contains { $0.parties.contains { $0.role == "CONSULT" } })
        #expect(Set(calls.compactMap(\.did)) == ["800888", "8008008", "4006558800"])
        #expect(Set(calls.map(\.groupID)) == ["100", "101", "102", "103"])
        #expect(Set(calls.map(\.modelID)) == ["10", "12"])
        let dialIn = Double(calls.count { $0.direction == "dialin" }) / Double(calls.count)
        #expect(abs(dialIn - 0.6) < 0.04)
    }

    @Test func theMixFollowsTheSharesAsked() {
        let calls = Run(options(.calls(3_000), mix: CallMix(dialIn: 0.3, abandon: 0.5, noAnswer: 0.1))).played.map(\.expected)
        let dialIn = calls.filter { $0.direction == "dialin" }, dialOut = calls.filter { $0.direction == "dialout" }
        #expect(abs(Double(dialIn.count) / 3_000 - 0.3) < 0.03)
        #expect(abs(Double(dialIn.count { $0.disposition == "abandoned" }) / Double(dialIn.count) - 0.5) < 0.05)
        #expect(abs(Double(dialOut.count { $0.disposition == "no_answer" }) / Double(dialOut.count) - 0.1) < 0.03)
    }

    /// Nobody (agent or supervisor) is in two calls at once: from ringing to hanging up, each
    /// person's calls follow one another.
    @Test func nobodyIsOnTwoCallsAtOnce() {
        let calls = Run(options(.calls(3_000), mix: CallMix(dialIn: 0.9))).played.map(\.expected)
        var busy: [String: [(start: Int64, end: Int64, session: String)]] = [:]
        for call in calls {
            for party in call.parties where party.role == "AGENT" || party.role == "CONSULT" {
                busy[party.number, default: []].append((party.ring, party.hangup ?? call.end, call.sessionid))
            }
        }
        #expect(busy.count == 45)
        for (number, spans) in busy {
            let sorted = spans.sorted { $0.start < $1.start }
            for (before, after) in zip(sorted, sorted.dropFirst()) where after.start <= before.end {
                Issue.record("\(number) rings in \(after.session) at \(after.start) while still in \(before.session) until \(before.end)")
            }
        }
    }

    @Test func sharesOfDuplicatesAndLateEventsAreRoughlyAsAsked() throws {
        let run = Self.busyDay
        var seen = Set<Substring>()
        var copies = 0, late = 0, afterHangup = 0
        var newest = 0
        var hungUp = Set<Substring>()
        for line in run.lines {
            guard seen.insert(line).inserted else {
                copies += 1
                continue
            }
            let eventid = try #require(line.value(of: "eventid").flatMap { Int($0) })
            if eventid < newest {
                late += 1
                if let session = line.value(of: "sessionid"), hungUp.contains(session) { afterHangup += 1 }
            }
            newest = max(newest, eventid)
            if line.contains("source=CONVERSATION&event=hangup"), let session = line.value(of: "sessionid") {
                hungUp.insert(session)
            }
        }
        let distinct = Double(seen.count)
        #expect(seen.count == newest)
        #expect(abs(Double(copies) / distinct - 0.03) < 0.005)
        #expect(abs(Double(late) / distinct - 0.05) < 0.01)
        #expect(afterHangup > 10)
    }

    /// Berlin's clocks go back from 03:00 to 02:00 on 2026-10-25: the second time through 02:xx,
    /// an eventTime also names the first time, and is read so. Shanghai repeats no hour.
    @Test func eventTimesOfARepeatedHourAreCounted() {
        func run(_ zone: String) -> (misdated: Int, inTheHour: Int) {
            var asked = options(.span(seconds: 3 * 3600))
            asked.zone = TimeZone(identifier: zone)!
            asked.start = CivilTime(parsing: "2026-10-25 01:00:00")!
            let simulation = Simulation(asked)
            var lines: [UInt8] = []
            while simulation.appendLine(to: &lines) {}
            let times = String(decoding: lines, as: UTF8.self).split(separator: "\n").compactMap { $0.value(of: "eventTime") }
            return (simulation.misdatedEvents, times.count { $0.hasPrefix("2026-10-25 02:") })
        }
        let berlin = run("Europe/Berlin"), shanghai = run("Asia/Shanghai")
        // Berlin goes through 02:xx twice, the second time misdated.
        #expect(berlin.misdated > 0 && abs(2 * berlin.misdated - berlin.inTheHour) < berlin.inTheHour / 5)
        #expect(shanghai.misdated == 0 && shanghai.inTheHour > 0)
    }

    /// However long it runs, only the calls in flight wait on the timeline, even when the
    /// centre cannot keep up with the calls (or its agents pause).
    @Test(arguments: [false, true])
    func memoryStaysBoundedWhenTheCentreFallsBehind(agentState: Bool) {
        let simulation = Simulation(options(.lines(100_000), agentState: agentState, mix: CallMix(dialIn: 0)))
        var line: [UInt8] = []
        var mostPending = 0
        while simulation.appendLine(to: &line) {
            line.removeAll(keepingCapacity: true)
            mostPending = max(mostPending, simulation.pendingEvents)
        }
        #expect(mostPending < 2_000)
    }

    @Test func agentStateEventsFrameEachAgentsShift() {
        let lines = Self.busyDay.distinctLinesInOrder.filter { $0.hasPrefix("agentno=") }
        var byAgent: [Substring: [Substring]] = [:]
        for line in lines {
            #expect(line.value(of: "sessionid") == nil)
            byAgent[line.value(of: "agentno")!, default: []].append(line.value(of: "event")!)
        }
        #expect(byAgent.count == 40)
        for events in byAgent.values {
            #expect(events.first == "login" && events.last == "logoff")
            #expect(events.count { $0 == "hangupacw" } == events.count { $0 == "acwstop" })
            #expect(events.count { $0 == "paused" } == events.count { $0 == "nopaused" })
        }
        #expect(Set(lines.compactMap { $0.value(of: "event") }) == ["login", "logoff", "paused", "nopaused", "hangupacw", "acwstop"])
    }
}
