import Foundation
import Testing

/// The `sqlite3` shell, the way a supervisor uses it, on the database that a running `astercdr
/// ingest` writes (SPEC 2: WAL, and a busy timeout so that a shell at the same time never makes the
/// ingester fail).
@Suite(.serialized) struct ShellBesideIngestTests {
    /// A fresh `sqlite3` process every 100 ms, with no `.timeout`, from the first commit until
    /// after the ingester has exited. Each read is one transaction, so it sees one commit's state.
    @Test func aShellReadingEvery100msNeverFailsAndSeesOnlyWholeCommits() async throws {
        try await withTemporaryDirectory { dir in
            // About 12 s of ingest for a debug build.
            let file = try await TrafficFile.generated(in: dir, events: 250_000, seed: 31)
            let db = dir.appendingPathComponent("cdr.db").path
            let ingester = try IngestRun(file: file, db: db, dir: dir)
            try await ingester.waitForFirstCommit()
            let script = ShellRead.script(watching: file.watchedSession)

            var previous = ShellRead.State.empty
            var readsAfterExit = 0
            // The counts of stored lines that reads saw while the file was partly stored.
            var seenMidIngest: Set<Int> = []
            while readsAfterExit < 5 {
                let ingestEnded = !ingester.process.isRunning
                let finished = try await offThePool { try runToEnd(["sqlite3", db], input: script) }
                guard finished.status == 0, finished.stderr.isEmpty else {
                    // Not even while the ingester closes: it takes no lock then (Database.checkpointWithoutLockingOnClose).
                    Issue.record("sqlite3 exited \(finished.status): \(finished.stderr)")
                    if ingestEnded { readsAfterExit += 1 } else { try await Task.sleep(for: .milliseconds(100)) }
                    continue
                }
                let read = try #require(ShellRead(finished.stdout), "\(finished.stdout)")
                let state = read.state
                // The cursor and the calls were committed with exactly the lines stored.
                #expect(state.events == state.raw, "\(finished.stdout)")
                #expect(state.cursorOffset == file.offset(after: state.raw), "\(finished.stdout)")
                #expect(state.completeCalls == file.hangups(before: state.raw), "\(finished.stdout)")
                #expect(state.hangupsWithoutCall == 0, "\(finished.stdout)")
                #expect(read.watchedRows == file.watchedLines(before: state.raw), "\(finished.stdout)")
                #expect(read.queriesAnswered == ShellRead.supervisorQueries, "\(finished.stdout)")
                // Nothing committed is ever taken back.
                #expect(state.raw >= previous.raw && state.calls >= previous.calls, "\(previous) then \(state)")
                previous = state
                if state.raw > 0, state.raw < file.lines.count { seenMidIngest.insert(state.raw) }
                if ingestEnded { readsAfterExit += 1 } else { try await Task.sleep(for: .milliseconds(100)) }
            }

            // How many depends on the machine (a read takes longer as the database grows); that
            // they saw the ingest move on between them is what matters.
            #expect(seenMidIngest.count >= 3, "the shell saw \(seenMidIngest.sorted()) lines stored while the file was partly stored")
            let run = try await ingester.finish()
            #expect(run.status == 0, "\(run.stderr)")
            try expectStoredExactlyOnce(file, db: db)
        }
    }

    /// Three times during the ingest a shell takes the write lock (`BEGIN IMMEDIATE`) and keeps it
    /// for 2 s: the ingester waits in its busy handler (10 s) and goes on, losing nothing.
    @Test func aShellHoldingTheWriteLockForTwoSecondsMakesTheIngesterWaitNotFail() async throws {
        try await withTemporaryDirectory { dir in
            // About 12 s of ingest for a debug build, 6 s more with the three holds.
            let file = try await TrafficFile.generated(in: dir, events: 250_000, seed: 32)
            let db = dir.appendingPathComponent("cdr.db").path
            let ingester = try IngestRun(file: file, db: db, dir: dir)
            try await ingester.waitForFirstCommit()

            // Its own `.timeout`: the ingester holds the lock most of the time, between its commits.
            // Another shell counts the events as the lock is taken and as it is given back.
            let hold = """
                .timeout 60000
                BEGIN IMMEDIATE;
                .shell sqlite3 \(db) 'SELECT max(id) FROM raw_events'
                .shell sleep 2
                .shell sqlite3 \(db) 'SELECT max(id) FROM raw_events'
                COMMIT;
                """
            // At points in the file, not after times, so that every hold lands mid-file however
            // fast the machine reads it.
            for share in [0.15, 0.40, 0.65] {
                let point = Int(Double(file.lines.count) * share)
                _ = try await eventually(within: 120) { !ingester.process.isRunning || storedLines(db) >= point }
                try #require(storedLines(db) < file.lines.count, "the ingest ended before the shell took the lock")
                let finished = try await offThePool { try runToEnd(["sqlite3", db], input: hold) }
                #expect(finished.status == 0 && finished.stderr.isEmpty, "\(finished.output)")
                // Nothing was committed while the shell held the lock: the ingester waited.
                let counts = finished.stdout.split(separator: "\n")
                #expect(counts.count == 2 && counts.first == counts.last, "\(finished.output)")
            }

            let run = try await ingester.finish()
            #expect(run.status == 0, "\(run.stderr)")
            try expectStoredExactlyOnce(file, db: db)
        }
    }

    /// The file's every line stored once, in order, with every call that hung up assembled.
    func expectStoredExactlyOnce(_ file: TrafficFile, db: String) throws {
        let total = "\(file.lines.count)"
        #expect(try query(db, "SELECT count(*), count(DISTINCT payload) FROM raw_events") == [[total, total]])
        #expect(try query(db, "SELECT count(*) FROM events WHERE duplicate_of IS NOT NULL") == [["0"]])
        #expect(try query(db, "SELECT payload FROM raw_events ORDER BY id").map { $0[0] ?? "" } == file.lines)
        #expect(try query(db, "SELECT count(*) FROM calls WHERE complete = 1") == [["\(hungUpSessions(file.lines).count)"]])
    }
}

