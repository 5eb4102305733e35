import Foundation
import SQLite
import Testing
import TestSupport

@Suite(.serialized) struct CrashTests {
    /// SIGKILLs `astercdr ingest` again and again while it reads a large file, restarting it each
    /// time: in the end every line is stored exactly once, in file order.
    @Test func killedAtAnyMomentAndRestartedEveryLineIsStoredOnce() async throws {
        try await withTemporaryDirectory { dir in
            let file = dir.appendingPathComponent("big.log")
            let db = dir.appendingPathComponent("cdr.db").path
            let lineCount = 400_000
            // Seconds of string work in a debug build: off the pool that the in-process tests need.
            let text = try await offThePool {
                var text = ""
                text.reserveCapacity(lineCount * 120)
                for n in 0..<lineCount {
                    text += "sessionid=\(String(n / 6, radix: 16))&source=AGENT&event=ringing&uniqueid=\(n)&activenum=10\(n % 40)&eventTime=2026-11-25 09:\(String(format: "%02d:%02d", (n / 60) % 60, n % 60))\n"
                }
                return text
            }
            try Data(text.utf8).write(to: file)

            // Kill moments are drawn as points in the file, not as times, so that they land
            // mid-file however fast the machine reads it: one run is killed while it starts, the
            // next ones once a random share of the lines is stored and 0–20 ms more have passed
            // (anywhere in a commit). The last run is left to finish.
            // The kill points come from a printed seed: ASTERCDR_TEST_SEED=N replays a failing run.
            var random = ReplayableRandom(for: "CrashTests")
            let killPoints = [0] + (0..<6).map { _ in Int.random(in: lineCount / 20...lineCount * 3 / 4, using: &random) }.sorted()
            var storedAtKill: [Int] = []
            var finished = false
            for attempt in 0..<(killPoints.count + 1) {
                let process = Process()
                process.executableURL = astercdrBinary
                process.arguments = ["ingest", file.path, "--db", db, "--timezone", "UTC"]
                process.standardError = FileHandle.nullDevice
                try process.run()
                if attempt < killPoints.count {
                    let point = killPoints[attempt]
                    try await kill(process, once: { storedLines(db) >= point }, then: Double.random(in: 0...0.02, using: &random))
                }
                // Not waitUntilExit: the last run takes seconds, and a test must not hold a thread of the pool that long.
                try await exited(process)
                if attempt < killPoints.count {
                    #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL,
                            "run \(attempt) ended before its kill at line \(killPoints[attempt])")
                    storedAtKill.append(storedLines(db))
                } else {
                    finished = process.terminationReason == .exit && process.terminationStatus == 0
                }
            }
            #expect(finished)
            #expect(storedAtKill.allSatisfy { $0 < lineCount }, "lines stored at each kill: \(storedAtKill)")
            #expect(try query(db, "SELECT count(*), count(DISTINCT payload) FROM raw_events") == [["\(lineCount)", "\(lineCount)"]])
            let stored = try query(db, "SELECT payload FROM raw_events ORDER BY id").map { $0[0] ?? "" }
            #expect(stored == text.split(separator: "\n").map(String.init))
            #expect(try query(db, "SELECT count(*) FROM events WHERE duplicate_of IS NOT NULL") == [["0"]])
        }
    }
}
