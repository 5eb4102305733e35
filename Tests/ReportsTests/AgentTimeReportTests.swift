import CallEvents
@_spi(Inspection) import CallStore
import Foundation
import Reports
import SQLite
import Testing
import TestSupport

/// Agents' time (SPEC 6.4) and the floor at a moment (SPEC 6.5), on the hand-worked shift of
/// `AgentShift`: stored through the writer, read through the reports.
@Suite struct AgentTimeReportTests {
    /// `lines`: the shift's first events only, as the floor sees them while the rest has not happened.
    func withShift<T>(_ lines: [String] = AgentShift.lines, _ body: (String, CallReports) throws -> T) throws -> T {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("cdr.db").path
            let writer = try EventWriter(store: CallStore(path: path, access: .create, timeZone: "UTC"))
            try writer.ingest(lines)
            return try body(path, CallReports(CallStore(path: path, access: .read, timeZone: nil)))
        }
    }

    func agents(_ reports: CallReports, _ filter: CallFilter = CallFilter()) throws -> [[String: Any]] {
        let buffer = TextBuffer()
        try reports.writeReport(.agents, filter: filter, format: .json, to: buffer)
        return try JSONRows.array(buffer.text)
    }

    /// Signed in 09:00–10:30 (two groups, once); ringing 5 s, talking 120 s, ACW 30 + 20 s, lunch
    /// 1,800 s: available the remaining 3,425 s; occupancy (120 + 50) / 3,600.
    static let wholeShift = [
        "agent": "8001", "offered": "1", "answered": "1", "missed": "0", "handled": "1", "talk_seconds": "120",
        "avg_talk_seconds": "120.0", "hold_seconds": "0", "avg_ring_seconds": "5.0", "acw_seconds": "50",
        "aht_seconds": "150.0", "login_seconds": "5400", "pause_seconds": "1800", "available_seconds": "3425", "occupancy": "4.7",
    ]

    @Test func theShiftsFiguresOverTheWholeDatabaseAndItsDay() throws {
        try withShift { path, reports in
            let rows = try agents(reports)
            #expect(rows.count == 1)
            #expect(JSONRows.differences(rows[0], Self.wholeShift) == [])
            let day = try agents(reports, CallFilter(from: "2026-11-02", to: "2026-11-02"))
            #expect(day.count == 1 && JSONRows.differences(day[0], Self.wholeShift) == [])
            // --agent by its agentno or by its phone number: the same row.
            for agent in ["8001", "041100000001"] {
                let one = try agents(reports, CallFilter(agent: agent))
                #expect(one.count == 1 && JSONRows.differences(one[0], Self.wholeShift) == [], "\(agent)")
            }
        }
    }

    /// 09:02–09:30: the call started before the range (no call figures), its last 70 s of talk,
    /// the ACW, 20 minutes of lunch; open intervals are clipped to the range.
    @Test func aRangeClipsTheTimeAndKeepsAnAgentWithoutCalls() throws {
        try withShift { _, reports in
            let rows = try agents(reports, CallFilter(from: "2026-11-02 09:02:00", to: "2026-11-02 09:30:00"))
            #expect(rows.count == 1)
            #expect(JSONRows.differences(rows[0], [
                "agent": "8001", "offered": "0", "answered": "0", "missed": "0", "handled": "0", "talk_seconds": "0",
                "avg_talk_seconds": "", "hold_seconds": "0", "avg_ring_seconds": "", "acw_seconds": "30", "aht_seconds": "",
                "login_seconds": "1680", "pause_seconds": "1200", "available_seconds": "380", "occupancy": "20.8",
            ]) == [])
            // A range after the newest event counts nothing: that time has not happened.
            let later = try agents(reports, CallFilter(from: "2026-11-02 10:30:00", to: "2026-11-03"))
            #expect(later.isEmpty)
        }
    }

    /// The shell's `agent_days` view gives the report's figures for the day.
    @Test func agentDaysGivesTheSameFigures() throws {
        try withShift { path, _ in
            let columns = Array(Self.wholeShift.keys).sorted()
            let rows = try Database(path: path, mode: .readOnly)
                .rows("SELECT day, \(columns.joined(separator: ", ")) FROM agent_days")
            #expect(rows == [["2026-11-02"] + columns.map { Self.wholeShift[$0]! }])
            let pieces = try Database(path: path, mode: .readOnly)
                .rows("SELECT state, sum(seconds) FROM agent_time_pieces WHERE signed_in GROUP BY state ORDER BY state")
            #expect(pieces == [["acw", "50"], ["available", "3425"], ["busy", "120"], ["paused", "1800"], ["ringing", "5"]])
            let states = try Database(path: path, mode: .readOnly)
                .rows("SELECT day, state, seconds FROM agent_state_days WHERE state = 'paused'")
            #expect(states == [["2026-11-02", "paused", "1800"]])
        }
    }

    func floor(_ reports: CallReports, at time: String) throws -> [String: Any] {
        let buffer = TextBuffer()
        try reports.writeNow(at: CivilTime(parsing: time)!, format: .json, to: buffer)
        return try JSONRows.object(buffer.text)
    }

    func agentStates(_ floor: [String: Any]) -> [[String]] {
        (floor["agents"] as! [[String: Any]]).map { [$0["agent"] as! String, $0["state"] as! String, $0["since_time"] as! String] }
    }

    @Test(arguments: [
        ("2026-11-02 08:59:59", []),
        ("2026-11-02 09:01:07", [["8001", "ringing", "2026-11-02 09:01:05"]]),
        ("2026-11-02 09:02:00", [["8001", "talking", "2026-11-02 09:01:10"]]),
        ("2026-11-02 09:03:20", [["8001", "acw", "2026-11-02 09:03:10"]]),
        ("2026-11-02 09:05:00", [["8001", "available", "2026-11-02 09:03:40"]]),
        ("2026-11-02 09:20:00", [["8001", "paused", "2026-11-02 09:10:00"]]),
        ("2026-11-02 10:00:10", [["8001", "acw", "2026-11-02 10:00:00"]]),
        ("2026-11-02 10:45:00", []),
    ] as [(String, [[String]])])
    func nowShowsEachAgentsStateAndSince(at time: String, expected: [[String]]) throws {
        try withShift { _, reports in
            let snapshot = try floor(reports, at: time)
            #expect(snapshot["at"] as? String == time)
            #expect(agentStates(snapshot) == expected)
        }
    }

    @Test func nowShowsTheWaitingCallThenTheCallInProgressThenTheDaySoFar() throws {
        try withShift { _, reports in
            let ringing = try floor(reports, at: "2026-11-02 09:01:07")
            let waiting = ringing["waiting"] as! [[String: Any]]
            #expect(waiting.count == 1)
            #expect(JSONRows.differences(waiting[0], [
                "sessionid": AgentShift.session, "customer_number": "013900000001", "did": "800888",
                "start_time": "2026-11-02 09:01:00", "wait_seconds": "7",
            ]) == [])
            #expect((ringing["in_progress"] as! [Any]).isEmpty)

            let talking = try floor(reports, at: "2026-11-02 09:02:00")
            #expect((talking["waiting"] as! [Any]).isEmpty)
            let inProgress = talking["in_progress"] as! [[String: Any]]
            #expect(inProgress.count == 1)
            #expect(JSONRows.differences(inProgress[0], [
                "sessionid": AgentShift.session, "direction": "dialin", "customer_number": "013900000001",
                "agent": "8001", "answer_time": "2026-11-02 09:01:10",
            ]) == [])
            #expect((talking["today"] as! [String: Any])["calls"] as? Int == 0)

            let after = try floor(reports, at: "2026-11-02 09:05:00")
            #expect((after["in_progress"] as! [Any]).isEmpty)
            let today = after["today"] as! [String: Any]
            #expect(today["calls"] as? Int == 1)
            #expect(today["aht_seconds"] as? Double == 150.0)
            #expect(today["total_acw_seconds"] as? Int == 30)

            let table = TextBuffer()
            try reports.writeNow(at: CivilTime(parsing: "2026-11-02 09:02:00")!, format: .table, to: table)
            #expect(table.text.hasPrefix("at 2026-11-02 09:02:00\n\nagents (1)\n"))
            #expect(table.text.contains("8001   talking  2026-11-02 09:01:10  0:50\n"))
            #expect(table.text.contains("in progress (1)\n"))
        }
    }

    /// Live, a call's later events have not come: an agent who answered and has not hung up is
    /// talking, from its answer on, however long after its last event the floor is looked at.
    @Test func anAnsweredCallWithNothingAfterItsAnswerIsTalkingUntilItsHangupComes() throws {
        try withShift(Array(AgentShift.lines.prefix(5))) { _, reports in
            for time in ["2026-11-02 09:01:10", "2026-11-02 09:02:00", "2026-11-02 09:30:00"] {
                let snapshot = try floor(reports, at: time)
                #expect(agentStates(snapshot) == [["8001", "talking", "2026-11-02 09:01:10"]], "at \(time)")
                #expect((snapshot["in_progress"] as! [[String: Any]]).map { $0["sessionid"] as? String } == [AgentShift.session])
            }
            #expect(agentStates(try floor(reports, at: "2026-11-02 09:01:07")) == [["8001", "ringing", "2026-11-02 09:01:05"]])
        }
    }
}