/// `astercdr simulate` output in a file, with what its first N lines should give.
struct TrafficFile {
    let url: URL
    let lines: [String]
    /// A session three quarters into the file, whose events the shell lists.
    let watchedSession: String
    private let ends: [Int]
    private let hangupsBefore: [Int]
    private let watched: [Int]

    static func generated(in dir: URL, events: Int, seed: Int) async throws -> TrafficFile {
        let lines = try await generatedTraffic(["--events", "\(events)", "--seed", "\(seed)"])
        return try TrafficFile(lines: lines, url: dir.appendingPathComponent("events.log"))
    }

    private init(lines: [String], url: URL) throws {
        self.lines = lines
        self.url = url
        try writeLines(lines, to: url)
        var ends = [0], hangups = [0]
        for line in lines {
            ends.append(ends.last! + line.utf8.count + 1)
            hangups.append(hangups.last! + (isConversationHangup(line) ? 1 : 0))
        }
        self.ends = ends
        hangupsBefore = hangups
        let session = try #require(sessionID(of: lines[lines.count * 3 / 4]))
        watchedSession = session
        watched = lines.indices.filter { [lines] in lines[$0].contains(session) }
    }

    /// The byte offset after the first `count` lines.
    func offset(after count: Int) -> Int { ends[count] }
    /// How many CONVERSATION hangups the first `count` lines hold (each session has one).
    func hangups(before count: Int) -> Int { hangupsBefore[count] }
    func watchedLines(before count: Int) -> Int { watched.filter { $0 < count }.count }
}

/// `astercdr ingest FILE` (one pass, as from cron), its standard error in a file.
struct IngestRun {
    let process = Process()
    let db: String
    let stderr: URL
    private let stderrHandle: FileHandle

    init(file: TrafficFile, db: String, dir: URL) throws {
        self.db = db
        stderr = dir.appendingPathComponent("ingest.err")
        try Data().write(to: stderr)
        process.executableURL = astercdrBinary
        process.arguments = ["ingest", file.url.path, "--db", db, "--timezone", "Asia/Shanghai"]
        process.standardOutput = FileHandle.nullDevice
        stderrHandle = try FileHandle(forWritingTo: stderr)
        process.standardError = stderrHandle
        try process.run()
    }

    /// The shell must not be the one to create the database: it waits for the ingester's first commit.
    func waitForFirstCommit() async throws {
        let committed = try await eventually(within: 30) { storedLines(db) > 0 }
        if !committed { Issue.record("no commit within 30 s") }
    }

    func finish() async throws -> Finished {
        try await exited(process)
        try stderrHandle.close()
        return Finished(status: process.terminationStatus, stdout: "", stderr: try String(contentsOf: stderr, encoding: .utf8))
    }
}

/// What one shell read printed: one transaction of the queries a supervisor runs, each row tagged.
struct ShellRead {
    struct State: CustomStringConvertible {
        var raw = 0, events = 0, calls = 0, completeCalls = 0, hangupsWithoutCall = 0, cursorOffset = 0
        static let empty = State()
        var description: String { "\(raw) raw, \(calls) calls" }
    }

    let state: State
    let watchedRows: Int
    /// The tags of the supervisor's queries that answered, in order.
    let queriesAnswered: [String]

    static let supervisorQueries = ["range", "agent_days", "agent_parties", "open_calls", "by_day", "by_hour"]

    static func script(watching session: String) -> String {
        """
        BEGIN;
        SELECT 'state', (SELECT count(*) FROM raw_events), (SELECT count(*) FROM events), (SELECT count(*) FROM calls),
               (SELECT count(*) FROM calls WHERE complete = 1),
               (SELECT count(*) FROM events e WHERE e.source = 'CONVERSATION' AND e.event = 'hangup' AND e.duplicate_of IS NULL
                   AND NOT EXISTS (SELECT 1 FROM calls c WHERE c.sessionid = e.sessionid)),
               (SELECT json_extract(position, '$.offset') FROM ingest_cursors WHERE origin LIKE 'file:%');
        SELECT 'session', raw_id, source, event, event_time FROM events WHERE sessionid = '\(session)' ORDER BY raw_id;
        SELECT 'range', count(*), total(talk_seconds) FROM calls WHERE start_time >= '2026-11-02 09:00:00' AND start_time < '2026-11-02 10:00:00';
        SELECT 'agent_days', count(*), total(offered) FROM agent_days WHERE day = '2026-11-02';
        SELECT 'agent_parties', count(*) FROM agent_parties WHERE agent = '041139735850';
        SELECT 'open_calls', count(*) FROM open_calls;
        SELECT 'by_day', count(*) FROM call_summary_by_day;
        SELECT 'by_hour', count(*) FROM call_summary_by_hour;
        COMMIT;
        """
    }

    init?(_ output: String) {
        let rows = output.split(separator: "\n").map { $0.split(separator: "|", omittingEmptySubsequences: false) }
        guard let first = rows.first, first.first == "state", first.count == 7 else { return nil }
        let numbers = first.dropFirst().map { Int($0) ?? 0 }
        state = State(raw: numbers[0], events: numbers[1], calls: numbers[2], completeCalls: numbers[3],
                      hangupsWithoutCall: numbers[4], cursorOffset: numbers[5])
        watchedRows = rows.filter { $0.first == "session" }.count
        queriesAnswered = rows.compactMap { $0.first.map(String.init) }.filter { Self.supervisorQueries.contains($0) }
    }
}
