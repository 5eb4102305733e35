import Foundation
import SQLite
import Testing

@Suite(.serialized) struct CrashTests {
    /// SIGKILLs `astercdr ingest` again and again while it reads a large file, restarting it each
    /// time: in the end every line is stored exactly once, in file order.
    @Test func killedAtAnyMomentAndRestartedEveryLineIsStoredOnce() async throws {
        try await withTemporaryDirectory { dir in
            let file = dir.appendingPathComponent("big.log")
            let db = dir.appendingPathComponent("cdr.db").path
            let lineCount = 400_000
            var text = ""
            text.reserveCapacity(lineCount * 120)
            for n in 0..<lineCount {
                text += "sessionid=\(String(n / 6, radix: 16))&source=AGENT&event=ringing&uniqueid=\(n)&activenum=10\(n % 40)&eventTime=2026-11-25 09:\(String(format: "%02d:%02d", (n / 60) % 60, n % 60))\n"
            }
            try Data(text.utf8).write(to: file)

            var killedMidway = 0
            var finished = false
            for attempt in 0..<40 where !finished {
                let process = Process()
                process.executableURL = astercdrBinary
                process.arguments = ["ingest", file.path, "--db", db, "--timezone", "UTC"]
                process.standardError = FileHandle.nullDevice
                try process.run()
                // The first runs are killed at random moments; then one is left to finish.
                if attempt < 6 {
                    try await Task.sleep(for: .milliseconds(Int.random(in: 100...500)))
                    if process.isRunning {
                        kill(process.processIdentifier, SIGKILL)
                        killedMidway += 1
                    }
                }
                // Not waitUntilExit: the last run takes seconds, and a test must not hold a thread of the pool that long.
                try await exited(process)
                finished = process.terminationReason == .exit && process.terminationStatus == 0
            }
            #expect(finished)
            #expect(killedMidway >= 3)
            #expect(try query(db, "SELECT count(*), count(DISTINCT payload) FROM raw_events") == [["\(lineCount)", "\(lineCount)"]])
            let stored = try query(db, "SELECT payload FROM raw_events ORDER BY id").map { $0[0] ?? "" }
            #expect(stored == text.split(separator: "\n").map(String.init))
            #expect(try query(db, "SELECT count(*) FROM events WHERE duplicate_of IS NOT NULL") == [["0"]])
        }
    }
}
