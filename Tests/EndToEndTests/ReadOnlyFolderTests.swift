import Foundation
import SQLite
import Testing

/// Reports never write: on a database in a folder where SQLite cannot create its `-shm` file (a
/// read-only mount, a copy on someone else's share) they read it as an unchanging file, but only
/// when no WAL beside it holds rows the file lacks.
@Suite(.serialized) struct ReadOnlyFolderTests {
    static let enabled = ReadOnlyFile.canBeMade || ProcessInfo.processInfo.environment["CI"] == "true"

    /// A database with the vendor's flows, copied alone (no -wal, no -shm) into `folder`, which is
    /// then made read-only.
    func database(in folder: URL, walBeside: Bool) async throws -> String {
        let made = folder.deletingLastPathComponent().appendingPathComponent("made-\(UUID().uuidString).db").path
        let flows = repositoryRoot.appendingPathComponent("samples/vendor-flows.txt").path
        #expect(try await astercdr(["ingest", flows, "--db", made, "--timezone", "Asia/Shanghai"]).status == 0)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let db = folder.appendingPathComponent("cdr.db").path
        // Everything in the database file, the WAL emptied, as a copy someone made would be; or
        // the WAL as the ingester left it, at its high-water size.
        if !walBeside { try Database(path: made).execute("PRAGMA wal_checkpoint(TRUNCATE)") }
        try FileManager.default.copyItem(atPath: made, toPath: db)
        if walBeside { try FileManager.default.copyItem(atPath: made + "-wal", toPath: db + "-wal") }
        return db
    }

    @Test(.enabled(if: enabled))
    func aReportReadsADatabaseInAReadOnlyFolderAndSaysHow() async throws {
        try await withTemporaryDirectory { dir in
            let folder = dir.appendingPathComponent("share")
            let db = try await database(in: folder, walBeside: false)
            try ReadOnlyFile.set(folder.path, readOnly: true)
            defer { try? ReadOnlyFile.set(folder.path, readOnly: false) }

            let calls = try await astercdr(["calls", "--db", db, "--format", "csv"])
            #expect(calls.status == 0, "\(calls.stderr)")
            #expect(calls.stdout.split(separator: "\r\n").count == 3)  // header + 2 calls
            #expect(calls.stderr == """
                astercdr: database '\(db)' is read as an unchanging file: SQLite cannot create '\(db)-shm' beside it, and no '\(db)-wal' holds newer rows

                """)
            #expect(!FileManager.default.fileExists(atPath: db + "-shm"))
        }
    }

    /// `serve` too: it cannot write, and needs nothing written, not even a `-shm` file. SIGINT stops it.
    @Test(.enabled(if: enabled))
    func serveAnswersFromADatabaseInAReadOnlyFolder() async throws {
        try await withTemporaryDirectory { dir in
            let folder = dir.appendingPathComponent("share")
            let db = try await database(in: folder, walBeside: false)
            try ReadOnlyFile.set(folder.path, readOnly: true)
            defer { try? ReadOnlyFile.set(folder.path, readOnly: false) }

            let serve = try await RunningReceiver(command: ["serve", "--db", db])
            let now = try await serve.get("/api/now?at=2010-01-01%2023:00:00")
            #expect(now.status == .ok)
            let today = (try JSONSerialization.jsonObject(with: Data(now.body.utf8)) as? [String: Any])?["today"] as? [String: Any]
            #expect(today?["calls"] as? Int == 2, "\(now.body)")
            #expect(try await serve.get("/metrics").status == .ok)
            let stopped = try await serve.stop(signal: SIGINT)
            #expect(stopped.status == 0)
            #expect(stopped.stderr.contains("astercdr: database '\(db)' is read as an unchanging file"), "\(stopped.stderr)")
            #expect(!FileManager.default.fileExists(atPath: db + "-shm"))
        }
    }

    @Test(.enabled(if: enabled))
    func aWALThatCouldHoldNewerRowsIsNotIgnored() async throws {
        try await withTemporaryDirectory { dir in
            let folder = dir.appendingPathComponent("share")
            let db = try await database(in: folder, walBeside: true)
            let wal = try FileManager.default.attributesOfItem(atPath: db + "-wal")[.size] as? Int
            try #require((wal ?? 0) > 0, "the copied WAL is empty; the test needs one with frames")
            try ReadOnlyFile.set(folder.path, readOnly: true)
            defer { try? ReadOnlyFile.set(folder.path, readOnly: false) }

            let report = try await astercdr(["report", "summary", "--db", db])
            #expect(report.status == 1)
            #expect(report.stderr == """
                astercdr: cannot read database '\(db)': its folder does not let SQLite create '\(db)-shm', and '\(db)-wal' \
                holds rows not yet in the database file (open it where it is writable once, or copy the .db, -wal and -shm files to a writable folder)

                """)
        }
    }
}
