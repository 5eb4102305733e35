import Foundation
import Testing

/// `astercdr serve` beside the `ingest` that writes its database: it sees each new call within 2 s,
/// reads the file read-only, and the ingester never waits for it.
@Suite(.serialized) struct ServeEndToEndTests {
    @Test func serveSeesNewCallsWithinTwoSecondsAndTheIngesterNeverWaitsForIt() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("cdr.db").path
            let ingest = try await RunningReceiver(db: db)
            let serve = try await RunningReceiver(command: ["serve", "--db", db])

            // Only the figures that come from the database: serve has no writer.
            let metrics = try await serve.get("/metrics")
            #expect(metrics.status == .ok)
            let waiting = metrics.body.split(separator: "\n").first { $0.hasPrefix("astercdr_calls_waiting ") }
            #expect(waiting.flatMap { Double($0.dropFirst("astercdr_calls_waiting ".count)) } == 0, "\(metrics.body)")
            #expect(!metrics.body.contains("astercdr_events_received_total"), "\(metrics.body)")
            let page = try await serve.get("/wallboard")
            #expect(page.status == .ok && page.body.contains("<title>astercdr wallboard</title>"))

            // A scraper and a wallboard's poll on serve the whole time.
            let polling = Task {
                var polls = 0
                while !Task.isCancelled {
                    _ = try? await serve.get("/metrics")
                    _ = try? await serve.get("/api/wallboard")
                    polls += 1
                }
                return polls
            }
            var posts: [Double] = []
            for call in 0..<5 {
                let session = String(format: "5e77e%027d", call)
                let incoming = "calleridnum=01390000000\(call)&source=CALLER&event=incoming&uniqueid=c\(call)&sessionid=\(session)"
                    + "&eventTime=\(wallClock(-5, in: "Asia/Shanghai"))&from=dialin&didnumber=800888"
                let started = Date()
                #expect(try await ingest.post("/", incoming).status == .ok)
                let committed = Date()
                posts.append(committed.timeIntervalSince(started))
                var seenAfter: Double?
                while seenAfter == nil, Date().timeIntervalSince(committed) < 2 {
                    if try await serve.get("/api/now").body.contains(#""sessionid":"\#(session)""#) {
                        seenAfter = Date().timeIntervalSince(committed)
                    } else {
                        try await Task.sleep(for: .milliseconds(20))
                    }
                }
                #expect(seenAfter != nil, "serve did not show call \(session) waiting within 2 s of its commit")
            }
            polling.cancel()
            let polls = await polling.value
            #expect(polls >= 5, "serve answered only \(polls) polls meanwhile")
            // The ingester's busy timeout is 10 s: a commit that waited for a lock would show (a
            // loaded machine alone can take a second).
            #expect(posts.max()! < 3, "the slowest POST took \(posts.max()!) s")
            // SQLite opens the database file read-only only for a read-only connection, which can
            // begin no write transaction and so never takes the write lock. (Its -wal and -shm are
            // opened for writing wherever the folder allows, whatever the connection.)
            #expect(try accessModes(of: serve, to: db) == [O_RDONLY], "serve's descriptors of the database file")
            #expect(try accessModes(of: ingest, to: db).contains(O_RDWR), "the ingester's descriptors of the database file")

            let served = try await serve.stop()
            #expect(served.status == 0, "\(served.stderr)")
            #expect(try await ingest.stop().status == 0)
        }
    }

    @Test func serveRefusesADatabaseThatNeedsUpgradingAndLeavesIt() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("cdr.db").path
            try UpgradeEndToEndTests.restore(to: db)
            let serve = try await astercdr(["serve", "--db", db, "--listen", "\(try freePort())"])
            #expect(serve.status == 1)
            #expect(serve.stderr.contains("has schema version 2, older than this program's 5"), "\(serve.stderr)")
            #expect(serve.stderr.contains("`astercdr upgrade --db \(db)`"), "\(serve.stderr)")
            #expect(try query(db, "SELECT max(version) FROM schema_migrations") == [["2"]])
        }
    }

    /// How the running process opened `path`: the access mode (O_RDONLY, O_WRONLY or O_RDWR) of
    /// each of its descriptors of that file, from /proc.
    func accessModes(of running: RunningReceiver, to path: String) throws -> [Int32] {
        let proc = "/proc/\(running.process.processIdentifier)"
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        var modes: [Int32] = []
        for descriptor in try FileManager.default.contentsOfDirectory(atPath: "\(proc)/fd") {
            guard (try? FileManager.default.destinationOfSymbolicLink(atPath: "\(proc)/fd/\(descriptor)")) == target else { continue }
            let info = try String(contentsOfFile: "\(proc)/fdinfo/\(descriptor)", encoding: .utf8)
            guard let line = info.split(separator: "\n").first(where: { $0.hasPrefix("flags:") }),
                  let flags = Int32(line.dropFirst("flags:".count).trimmingCharacters(in: .whitespaces), radix: 8)
            else { continue }
            modes.append(flags & O_ACCMODE)
        }
        return modes
    }
}
