import Foundation
import SQLite
import Testing

/// Every row of `sql` in the database at `dbPath`, opened read-only.
func query(_ dbPath: String, _ sql: String) throws -> [[String?]] {
    try Database(path: dbPath, mode: .readOnly).rows(sql)
}

/// Events committed so far (the highest id of raw_events); 0 while the database or its tables do not exist yet.
func storedLines(_ db: String) -> Int {
    Int((try? query(db, "SELECT max(id) FROM raw_events").first?.first ?? nil) ?? "0") ?? 0
}

/// What a file of events should give, worked out from its text alone.
struct ExpectedSample {
    let lines: [String]
    let completedSessions: Set<String>

    init(_ files: [String]) throws {
        lines = try files.flatMap { file in
            try String(contentsOf: repositoryRoot.appendingPathComponent(file), encoding: .utf8)
                .split(separator: "\n").map(String.init).filter { !$0.allSatisfy(\.isWhitespace) }
        }
        completedSessions = hungUpSessions(lines)
    }
}

@Suite(.serialized) struct IngestEndToEndTests {
    let samples = ["samples/vendor-flows.txt", "samples/sample-day.txt"]

    @Test func theReadmeSampleIsRecordedAndItsCallsAssembled() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("cdr.db").path
            let expected = try ExpectedSample(samples)
            let run = try await astercdr(["ingest"] + samples + ["--db", db, "--timezone", "Asia/Shanghai"], in: repositoryRoot)
            #expect(run.status == 0, "\(run.stderr)")
            let parsed = try query(db, "SELECT count(*) FROM events")[0][0].flatMap { Int($0) } ?? -1
            #expect(run.stderr == "astercdr: \(expected.lines.count) events: \(parsed) parsed, \(expected.lines.count - parsed) rejected, 0 duplicates; \(expected.completedSessions.count) calls assembled\n")
            #expect(parsed == expected.lines.count)
            #expect(try query(db, "SELECT payload FROM raw_events ORDER BY id").map { $0[0] ?? "" } == expected.lines)
            let complete = try query(db, "SELECT sessionid FROM calls WHERE complete = 1").compactMap { $0[0] }
            #expect(Set(complete) == expected.completedSessions)
            #expect(try query(db, "SELECT duration_seconds, wait_seconds, talk_seconds, hangup_by FROM calls WHERE sessionid = 'efeb7b374a3408b0d0954f30a1504d83'") == [["46", "8", "38", "customer"]])

            let again = try await astercdr(["ingest"] + samples + ["--db", db], in: repositoryRoot)
            #expect(again.status == 0)
            #expect(again.stderr == "astercdr: 0 events: 0 parsed, 0 rejected, 0 duplicates; 0 calls assembled\n")
        }
    }

    @Test func standardInputIsReadWhenNoFileIsNamed() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("cdr.db").path
            let body = "event=login&agentno=8001&eventTime=2026-11-25 08:00:00\r\n\r\nnot an event\n{'event':'paused','agentno':8001}"
            let run = try await astercdr(["ingest", "--db", db, "--timezone", "UTC"], input: Data(body.utf8))
            #expect(run.status == 0)
            #expect(run.stderr == "astercdr: 3 events: 2 parsed, 1 rejected, 0 duplicates; 0 calls assembled\n")
            #expect(try query(db, "SELECT origin, payload, parse_error FROM raw_events ORDER BY id") == [
                ["stdin", "event=login&agentno=8001&eventTime=2026-11-25 08:00:00", nil],
                ["stdin", "not an event", "not an event: expected key=value pairs, message=\"...\" or a JSON object"],
                ["stdin", "{'event':'paused','agentno':8001}", nil],
            ])
        }
    }

    @Test func unusableDatabaseOrFileExitsNonZeroNamingThePath() async throws {
        try await withTemporaryDirectory { dir in
            let badDB = dir.appendingPathComponent("no/such/dir/x.db").path
            let run = try await astercdr(["ingest", "samples/vendor-flows.txt", "--db", badDB], in: repositoryRoot)
            #expect(run.status == 1)
            #expect(run.stderr == "astercdr: cannot open database '\(badDB)': unable to open database file (check the path and permissions)\n")

            let db = dir.appendingPathComponent("cdr.db").path
            let missing = try await astercdr(["ingest", "samples/vendor-flows.txt", "nope.log", "--db", db, "--timezone", "UTC"], in: repositoryRoot)
            #expect(missing.status == 1)
            #expect(missing.stderr == """
                astercdr: cannot read 'nope.log': No such file or directory (check the path and permissions)
                astercdr: 13 events: 13 parsed, 0 rejected, 0 duplicates; 2 calls assembled

                """)

            let otherZone = try await astercdr(["ingest", "samples/vendor-flows.txt", "--db", db, "--timezone", "Europe/Paris"], in: repositoryRoot)
            #expect(otherZone.status == 1)
            #expect(otherZone.stderr == "astercdr: database '\(db)' keeps its times in UTC, not Europe/Paris (leave out --timezone, or use another database for Europe/Paris)\n")
        }
    }

    @Test func theDatabaseLocationComesFromTheEnvironmentWhenNotGiven() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("env.db").path
            let run = try await astercdr(["ingest", "samples/vendor-flows.txt", "--timezone", "UTC"], in: repositoryRoot, environment: ["ASTERCDR_DB": db])
            #expect(run.status == 0)
            #expect(try query(db, "SELECT count(*) FROM raw_events") == [["13"]])

            let local = try await astercdr(["ingest", "--timezone", "UTC"], input: Data("event=login&agentno=1\n".utf8), in: dir, environment: ["ASTERCDR_DB": ""])
            #expect(local.status == 0)
            #expect(try query(dir.appendingPathComponent("astercdr.db").path, "SELECT count(*) FROM raw_events") == [["1"]])
        }
    }
}
