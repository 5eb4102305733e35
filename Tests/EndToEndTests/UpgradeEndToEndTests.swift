import Foundation
import SQLite
import Testing

/// A database that an earlier version (schema 2) made, upgraded in place by migrations 0003 and
/// 0004 (and filled in with what 0004 adds: the agent key and ACW of calls, agents' intervals).
///
/// `Fixtures/schema-v2.sql` is the sqlite3 `.dump` of a database made by that version's binary:
/// `ingest Fixtures/day-part.txt` (1,200 lines of the sample day, a line that is not an event, one
/// that is not UTF-8, six copies), an event on standard input, `assemble --stale-after 1s`, then
/// `ingest Fixtures/more.txt`. So it holds rejected, non-UTF-8, duplicate and estimated events,
/// complete and incomplete calls, open sessions and two file cursors.
@Suite struct UpgradeEndToEndTests {
    static let fixtures = repositoryRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures")

    /// Every table of SPEC 2.1 by its name and columns, in a fixed order.
    static let readings = [
        "SELECT id, received_at, origin, payload, payload_bytes, parse_error FROM raw_events ORDER BY id",
        """
        SELECT raw_id, sessionid, source, event, event_time, event_epoch, time_estimated, eventid, uniqueid, channel,
               calleridnum, activenum, didnumber, direction, calltype, team_id, group_id, modeltype, model_id, agentno,
               extra, duplicate_of
        FROM events ORDER BY raw_id
        """,
        """
        SELECT sessionid, direction, disposition, complete, customer_number, agent_number, agents_rung, did, team_id,
               group_id, modeltype, model_id, start_time, start_epoch, answer_time, answer_epoch, end_time, end_epoch,
               duration_seconds, wait_seconds, talk_seconds, hold_seconds, hangup_by, event_count, assembled_at
        FROM calls ORDER BY sessionid
        """,
        """
        SELECT sessionid, party, role, number, uniqueid, channel, ring_time, ring_epoch, answer_time, answer_epoch,
               hangup_time, hangup_epoch, ring_seconds, answer_seconds, talk_seconds, hold_seconds, call_start_time
        FROM call_parties ORDER BY sessionid, party
        """,
        "SELECT sessionid, last_received_at FROM open_sessions ORDER BY sessionid",
        "SELECT origin, position, updated_at FROM ingest_cursors ORDER BY origin",
        "SELECT name, value FROM settings ORDER BY name",
        // Version 2's columns of its views; AHT and total ACW come from the ACW of the calls, of which
        // this fixture's agents have some, so they are checked apart.
        """
        SELECT day, offered, answered, missed, talk_seconds, avg_talk_seconds, hold_seconds, avg_ring_seconds
        FROM agent_days WHERE offered > 0 ORDER BY day, agent
        """,
        """
        SELECT day, calls, answered, abandoned, unanswered, answer_rate, asa_seconds, avg_abandon_seconds, service_level,
               service_level_answered, avg_talk_seconds, total_talk_seconds, max_wait_seconds
        FROM call_summary_by_day ORDER BY day
        """,
        """
        SELECT day, hour, calls, answered, abandoned, unanswered, answer_rate, asa_seconds, avg_abandon_seconds, service_level,
               service_level_answered, avg_talk_seconds, total_talk_seconds, max_wait_seconds
        FROM call_summary_by_hour ORDER BY day, hour
        """,
        "SELECT * FROM open_calls ORDER BY sessionid",
    ]

    static func read(_ db: String) throws -> [[[String?]]] {
        try readings.map { try query(db, $0) }
    }

    /// The fixture loaded into a new file at `db`: the database exactly as the previous version left it.
    static func restore(to db: String) throws {
        let dump = try String(contentsOf: fixtures.appendingPathComponent("schema-v2.sql"), encoding: .utf8)
        try Database(path: db).execute(dump)
    }

    @Test func everyRowReadsTheSameThroughTheSpecNamesAfterTheUpgrade() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("cdr.db").path
            try Self.restore(to: db)
            let before = try Self.read(db)
            #expect(before[0].count == 1240)  // raw_events
            #expect(before[2].count > 100 && before[4].count > 0)  // calls, open sessions

