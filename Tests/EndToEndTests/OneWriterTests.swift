import Foundation
import Testing

/// One ingester per database (README, "One writer"): a second is refused at start, by a lock the
/// kernel drops with the process; migrations run once however many programs open a new database.
@Suite struct OneWriterTests {
    /// Starts `astercdr` with its standard error going to `log`.
    func start(_ arguments: [String], log: URL) throws -> Process {
        let process = Process()
        launchAstercdr(process, arguments, fileSizeLimit: nil)
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func ofTwoIngestersStartedTogetherOnANewDatabaseOneRunsAndTheOtherIsRefused() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("cdr.db").path
            let logs = [dir.appendingPathComponent("a.log"), dir.appendingPathComponent("b.log")]
            let ports = [try freePort(), try freePort()]
            let ingesters = try (0..<2).map { index in
                try start(["ingest", "--listen", "127.0.0.1:\(ports[index])", "--db", db, "--timezone", "UTC"], log: logs[index])
            }
            defer { for process in ingesters where process.isRunning { process.terminate() } }
            let oneEnded = try await eventually(within: 30) { ingesters.contains { !$0.isRunning } }
            #expect(oneEnded, "waited 30 s for one of two ingesters on one database to stop")
            try await Task.sleep(for: .milliseconds(500))
            let refused = try #require(ingesters.firstIndex { !$0.isRunning })
            let running = 1 - refused
            let survivorLog = try String(contentsOf: logs[running], encoding: .utf8)
            #expect(ingesters[running].isRunning, "both ingesters stopped: \(survivorLog)")
            #expect(ingesters[refused].terminationStatus == 1)
            #expect(try String(contentsOf: logs[refused], encoding: .utf8) == """
                astercdr: database '\(db)' is already being written by another astercdr ingest (one ingester per \
                database: stop the other one, or give this one its own --db)

                """)
            // Readers are never locked out by the writer's lock.
            let report = try await astercdr(["report", "summary", "--db", db, "--format", "csv"])
            #expect(report.status == 0, "\(report.stderr)")

            ingesters[running].terminate()
            try await exited(ingesters[running])
            #expect(ingesters[running].terminationStatus == 0)
            #expect(try query(db, "SELECT group_concat(version) FROM schema_migrations") == [["1,2,3,4,5"]])

            // The lock went with the process: the next ingester starts.
            let next = try await astercdr(["ingest", "--db", db], input: Data("sessionid=s1&event=ringing\n".utf8))
            #expect(next.stderr == "astercdr: 1 events: 1 parsed, 0 rejected, 0 duplicates; 0 calls assembled\n")
        }
    }

    /// A killed ingester leaves no lock behind.
    @Test func aKilledIngestersLockDiesWithIt() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("cdr.db").path
            let port = try freePort()
            let ingester = try start(["ingest", "--listen", "127.0.0.1:\(port)", "--db", db, "--timezone", "UTC"], log: dir.appendingPathComponent("a.log"))
            let migrated = try await eventually(within: 30) { (try? query(db, "SELECT max(version) FROM schema_migrations")) == [["5"]] }
            #expect(migrated, "waited 30 s for the ingester to create its database")
            kill(ingester.processIdentifier, SIGKILL)
            try await exited(ingester)
            let next = try await astercdr(["ingest", "--db", db], input: Data("sessionid=s1&event=ringing\n".utf8))
            #expect(next.status == 0, "\(next.stderr)")
        }
    }

    /// Programs that migrate (assemble, upgrade) opening a new database at the same moment each
    /// apply each migration once: the version is read under the write lock.
    @Test func migrationsStartedTogetherRunOnce() async throws {
        try await withTemporaryDirectory { dir in
            for round in 0..<5 {
                let db = dir.appendingPathComponent("cdr\(round).db").path
                #expect(FileManager.default.createFile(atPath: db, contents: nil))
                async let assemble = astercdr(["assemble", "--db", db, "--timezone", "UTC"])
                async let upgrade = astercdr(["upgrade", "--db", db, "--timezone", "UTC"])
                let (assembled, upgraded) = try await (assemble, upgrade)
                #expect(assembled.status == 0, "\(assembled.stderr)")
                #expect(upgraded.status == 0, "\(upgraded.stderr)")
                #expect(try query(db, "SELECT group_concat(version) FROM schema_migrations") == [["1,2,3,4,5"]])
            }
        }
    }
}
