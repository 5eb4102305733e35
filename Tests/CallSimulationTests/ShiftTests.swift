@testable import CallSimulation
import Foundation
import Testing

/// With agent state, the agents work a shift around the calls, their call events carry their
/// agentno, and the truth says where their time went (SPEC 6).
struct ShiftTests {
    static let busyDay = SimulationTests.busyDay

    @Test func theSameSeedGivesTheSameShiftAndTruth() {
        let asked = options(.span(seconds: 2 * 3600), seed: 21, agentState: true, outOfOrder: 0.02, format: .json)
        let first = Run(asked), second = Run(asked)
        #expect(first.bytes == second.bytes)
        #expect(first.truth == second.truth)
        #expect(first.truthLines.agents.count > 40)
        var other = asked
        other.seed = 22
        #expect(Run(other).truth != first.truth)
    }

    /// Read from the events alone: each agent signs in to their group before their first call,
    /// is rung only while signed in, not paused and not in after-call work, pauses with a reason,
    /// and signs out after their last call; every event goes out in time order.
    @Test func agentsTakeCallsOnlyWhileSignedInAndFree() throws {
        struct Shift {
            var group: Substring
            var signedIn = true, paused = false, inACW = false
            var calls = 0
        }
        var agents: [Substring: Shift] = [:]
        var lastTime: Substring = ""
        for line in Self.busyDay.distinctLinesInOrder {
            let time = try #require(line.value(of: "eventTime"))
            #expect(time >= lastTime, "\(line)")
            lastTime = time
            let agentno = line.value(of: "agentno")
            if line.value(of: "sessionid") != nil {
                guard line.value(of: "source") == "AGENT" else {
                    #expect(agentno == nil, "\(line)")
                    continue
                }
                let agentno = try #require(agentno, "\(line)")
                let agent = try #require(agents[agentno], "\(agentno) takes a call before signing in")
                #expect(agent.signedIn && !agent.paused && !agent.inACW, "\(line)")
                #expect(line.value(of: "AgentGroupId") == agent.group)
                #expect(line.value(of: "activenum") != agentno)
                if line.value(of: "event") == "ringing" { agents[agentno]!.calls += 1 }
                continue
            }
            let name = try #require(line.value(of: "event")), who = try #require(agentno)
            guard name != "login" else {
                #expect(agents[who] == nil, "one login a shift")
                agents[who] = Shift(group: try #require(line.value(of: "AgentGroupId")))
                continue
            }
            var agent = try #require(agents[who])
            #expect(agent.signedIn, "\(line)")
            switch name {
            case "paused":
                #expect(!agent.paused && !agent.inACW)
                #expect(["break", "lunch", "meeting", "training"].contains(line.value(of: "reason")))
                agent.paused = true
            case "nopaused":
                #expect(agent.paused)
                agent.paused = false
            case "hangupacw":
                #expect(!agent.paused && !agent.inACW)
                agent.inACW = true
            case "acwstop":
                #expect(agent.inACW)
                agent.inACW = false
            case "logoff":
                #expect(!agent.paused && !agent.inACW)
                #expect(line.value(of: "AgentGroupId") == agent.group)
                agent.signedIn = false
            default:
                Issue.record("an unexpected agent-state event: \(line)")
            }
            agents[who] = agent
        }
        #expect(agents.count == 40)
        #expect(agents.values.allSatisfy { !$0.signedIn && $0.calls > 0 })
    }

    @Test func agentsCallEventsCarryAnAgentnoOnlyWithAgentState() throws {
        for format in EventFormat.allCases {
            let lines = Run(options(.calls(300), agentState: true, format: format)).lines
            let agentEvents = lines.filter { $0.contains(format == .json ? #""source":"AGENT""# : "&source=AGENT&") }
            #expect(agentEvents.count > 600)
            #expect(agentEvents.allSatisfy { $0.contains(format == .json ? #""agentno":"80"# : "agentno=80") })
            #expect(lines.filter { $0.contains("CONSULT") }.allSatisfy { !$0.contains("agentno") })
        }
        #expect(!Run(options(.calls(300))).lines.contains { $0.contains("agentno") })
    }

    /// 8 then the index from 1, in 3 digits or, from 1,000 agents on, as many as the last index has.
    @Test(arguments: [(40, "8001", "8040"), (1000, "80001", "81000"), (4000, "80001", "84000")])
    func agentnosAreOneLengthAndApartFromThePhones(agents: Int, first: String, last: String) {
        var random = SeededRandom(seed: 1)
        let centre = CallCentre(start: 0, agents: agents, random: &random)
        let agentnos = centre.everyAgent.map(\.agentno).sorted()
        #expect(agentnos.first == first && agentnos.last == last)
        #expect(Set(agentnos).count == agents && Set(agentnos.map(\.count)).count == 1)
        #expect(centre.everyAgent.allSatisfy { $0.agentno != $0.number })
        #expect(centre.supervisors.allSatisfy { $0.agentno.isEmpty })
    }

    /// Four calls of seed 155 with 8 agents, worked out by hand from the events printed by
    /// `astercdr simulate --calls 4 --agents 8 --agent-state --seed 155 --timezone Asia/Shanghai`
    /// (times 2026-11-02; ring → first talk is ringing, first talk → hangup busy):
    /// - 8001 in 07:53:39, out 08:08:28 (889). Dial-in: rings 08:01:54, answers 08:02:06, hangs up
    ///   08:03:25: ringing 12, busy 79; ACW to 08:05:25: 120. Available 889 − 12 − 79 − 120 = 678;
    ///   occupancy (79 + 120) / 889 = 22.38%.
    /// - 8002 in 07:50:21, out 08:03:54 (813), 8005 07:52:23 to 08:04:04 (701), 8007 07:55:26 to
    ///   08:04:10 (524): no call, all available, occupancy 0.
    /// - 8003 in 07:53:54, out 08:07:27 (813): loses a ring-all, ringing 08:01:07 to 08:01:11 (4):
    ///   available 809, occupancy 0.
    /// - 8004 in 07:56:18, out 08:09:44 (806): wins it, answers 08:01:11, hangs up 08:07:46: ringing
    ///   4, busy 395; ACW to 08:08:17: 31. Available 376; occupancy 426 / 806 = 52.85%.
    /// - 8006 in 07:54:21, out 08:06:50 (749): dials out, rings 08:01:40, answers 08:01:41; the
    ///   customer answers 08:01:52 (ringing 12), on hold 08:02:08 to 08:03:35, hang up 08:03:56
    ///   (busy 124, the hold in it); ACW to 08:05:18: 82. Available 531; occupancy 206 / 749 = 27.50%.
    /// - 8008 in 07:57:33, out 08:14:31 (1018): dials out at 08:00:00, answers; the customer never
    ///   does and it hangs up 08:00:03 (ringing 3); ACW to 08:00:24 (21), then a break to 08:11:56
    ///   (692). Available 1018 − 3 − 21 − 692 = 302; occupancy 21 / 326 = 6.44%.
    @Test func anAgentsTimeIsWhatTheEventsShow() {
        let run = Run(options(.calls(4), seed: 155, agentState: true, agents: 8))
        let truth = String(decoding: run.truth, as: UTF8.self).split(separator: "\n").filter { !$0.contains("sessionid") }
        #expect(truth == [
            #"{"agent":"8001","login_seconds":889,"acw_seconds":120,"pause_seconds":0,"available_seconds":678,"occupancy":22.4}"#,
            #"{"agent":"8002","login_seconds":813,"acw_seconds":0,"pause_seconds":0,"available_seconds":813,"occupancy":0.0}"#,
            #"{"agent":"8003","login_seconds":813,"acw_seconds":0,"pause_seconds":0,"available_seconds":809,"occupancy":0.0}"#,
            #"{"agent":"8004","login_seconds":806,"acw_seconds":31,"pause_seconds":0,"available_seconds":376,"occupancy":52.9}"#,
            #"{"agent":"8005","login_seconds":701,"acw_seconds":0,"pause_seconds":0,"available_seconds":701,"occupancy":0.0}"#,
            #"{"agent":"8006","login_seconds":749,"acw_seconds":82,"pause_seconds":0,"available_seconds":531,"occupancy":27.5}"#,
            #"{"agent":"8007","login_seconds":524,"acw_seconds":0,"pause_seconds":0,"available_seconds":524,"occupancy":0.0}"#,
            #"{"agent":"8008","login_seconds":1018,"acw_seconds":21,"pause_seconds":692,"available_seconds":302,"occupancy":6.4}"#,
        ])
        // The events the figures were worked out from.
        let lines = run.lines
        for expected in [
            "agentno=8008&event=login&eventTime=2026-11-02 07:57:33&",
            "agentno=8008&event=hangupacw&eventTime=2026-11-02 08:00:03&",
            "agentno=8008&event=paused&eventTime=2026-11-02 08:00:24&eventid=17&AgentTeamId=21&AgentGroupId=103&reason=break&",
            "agentno=8008&event=nopaused&eventTime=2026-11-02 08:11:56&",
            "agentno=8008&event=logoff&eventTime=2026-11-02 08:14:31&",
            "agentno=8001&event=acwstop&eventTime=2026-11-02 08:05:25&",
        ] {
            #expect(lines.contains { $0.hasPrefix(expected) }, "\(expected)")
        }
        let calls = run.truthLines.calls
        #expect(calls.map { $0["agent"] as? String } == [nil, "8004", "8001", "8006"])
        #expect(calls.map { $0["acw_seconds"] as? Int } == [21, 31, 120, 82])
        let ringAll = calls[1]["parties"] as! [[String: Any]]
        #expect(ringAll.map { $0["agentno"] as? String } == [nil, "8003", "8004"])
        #expect(ringAll.map { $0["agent"] as? String } == [nil, "8003", "8004"])
        #expect(ringAll.map { $0["acw_seconds"] as? Int } == [0, 0, 31])
    }

    /// Over a busy day, each agent's time adds up: signed in = paused + ACW + available + on a
    /// call (from each of its parties' ring to its hangup, read from the call lines); every ACW
    /// belongs to a call, and the events say how long it was.
    @Test func anAgentsTimeAddsUp() throws {
        let (calls, agents) = Self.busyDay.truthLines
        var onCalls: [String: Int] = [:], acw: [String: Int] = [:]
        var acwOfParties: [String: Int] = [:]
        for call in calls {
            let parties = call["parties"] as! [[String: Any]]
            #expect(call["acw_seconds"] as? Int == parties.filter { $0["role"] as? String == "AGENT" }.reduce(0) { $0 + ($1["acw_seconds"] as! Int) })
            for party in parties {
                guard let agent = party["agent"] as? String else {
                    #expect(party["acw_seconds"] as? Int == 0)
                    continue
                }
                let end = (party["hangup_epoch"] as? Int) ?? (call["end_epoch"] as! Int)
                onCalls[agent, default: 0] += end - (party["ring_epoch"] as! Int)
                acw[agent, default: 0] += party["acw_seconds"] as! Int
                if let seconds = party["acw_seconds"] as? Int, seconds > 0 {
                    acwOfParties["\(party["agentno"] as! String) \(party["hangup_time"] as! String)"] = seconds
                }
            }
        }
        #expect(agents.count == 45)
        #expect(agents.map { $0["agent"] as! String } == agents.map { $0["agent"] as! String }.sorted())
        for line in agents {
            let agent = line["agent"] as! String
            let figures = ["login_seconds", "pause_seconds", "acw_seconds", "available_seconds"].map { line[$0] as! Int }
            if agent.hasPrefix("8") {
                #expect(figures[0] == figures[1] + figures[2] + figures[3] + onCalls[agent, default: 0], "\(line)")
                #expect(figures[0] > 6 * 3600)
            } else {
                // A supervisor: no shift, only consults.
                #expect(figures == [0, 0, 0, 0])
                #expect(onCalls[agent, default: 0] > 0)
            }
            #expect(figures[2] == acw[agent, default: 0])
            let occupancy = try #require(line["occupancy"] as? Double)
            #expect(occupancy > 0 && occupancy < 100)
        }
        // Each ACW the events tell starts at its agent's hangup and lasts as the party says.
        var started: [Substring: Substring] = [:]
        var told = 0
        for line in Self.busyDay.distinctLinesInOrder where line.hasPrefix("agentno=") {
            let agent = line.value(of: "agentno")!, time = line.value(of: "eventTime")!
            switch line.value(of: "event") {
            case "hangupacw": started[agent] = time
            case "acwstop":
                let start = started.removeValue(forKey: agent)!
                let seconds = at(String(time)) - at(String(start))
                #expect(acwOfParties["\(agent) \(start)"] == Int(seconds), "\(agent) \(start)")
                told += 1
            default: break
            }
        }
        #expect(told == acwOfParties.count)
    }
}