            let upgrade = try await astercdr(["upgrade", "--db", db])
            #expect(upgrade.status == 0)
            #expect(upgrade.stderr == "astercdr: database '\(db)' is up to date\n")
            #expect(try query(db, "SELECT group_concat(version) FROM schema_migrations") == [["1,2,3,4,5"]])
            let after = try Self.read(db)
            for (index, sql) in Self.readings.enumerated() where index != 1 {
                #expect(after[index] == before[index], "\(sql)")
            }
            // Events read the same, but for the agent's `paused` sent without a time (raw_id 1209): its
            // estimate now comes from the same agent's events (SPEC 1.3), no longer from its own arrival.
            let untimedPause = { (row: [String?]) in row[0] == "1209" }
            #expect(after[1].filter { !untimedPause($0) } == before[1].filter { !untimedPause($0) })
            #expect(before[1].filter(untimedPause).map { [$0[3], $0[4], $0[6]] } == [["paused", "2026-12-03 02:22:27", "1"]])
            #expect(after[1].filter(untimedPause).map { [$0[3], $0[4], $0[6]] } == [["paused", "2026-11-02 08:18:32", "1"]])
            // What 0004 adds, from the stored events: what a new database gets from the same files (the
            // pauses left out: one starts with the event sent without a time, estimated anew).
            let fresh = dir.appendingPathComponent("fresh.db").path
            let ingest = try await astercdr(["ingest", Self.fixtures.appendingPathComponent("day-part.txt").path,
                                             Self.fixtures.appendingPathComponent("more.txt").path, "--db", fresh, "--timezone", "Asia/Shanghai"])
            #expect(ingest.status == 0)
            let intervals = """
                SELECT agent, state, group_id, start_time, end_time, seconds, acw_sessionid, acw_party FROM agent_states
                WHERE state != 'paused' ORDER BY agent, start_epoch, state, group_id
                """
            let upgraded = try query(db, intervals)
            #expect(upgraded.count > 150)
            #expect(upgraded == (try query(fresh, intervals)))
            let acw = "SELECT sessionid, agent, acw_seconds FROM calls WHERE acw_seconds > 0 ORDER BY sessionid"
            #expect(try query(db, acw).count > 100)
            #expect(try query(db, acw) == (try query(fresh, acw)))
            #expect(try query(db, "SELECT count(*) FROM settings WHERE name = 'pending_rebuild'") == [["0"]])
            // Rebuilt from the copied events, every record is the one the previous version wrote (and
            // the sessions still open then may since have gone stale).
            let rebuild = try await astercdr(["assemble", "--all", "--db", db])
            #expect(rebuild.status == 0)
            let rebuilt = try query(db, Self.readings[2])
            #expect(Set(before[2]).isSubset(of: Set(rebuilt)))
            #expect(rebuilt.count <= before[2].count + before[4].count)
        }
    }

    @Test func aReportRefusesToUpgradeAndNamesTheCommandThatDoes() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("cdr.db").path
            try Self.restore(to: db)
            let report = try await astercdr(["report", "summary", "--db", db])
            #expect(report.status == 1)
            #expect(report.stderr == """
                astercdr: database '\(db)' has schema version 2, older than this program's 5; a report never writes, \
                so upgrade it first with `astercdr upgrade --db \(db)` (or let `astercdr ingest` upgrade it)

                """)
            #expect(try query(db, "SELECT max(version) FROM schema_migrations") == [["2"]])
        }
    }

    /// The upgraded database's file cursors still hold: the same file is not read again, and what
    /// was appended to it since is read from where the previous version stopped.
    @Test func theIngesterGoesOnFromTheStoredCursors() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("cdr.db").path
            try Self.restore(to: db)
            // The fixture was read from /tmp/fixture; the same file is now here, so its cursor moves with it.
            let file = dir.appendingPathComponent("day-part.txt")
            try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("day-part.txt"), to: file)
            let identity = try FileManager.default.attributesOfItem(atPath: file.path)
            let device = (identity[.systemNumber] as! NSNumber).uint64Value
            let inode = (identity[.systemFileNumber] as! NSNumber).uint64Value
            try Database(path: db).execute("""
                UPDATE ingest_cursors SET origin = 'file:\(file.path)',
                    position = json_set(position, '$.device', \(device), '$.inode', \(inode))
                WHERE origin = 'file:/tmp/fixture/day-part.txt'
                """)

            // Nothing is read again; the sessions the fixture left open have long gone stale, and a run
            // that reads its files to the end assembles them.
            let open = try query(db, "SELECT count(*) FROM open_sessions")[0][0]!
            let again = try await astercdr(["ingest", file.path, "--db", db])
            #expect(again.stderr == "astercdr: 0 events: 0 parsed, 0 rejected, 0 duplicates; \(open) calls assembled\n")
            #expect(storedLines(db) == 1240)

            let appended = try String(contentsOf: repositoryRoot.appendingPathComponent("samples/sample-day.txt"), encoding: .utf8)
                .split(separator: "\n").dropFirst(1330).prefix(200).map { $0 + "\n" }.joined()
            let handle = try FileHandle(forWritingTo: file)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(appended.utf8))
            try handle.close()
            let more = try await astercdr(["ingest", file.path, "--db", db])
            #expect(more.status == 0)
            #expect(more.stderr.hasPrefix("astercdr: 200 events: 200 parsed, 0 rejected, 0 duplicates;"))
            #expect(try query(db, "SELECT count(*), min(id), max(id) FROM raw_events WHERE id > 1240") == [["200", "1241", "1440"]])
            #expect(try query(db, "SELECT DISTINCT origin FROM raw_events WHERE id > 1240") == [["file:\(file.path)"]])
        }
    }
}
