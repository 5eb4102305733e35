import Foundation
import Testing

/// `astercdr ingest --subscribe` as a process, killed without warning while events stream in.
@Suite(.enabled(if: Nchan.canRun, "needs nginx and libnginx-mod-nchan: apt-get install nginx libnginx-mod-nchan")) struct KilledIngesterTests {
    let channel = "8001_s3cret"

    func ingester(_ url: String, ws: Workspace, log: FileHandle) throws -> Process {
        let process = Process()
        process.executableURL = astercdrBinary
        // At debug level ServiceLifecycle names every service it starts: the channel must not show there either.
        process.arguments = ["ingest", "--subscribe", url, "--db", ws.dbPath, "--timezone", "Asia/Shanghai", "--log-level", "debug"]
        process.standardError = log
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func killedMidStreamAndRestartedEveryEventIsStoredOnce() async throws {
        // nchan buffers 1,000 messages a channel: all of these stay until the last restart.
        let events = try generatedTraffic(["--events", "900", "--seed", "12"])
        try await Workspace.with { ws in
            try await Nchan.with(in: ws.dir) { nchan in
                let url = "\(nchan.base)/sub?id=\(channel)"
                let logPath = ws.dir.appendingPathComponent("ingest.log")
                try Data().write(to: logPath)
                let log = try FileHandle(forWritingTo: logPath)
                defer { try? log.close() }
                // Published a few at a time over about two seconds, while the ingester is killed and restarted.
                let publishing = Task {
                    for start in stride(from: 0, to: events.count, by: 30) {
                        try await nchan.publish(channel, events[start..<min(start + 30, events.count)])
                        try await Task.sleep(for: .milliseconds(60))
                    }
                }
                defer { publishing.cancel() }
                var killedMidStream = 0
                for _ in 0..<4 {
                    let process = try ingester(url, ws: ws, log: log)
                    try await Task.sleep(for: .milliseconds(Int.random(in: 150...450)))
                    kill(process.processIdentifier, SIGKILL)
                    process.waitUntilExit()
                    if try ws.count() < events.count { killedMidStream += 1 }
                }
                try await publishing.value
                let last = try ingester(url, ws: ws, log: log)
                try await waitUntil(within: 30) { try ws.count() >= events.count }
                last.terminate()
                let stopped = try await eventually(within: 10) { !last.isRunning }
                if !stopped { kill(last.processIdentifier, SIGKILL) }
                last.waitUntilExit()

                #expect(stopped && last.terminationReason == .exit && last.terminationStatus == 0)
                #expect(killedMidStream >= 2)
                #expect(try ws.payloads() == events)
                let text = try String(contentsOf: logPath, encoding: .utf8)
                #expect(text.contains("subscription started") && text.contains("subscription stopped"))
                #expect(!text.contains(channel))
            }
        }
    }
}
