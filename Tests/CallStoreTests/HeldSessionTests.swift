@_spi(Inspection) @testable import CallStore
import CallEvents
import Foundation
import SQLite
import Testing

/// The sessions the writer holds in memory: a bounded number, let go and read back, dropped when
/// another connection commits, and duplicates found from them exactly as SPEC 1.4 says.
@Suite struct HeldSessionTests {
    static let sampleDay: [String] = {
        let text = (try? String(contentsOf: repositoryRoot.appendingPathComponent("samples/sample-day.txt"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init)
    }()

    static let everything = [
        "SELECT * FROM calls ORDER BY sessionid",
        "SELECT * FROM call_parties ORDER BY sessionid, party",
        "SELECT raw_id, sessionid, event_time, event_epoch, duplicate_of FROM events ORDER BY raw_id",
        "SELECT * FROM open_sessions ORDER BY sessionid",
    ]

    func open(_ dir: URL, _ name: String, heldSessions: Int = HeldSessions.defaultCapacity) throws -> (CallStore, EventWriter) {
        let store = try CallStore(path: dir.appendingPathComponent(name).path, access: .create, timeZone: "Asia/Shanghai")
        return (store, try EventWriter(store: store, heldSessions: heldSessions))
    }

    /// A day in batches of 50 lines with every copy sent again one batch later, and a little
    /// out of order: the records must not depend on how many sessions memory may hold.
    static var batches: [[String]] {
        var lines = sampleDay
        // Every 7th line sent twice, the copy 40 lines later: most copies land in the next batch.
        for index in stride(from: lines.count - 1, through: 0, by: -7) where index + 40 < lines.count {
            lines.insert(lines[index], at: index + 40)
        }
        return stride(from: 0, to: lines.count, by: 50).map { Array(lines[$0..<min($0 + 50, lines.count)]) }
    }

    @Test func aWriterHoldingTwoSessionsWritesWhatOneHoldingAllWrites() throws {
        try withTemporaryDirectory { dir in
            let (roomy, roomyWriter) = try open(dir, "roomy.db")
            let (tight, tightWriter) = try open(dir, "tight.db", heldSessions: 2)
            for (index, batch) in Self.batches.enumerated() {
                let millis = 1_764_046_800_000 + Int64(index) * 1000
                try roomyWriter.ingest(batch, receivedMillis: millis)
                try tightWriter.ingest(batch, receivedMillis: millis)
                #expect(tightWriter.sessions.held.count <= 2 || index == 0)
            }
            #expect(roomyWriter.totals.duplicates > 400)
            #expect(tightWriter.totals == roomyWriter.totals)
            for sql in Self.everything {
                #expect(try tight.database.rows(sql) == roomy.database.rows(sql), "\(sql)")
            }
        }
    }

    /// A restarted writer holds nothing: copies of what the last run stored are still found, by
    /// reading their sessions back, and agent-state copies by their agent.
    @Test func copiesOfWhatAnEarlierRunStoredAreFoundAfterARestart() throws {
        try withTemporaryDirectory { dir in
            let (store, first) = try open(dir, "cdr.db")
            let agentEvents = [
                "agentno=8001&event=login&eventTime=2026-11-02 08:00:00&AgentGroupId=100",
                "agentno=8002&event=login&eventTime=2026-11-02 08:00:00&AgentGroupId=100",
            ]
            try first.ingest(Array(vendorFlowLines[..<5]) + agentEvents)
            let stored = try store.database.rows("SELECT raw_id FROM events ORDER BY raw_id").map { $0[0]! }

            let restarted = try EventWriter(store: store)
            let counts = try restarted.ingest(Array(vendorFlowLines[..<5]) + agentEvents + Array(vendorFlowLines[5...]))
            #expect(counts.duplicates == 7)
            #expect(try store.database.rows("SELECT duplicate_of FROM events WHERE raw_id BETWEEN 8 AND 14 ORDER BY raw_id").map { $0[0]! } == stored)
            #expect(try store.database.rows("SELECT count(*) FROM calls WHERE complete = 1") == [["2"]])
        }
    }

    /// The same pairs from another agent are another event (SPEC 1.4, 6.1).
    @Test func agentStateEventsAreComparedWithTheSameAgentsOnly() throws {
        try withTemporaryDirectory { dir in
            let (store, writer) = try open(dir, "cdr.db")
            try writer.ingest([
                "agentno=8001&event=paused&eventTime=2026-11-02 10:00:00&reason=lunch",
                "activenum=8002&event=paused&eventTime=2026-11-02 10:00:00&reason=lunch",
                "event=paused&agentno=8001&reason=lunch&eventTime=2026-11-02 10:00:00",
                "{\"activenum\":\"8002\",\"event\":\"paused\",\"eventTime\":\"2026-11-02 10:00:00\",\"reason\":\"lunch\"}",
                "agentno=8001&event=paused&eventTime=2026-11-02 10:00:01&reason=lunch",
            ])
            #expect(try store.database.rows("SELECT raw_id, duplicate_of FROM events ORDER BY raw_id")
                    == [["1", nil], ["2", nil], ["3", "1"], ["4", "2"], ["5", nil]])
        }
    }

    /// A matching fingerprint only suggests a copy: SPEC 1.4's comparison decides.
    @Test func aFingerprintCollisionIsNeverTakenForACopy() throws {
        guard case .success(let stored) = EventParser.parse("sessionid=s1&source=AGENT&event=ringing&eventTime=2026-11-02 10:00:00"),
              case .success(var other) = EventParser.parse("sessionid=s1&source=AGENT&event=answer&eventTime=2026-11-02 10:00:00"),
              case .success(let copy) = EventParser.parse("event=ringing&sessionid=s1&eventTime=2026-11-02 10:00:00&source=AGENT")
        else { Issue.record("the test's events do not parse"); return }
        other.dedupeKey = stored.dedupeKey
        let session = HeldSession(number: 1, sessionid: "s1", events: [
            HeldEvent(stored, rawID: 10, epoch: 0, timeEstimated: false, receivedMillis: 0, isDuplicate: false),
        ], storedCall: .absent)
        #expect(session.original(of: other) == nil)
        #expect(session.original(of: copy) == 10)
    }

    /// `astercdr assemble` beside a live ingester: the other connection's commit is seen through
    /// `PRAGMA data_version`, the writer lets go of what it held, and its records stay exact.
    @Test func anotherConnectionsAssemblyBetweenBatchesLeavesTheRecordsExact() throws {
        try withTemporaryDirectory { dir in
            let (reference, referenceWriter) = try open(dir, "reference.db")
            let (live, liveWriter) = try open(dir, "live.db")
            let beside = try CallStore(path: live.path, access: .update, timeZone: nil)
            let assembler = try SessionKeeper(store: beside)
            let batches = Self.batches
            for (index, batch) in batches.enumerated() {
                let millis = 1_764_046_800_000 + Int64(index) * 1000
                try referenceWriter.ingest(batch, receivedMillis: millis)
                try liveWriter.ingest(batch, receivedMillis: millis)
                if index % 10 == 5 {
                    // Every open session is stale a day later: they get records with complete = 0,
                    // which the live writer must know of before it completes them.
                    let day = Received(millis: millis + 86_400_000)
                    #expect(try assembler.rebuildAll(now: day) > 0)
                    #expect(try referenceWriter.assembleStaleBatch(now: day) >= 0)
                }
            }
            for sql in Self.everything.dropLast() {
                let columns = sql.contains("FROM calls") ? "sessionid, disposition, complete, end_epoch, event_count" : "*"
                let projected = sql.replacingOccurrences(of: "SELECT *", with: "SELECT \(columns)")
                #expect(try live.database.rows(projected) == reference.database.rows(projected), "\(projected)")
            }
        }
    }
}
