import Foundation
import Testing

/// `astercdr now` as a person runs it: a moment of a replayed shift, its options refused with the
/// fix, and `--watch` redrawing a table beside a live ingester until interrupted.
@Suite struct NowEndToEndTests {
    func shiftFile(_ dir: URL) throws -> URL {
        let file = dir.appendingPathComponent("shift.txt")
        try (AgentShift.lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func aMomentOfAReplayedShift() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("cdr.db").path
            #expect(try await astercdr(["ingest", try shiftFile(dir).path, "--db", db, "--timezone", "UTC"]).status == 0)
            let json = try await astercdr(["now", "--at", "2026-11-02 09:02:00", "--format", "json", "--db", db])
            #expect(json.status == 0, "\(json.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            #expect(object["at"] as? String == "2026-11-02 09:02:00")
            let agents = try #require(object["agents"] as? [[String: Any]])
            #expect(agents.map { [$0["agent"] as? String, $0["state"] as? String, $0["since_time"] as? String] }
                == [["8001", "talking", "2026-11-02 09:01:10"]])
            #expect((object["in_progress"] as? [[String: Any]])?.map { $0["sessionid"] as? String } == [AgentShift.session])

            let table = try await astercdr(["now", "--at", "2026-11-02 09:20:00", "--db", db])
            #expect(table.status == 0)
            #expect(table.stdout.contains("8001   paused  2026-11-02 09:10:00  10:00\n"))
        }
    }

    @Test(arguments: [
        (["--at", "09:20"], "not a time: use \"YYYY-MM-DD HH:MM:SS\" in the database's zone"),
        (["--watch", "5", "--at", "2026-11-02 09:20:00"], "--watch redraws the present moment; leave out --at"),
        (["--watch", "0"], "must be a whole number 1–3600 (seconds between redraws)"),
        (["--format", "csv"], "--format csv: now has several tables; use table or json"),
    ])
    func aBadOptionIsRefusedWithTheFix(arguments: [String], says: String) async throws {
        try await withTemporaryDirectory { dir in
            let run = try await astercdr(["now", "--db", dir.appendingPathComponent("cdr.db").path] + arguments)
            #expect(run.status == 64)
            #expect(run.stderr.contains(says), "\(run.stderr)")
        }
    }

    /// The present moment, redrawn: an agent who signs in while it runs shows up at the next redraw.
    @Test func watchRedrawsTheTableUntilInterrupted() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("cdr.db").path
            let stamp = { (offset: TimeInterval) in wallClock(offset, in: "UTC") }
            let login = "agentno=7001&event=login&AgentGroupId=100&eventTime=\(stamp(-60))\n"
            #expect(try await astercdr(["ingest", "--db", db, "--timezone", "UTC"], input: Data(login.utf8)).status == 0)

            let output = dir.appendingPathComponent("watch.out")
            FileManager.default.createFile(atPath: output.path, contents: nil)
            let watch = Process()
            launchAstercdr(watch, ["now", "--watch", "1", "--db", db], fileSizeLimit: nil)
            watch.standardOutput = try FileHandle(forWritingTo: output)
            watch.standardError = FileHandle.nullDevice
            try watch.run()
            defer { if watch.isRunning { watch.terminate() } }
            let text = { (try? String(contentsOf: output, encoding: .utf8)) ?? "" }
            let first = try await eventually(within: 30) { text().contains("7001   available") }
            #expect(first, "waited 30 s for the first table to show agent 7001 available: \(text())")

            let second = "agentno=7002&event=login&AgentGroupId=100&eventTime=\(stamp(-30))\n"
            #expect(try await astercdr(["ingest", "--db", db], input: Data(second.utf8)).status == 0)
            let redrawn = try await eventually(within: 30) { text().contains("7002   available") }
            #expect(redrawn, "waited 30 s for a redraw to show agent 7002: \(text())")
            #expect(text().components(separatedBy: "\u{1B}[H\u{1B}[2J").count >= 3)

            kill(watch.processIdentifier, SIGINT)
            try await exited(watch)
            #expect(watch.terminationReason == .uncaughtSignal && watch.terminationStatus == SIGINT)
        }
    }
}
