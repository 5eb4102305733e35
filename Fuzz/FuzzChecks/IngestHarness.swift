import CallEvents
@_spi(Inspection) import CallStore
import SQLite

/// Feeds a body to a real database the way the sources do, and checks what was stored.
///
/// One database serves every body, emptied before each, so a finding replays the same on its own.
/// A body is stored in three commits: its first half of lines, its second half (a session may
/// span batches: re-assembly, estimates from an earlier batch), and then all of it again (every
/// parsed copy a duplicate), with the stale sessions assembled; `assemble --all` must then change nothing.
public final class IngestHarness {
    private let store: CallStore
    private var writer: EventWriter
    private var keeper: SessionKeeper
    /// The tables under the SPEC names, children first.
    private let tables = ["agent_intervals", "parties", "call_records", "pending_sessions", "event_log", "sessions", "origins", "ingest_cursors"]

    /// When the first batch arrives, in Unix milliseconds; fixed, so runs are reproducible.
    private static let firstArrival: Int64 = 1_764_046_800_123
    /// Late enough that every open session is stale (the default `--stale-after` is 4 h).
    private static let staleCheckDelay: Int64 = 5 * 3600 * 1000

    /// `path` is a database file that need not exist yet.
    public init(path: String) throws {
        // A zone with DST gaps and repeats, so local times that do not exist or exist twice occur.
        store = try CallStore(path: path, access: .create, timeZone: "America/New_York")
        // Durability is not under test, and an fsync per commit would dominate the run.
        try store.database.execute("PRAGMA synchronous = OFF")
        writer = try EventWriter(store: store)
        keeper = try SessionKeeper(store: store)
    }

    /// nil when every invariant held, else what failed.
    public func check(_ body: UnsafeRawBufferPointer) -> String? {
        do {
            return try run(body)
        } catch {
            writer.rollback()
            return "the store failed: \(error)"
        }
    }

    private func run(_ body: UnsafeRawBufferPointer) throws -> String? {
        try store.database.execute(tables.map { "DELETE FROM \($0);" }.joined())
        // A writer holds sessions in memory; after rows were deleted behind its back, a new one.
        writer = try EventWriter(store: store)
        keeper = try SessionKeeper(store: store)
        let lines = BodyLines.ranges(in: body)
        let half = lines.count / 2
        let batches = [lines[..<half], lines[half...], lines[...]]
        var expected = ExpectedCounts()
        for (index, batch) in batches.enumerated() {
            let isRepeat = index == batches.count - 1
            let received = Received(millis: Self.firstArrival + Int64(index) * 1000)
            try writer.begin()
            for range in batch {
                try writer.record(UnsafeRawBufferPointer(rebasing: body[range]), origin: "fuzz", received: received)
            }
            if isRepeat { try writer.assembleStale(now: Received(millis: received.millis + Self.staleCheckDelay)) }
            let counts = try writer.commit()
            if let failure = expected.add(batch.map { UnsafeRawBufferPointer(rebasing: body[$0]) }, from: "fuzz", counts) {
                return failure
            }
            if let failure = try checkCounts(expected) { return failure }
        }
        let stored = batches.flatMap { $0.map { UnsafeRawBufferPointer(rebasing: body[$0]) } }
        if let failure = try checkPayloads(stored) { return failure }
        if let failure = try StoredEventChecks.check(stored, in: store.database, zone: store.zone) { return failure }
        if let failure = try DuplicateCheck.check(store.database) { return failure }
        for (rule, sql) in StoreInvariants.all where try count(sql) != 0 {
            return "broken: \(rule)"
        }
        if try !rows("PRAGMA foreign_key_check").isEmpty { return "a foreign key points nowhere" }
        return try checkRebuild()
    }

    /// The tables hold what the batches' counts say (SPEC 1.2, 2.1), and every complete record was
    /// counted as completed exactly once.
    private func checkCounts(_ expected: ExpectedCounts) throws -> String? {
        let stored = (
            raw: try count("SELECT count(*) FROM raw_events"),
            parsedRaw: try count("SELECT count(*) FROM raw_events WHERE parse_error IS NULL"),
            events: try count("SELECT count(*) FROM events"),
            duplicates: try count("SELECT count(*) FROM events WHERE duplicate_of IS NOT NULL"),
            complete: try count("SELECT count(*) FROM call_records WHERE complete = 1")
        )
        let wanted = (raw: expected.lines, parsedRaw: expected.parsed, events: expected.parsed, duplicates: expected.duplicates,
                      complete: expected.completedCalls)
        return stored == wanted ? nil : "stored (raw, parsed raw, events, duplicates, complete calls) \(stored), expected \(wanted)"
    }

    /// Each line is stored whole, in arrival order: as text when it is UTF-8, else as exact bytes
    /// beside a lossy text (SPEC 2.1).
    private func checkPayloads(_ lines: [UnsafeRawBufferPointer]) throws -> String? {
        let select = try store.database.prepare("SELECT CAST(payload AS BLOB), payload_bytes FROM raw_events ORDER BY id")
        for (index, line) in lines.enumerated() {
            guard try select.step() else { return "raw_events has \(index) rows for \(lines.count) lines" }
            let text = select.blob(at: 0) ?? []
            let bytes = select.blob(at: 1)
            if String(validating: line, as: UTF8.self) != nil {
                if !text.elementsEqual(line) || bytes != nil { return "line \(index + 1), valid UTF-8, is not stored as it was received" }
            } else {
                if bytes.map({ $0.elementsEqual(line) }) != true { return "line \(index + 1) is not stored as its exact bytes" }
                if !text.elementsEqual(String(decoding: line, as: UTF8.self).utf8) { return "line \(index + 1)'s lossy text is wrong" }
            }
        }
        return nil
    }

    /// `assemble --all` gives the same records and agents' intervals for the same events (SPEC 3, 6.2).
    private func checkRebuild() throws -> String? {
        let before = try callRows()
        _ = try keeper.rebuildAll(now: Received(millis: Self.firstArrival + Self.staleCheckDelay + 10_000))
        let after = try callRows()
        guard before != after else { return nil }
        let changed = zip(before, after).first { $0 != $1 }.map { "\n  live:    \($0.0)\n  rebuilt: \($0.1)" } ?? ""
        return "assemble --all changed the call records or agents' intervals (\(before.count) rows before, \(after.count) after)\(changed)"
    }

    private func callRows() throws -> [[String?]] {
        try rows("SELECT * FROM calls ORDER BY sessionid") + rows("SELECT * FROM call_parties ORDER BY sessionid, party")
            + rows("SELECT * FROM agent_states ORDER BY start_raw_id")
    }

    private func count(_ sql: String) throws -> Int {
        Int(try store.database.scalarInt(sql) ?? 0)
    }

    private func rows(_ sql: String) throws -> [[String?]] {
        let statement = try store.database.prepare(sql)
        var rows: [[String?]] = []
        while try statement.step() {
            rows.append((0..<statement.columnCount).map { statement.text(at: $0) })
        }
        return rows
    }
}
