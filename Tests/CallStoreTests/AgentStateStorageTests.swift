@_spi(Inspection) @testable import CallStore
import CallEvents
import Foundation
import SQLite
import Testing

/// `agent_intervals` and the ACW of parties and calls, written by the ingester in the same
/// transaction as the events (SPEC 6.2, 6.3): the same rows whatever the arrival order, the
/// batching, a restart or `assemble --all`.
@Suite struct AgentStateStorageTests {
    func open(_ dir: URL, _ name: String) throws -> (CallStore, EventWriter) {
        let store = try CallStore(path: dir.appendingPathComponent(name).path, access: .create, timeZone: "UTC")
        return (store, try EventWriter(store: store))
    }

    func states(_ store: CallStore) throws -> [[String]] {
        try store.database.rows(AgentShift.statesQuery).map { $0.map { $0 ?? "" } }
    }

    static let acwQueries = [
        "SELECT sessionid, party, role, agentno, agent, acw_seconds, talk_start_epoch, end_epoch FROM call_parties ORDER BY sessionid, party",
        "SELECT sessionid, agent, agent_number, acw_seconds FROM calls ORDER BY sessionid",
        "SELECT * FROM agent_states ORDER BY start_raw_id",
    ]

    @Test func theShiftGivesItsIntervalsAndTheCallItsAfterCallWork() throws {
        try withTemporaryDirectory { dir in
            let (store, writer) = try open(dir, "cdr.db")
            try writer.ingest(AgentShift.lines)
            #expect(try states(store) == AgentShift.states)
            #expect(try store.database.rows("SELECT party, role, agentno, agent, acw_seconds FROM call_parties ORDER BY party")
                == [["1", "CALLER", nil, nil, "0"], ["2", "AGENT", "8001", "8001", "30"]])
            #expect(try store.database.rows("SELECT agent, agent_number, acw_seconds FROM calls") == [["8001", "041100000001", "30"]])
        }
    }

    /// One event a batch, in every order of a few shuffles, with the hangup arriving after the
    /// wrap-up in some: the rows are those of the shift as it happened.
    @Test(arguments: [0, 1, 2, 3, 4, 5, 6, 7])
    func anyArrivalOrderGivesTheSameRows(seed: Int) throws {
        var lines = AgentShift.lines
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1
        for index in stride(from: lines.count - 1, to: 0, by: -1) where seed > 0 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            lines.swapAt(index, Int((state >> 33) % UInt64(index + 1)))
        }
        try withTemporaryDirectory { dir in
            let (store, writer) = try open(dir, "cdr.db")
            for (index, line) in lines.enumerated() {
                try writer.ingest([line], receivedMillis: 1_762_074_000_000 + Int64(index) * 1000)
            }
            #expect(try states(store) == AgentShift.states, "order \(lines.map { $0.suffix(3) })")
            #expect(try store.database.rows("SELECT acw_seconds FROM calls") == [["30"]])
        }
    }

    /// A restarted writer holds no agent: it reads the agent back and goes on exactly.
    @Test func aRestartInTheMiddleOfTheShiftChangesNothing() throws {
        try withTemporaryDirectory { dir in
            let (store, first) = try open(dir, "cdr.db")
            try first.ingest(Array(AgentShift.lines.prefix(8)))
            let second = try EventWriter(store: store)
            try second.ingest(Array(AgentShift.lines.dropFirst(8)))
            #expect(try states(store) == AgentShift.states)
            #expect(try store.database.rows("SELECT acw_seconds FROM calls") == [["30"]])
        }
    }

    @Test func assembleAllRebuildsTheSameRows() throws {
        try withTemporaryDirectory { dir in
            let (store, writer) = try open(dir, "cdr.db")
            try writer.ingest(AgentShift.lines)
            let before = try Self.acwQueries.map { try store.database.rows($0) }
            // What the rebuild must bring back: wrong rows and ACW first.
            try store.database.execute("""
                UPDATE agent_intervals SET session_no = NULL, party = NULL; UPDATE parties SET acw_seconds = 7;
                INSERT INTO agent_intervals (start_raw_id, agent, state, start_time, start_epoch) VALUES (3, 'ghost', 'paused', 'x', 0);
                """)
            _ = try SessionKeeper(store: store).rebuildAll(now: Received(millis: 1_762_074_000_000))
            #expect(try Self.acwQueries.map { try store.database.rows($0) } == before)
        }
    }

    /// More events than an agent's window holds, then one that sorts before what was folded
    /// away: the agent is read back whole and the rows are those of the events in order.
    @Test func aLateEventBeforeTheFoldReadsTheAgentBack() throws {
        var lines = ["agentno=8002&event=login&AgentGroupId=100&eventTime=2026-11-02 08:00:00&eventid=1"]
        for n in 0..<200 {
            let minute = String(format: "%02d", n % 60), hour = String(format: "%02d", 9 + n / 60)
            lines.append("agentno=8002&event=paused&reason=r\(n)&eventTime=2026-11-02 \(hour):\(minute):00&eventid=\(10 + 2 * n)")
            lines.append("agentno=8002&event=nopaused&eventTime=2026-11-02 \(hour):\(minute):30&eventid=\(11 + 2 * n)")
        }
        // Ends the first pause (09:00:00–09:00:30), folded away by then, at 09:00:15.
        let late = "agentno=8002&event=nopaused&eventTime=2026-11-02 09:00:15&eventid=9999"
        try withTemporaryDirectory { dir in
            let (arrived, writer) = try open(dir, "late.db")
            for start in stride(from: 0, to: lines.count, by: 50) {
                try writer.ingest(Array(lines[start..<min(start + 50, lines.count)]))
            }
            #expect(try writer.sessions.agents.agent("8002").foldedThrough != nil)
            try writer.ingest([late])
            let (inOrder, ordered) = try open(dir, "ordered.db")
            try ordered.ingest([lines[0], lines[1], late] + lines.dropFirst(2))
            let query = "SELECT agent, state, group_id, start_time, end_time, seconds, reason FROM agent_states ORDER BY start_epoch, state"
            let rows = try arrived.database.rows(query)
            #expect(rows.count == 201)
            #expect(rows[1] == ["8002", "paused", nil, "2026-11-02 09:00:00", "2026-11-02 09:00:15", "15", "r0"])
            #expect(rows == (try inOrder.database.rows(query)))
        }
    }

    /// SPEC 1.3: an agent-state event without a time takes it from the same agent's timed event
    /// that arrived last before it, not from another agent's.
    @Test func anUntimedAgentEventIsEstimatedFromTheSameAgent() throws {
        try withTemporaryDirectory { dir in
            let (store, writer) = try open(dir, "cdr.db")
            try writer.ingest(["agentno=8001&event=login&AgentGroupId=100&eventTime=2026-11-02 09:00:00"], receivedMillis: 1_762_074_000_000)
            try writer.ingest(["agentno=8009&event=login&AgentGroupId=100&eventTime=2026-11-02 12:00:00"], receivedMillis: 1_762_074_001_000)
            // 30 s after 8001's login arrived, 29 s after 8009's: 8001's offset applies.
            try writer.ingest(["agentno=8001&event=paused&eventTime=0000-00-00 00:00:00"], receivedMillis: 1_762_074_030_000)
            #expect(try store.database.rows("SELECT event_time, time_estimated FROM events WHERE event = 'paused'")
                == [["2026-11-02 09:00:30", "1"]])
            #expect(try store.database.rows("SELECT state, start_time FROM agent_states WHERE agent = '8001' ORDER BY start_epoch")
                == [["logged_in", "2026-11-02 09:00:00"], ["paused", "2026-11-02 09:00:30"]])
        }
    }

    /// An agent that sends no wrap-up events keeps only its latest calls in memory; a wrap-up
    /// that then arrives for an early call reads the agent back and finds its call.
    @Test func aWrapUpForACallLetGoReadsTheAgentBack() throws {
        func call(_ n: Int) -> [String] {
            let session = String(format: "ca11%028x", n)
            let time = { (second: Int) in String(format: "2026-11-02 %02d:%02d:%02d", 9 + (n * 120 + second) / 3600, (n * 120 + second) / 60 % 60, (n * 120 + second) % 60) }
            return [
                "calleridnum=0139\(n)&source=CALLER&event=incoming&uniqueid=c\(n)&sessionid=\(session)&eventTime=\(time(0))&from=dialin",
                "activenum=041100000003&agentno=8003&source=AGENT&event=answer&uniqueid=a\(n)&sessionid=\(session)&eventTime=\(time(5))&from=dialin",
                "calleridnum=0139\(n)&source=CALLER&event=hangup&uniqueid=c\(n)&sessionid=\(session)&eventTime=\(time(60))&from=dialin",
                "activenum=041100000003&agentno=8003&source=AGENT&event=hangup&uniqueid=a\(n)&sessionid=\(session)&eventTime=\(time(60))&from=dialin",
                "source=CONVERSATION&event=hangup&uniqueid=0&sessionid=\(session)&eventTime=\(time(60))&from=dialin",
            ]
        }
        // Call 10 ends at 09:21:00; its wrap-up comes after the 100 calls.
        let wrapUp = ["agentno=8003&event=hangupacw&eventTime=2026-11-02 09:21:00", "agentno=8003&event=acwstop&eventTime=2026-11-02 09:21:25"]
        try withTemporaryDirectory { dir in
            let (late, writer) = try open(dir, "late.db")
            for n in 0..<100 { try writer.ingest(call(n)) }
            #expect(try writer.sessions.agents.agent("8003").parties.count <= HeldAgent.windowCapacity / 4 + 1)
            try writer.ingest(wrapUp)
            let owner = "SELECT acw_sessionid, seconds FROM agent_states WHERE state = 'acw'"
            #expect(try late.database.rows(owner) == [[String(format: "ca11%028x", 10), "25"]])
            #expect(try late.database.rows("SELECT sessionid, acw_seconds FROM calls WHERE acw_seconds > 0")
                == [[String(format: "ca11%028x", 10), "25"]])
        }
    }
}
