import Foundation
import Testing
import TestSupport

/// `astercdr ingest --subscribe` as a process, killed without warning while events stream in.
@Suite(.enabled(if: Nchan.canRun, "needs nginx and libnginx-mod-nchan: apt-get install nginx libnginx-mod-nchan")) struct KilledIngesterTests {
    let channel = "8001_s3cret"

    @Test func killedMidStreamAndRestartedEveryEventIsStoredOnce() async throws {
        // nchan buffers 1,000 messages a channel: all of these stay until the last restart.
        let events = try await generatedTraffic(["--events", "900", "--seed", "12"])
        try await Workspace.with { ws in
            try await Nchan.with(in: ws.dir) { nchan in
                let url = "\(nchan.base)/sub?id=\(channel)"
                let log = try ws.log("ingest.log")
                defer { try? log.handle.close() }
                // Published a few at a time over about two seconds, while the ingester is killed and restarted.
                let publishing = Task {
                    for start in stride(from: 0, to: events.count, by: 30) {
                        try await nchan.publish(channel, events[start..<min(start + 30, events.count)])
                        try await Task.sleep(for: .milliseconds(60))
                    }
                }
                defer { publishing.cancel() }
                // Each run is killed 0–50 ms after a random count of events is stored, never more
                // than half: whatever the machine's speed, every kill lands mid-stream.
                // The kill points come from a printed seed: ASTERCDR_TEST_SEED=N replays a failing run.
                var random = ReplayableRandom(for: "KilledIngesterTests")
                let killPoints = (0..<4).map { _ in Int.random(in: 1...events.count / 2, using: &random) }.sorted()
                var storedAtKill: [Int] = []
                for point in killPoints {
                    let process = try ws.startIngester(["--subscribe", url], log: log.handle)
                    // Before the first run has made the tables, nothing is stored.
                    try await kill(process, once: { ((try? ws.count()) ?? 0) >= point }, every: 0.02, then: Double.random(in: 0...0.05, using: &random))
                    try await exited(process)
                    #expect(process.terminationReason == .uncaughtSignal, "the ingester ended before its kill")
                    storedAtKill.append((try? ws.count()) ?? 0)
                }
                try await publishing.value
                let last = try ws.startIngester(["--subscribe", url], log: log.handle)
                try await waitUntil(within: 60) { try ws.count() >= events.count }

                #expect(try await terminate(last))
                #expect(storedAtKill.allSatisfy { $0 < events.count }, "stored at each kill: \(storedAtKill)")
                #expect(try ws.payloads() == events)
                let text = try String(contentsOf: log.path, encoding: .utf8)
                #expect(text.contains("subscription started") && text.contains("subscription stopped"))
                #expect(!text.contains(channel))
            }
        }
    }
}
