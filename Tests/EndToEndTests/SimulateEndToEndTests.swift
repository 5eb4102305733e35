import Foundation
import Testing

/// `astercdr simulate` through the built binary, and its traffic through `astercdr ingest`.
@Suite(.serialized) struct SimulateEndToEndTests {
    /// The property: whatever the calls, duplicates and delivery order, astercdr assembles every
    /// call exactly as the simulator says it happened.
    @Test(arguments: [(1, "kv"), (2, "kv"), (3, "json")])
    func everyCallIsAssembledAsTheSimulatorPlayedIt(seed: Int, format: String) async throws {
        try await withTemporaryDirectory { dir in
            let events = dir.appendingPathComponent("events.txt"), truth = dir.appendingPathComponent("t.jsonl")
            let db = dir.appendingPathComponent("cdr.db").path
            let simulated = try await astercdr([
                "simulate", "--calls", "3000", "--seed", "\(seed)", "--agent-state", "--duplicates", "0.03",
                "--out-of-order", "0.05", "--truth", truth.path, "--timezone", "Asia/Shanghai", "--format", format,
            ])
            try #require(simulated.status == 0, "\(simulated.stderr)")
            try Data(simulated.stdout.utf8).write(to: events)
            let lines = simulated.stdout.split(separator: "\n")
            let copies = lines.count - Set(lines).count

            let ingested = try await astercdr(["ingest", events.path, "--db", db, "--timezone", "Asia/Shanghai"])
            #expect(ingested.status == 0)
            #expect(ingested.stderr.hasPrefix("astercdr: \(lines.count) events: \(lines.count) parsed, 0 rejected, \(copies) duplicates; "))

            let expected = try ExpectedCalls(truthFile: truth, eventsFile: events)
            #expect(expected.truth.count == 3000)
            // With agent state, the time of the 40 agents and 5 supervisors follows the calls.
            #expect(expected.agents.count == 45)
            let mismatches = try await expected.mismatches(db: db)
            #expect(mismatches.isEmpty, "\(mismatches.count) calls differ; the first:\n\(mismatches.prefix(3).joined(separator: "\n"))")
            // Every agent's time and AHT, worked out by the simulator from its own shift (SPEC 6.4, 5).
            #expect(expected.agents.count >= 40)
            let agentMismatches = try await expected.agentMismatches(db: db)
            #expect(agentMismatches.isEmpty, "\(agentMismatches.count) agents differ; the first:\n\(agentMismatches.prefix(3).joined(separator: "\n"))")
        }
    }

    @Test func theSameOptionsGiveTheSameBytes() async throws {
        try await withTemporaryDirectory { dir in
            let arguments = ["simulate", "--calls", "200", "--seed", "9", "--agent-state", "--duplicates", "0.1", "--out-of-order", "0.1", "--timezone", "UTC"]
            let first = try await astercdr(arguments + ["--truth", dir.appendingPathComponent("1").path])
            let second = try await astercdr(arguments + ["--truth", dir.appendingPathComponent("2").path])
            #expect(first.status == 0 && !first.stdout.isEmpty)
            #expect(first.stdout == second.stdout)
            #expect(try Data(contentsOf: dir.appendingPathComponent("1")) == Data(contentsOf: dir.appendingPathComponent("2")))
            #expect(try await astercdr(arguments.map { $0 == "9" ? "10" : $0 }).stdout != first.stdout)
        }
    }

    @Test func eventsWritesExactlyThatManyLines() async throws {
        let run = try await astercdr(["simulate", "--events", "25000", "--agent-state", "--duplicates", "0.02", "--timezone", "UTC"])
        #expect(run.status == 0)
        #expect(run.stdout.split(separator: "\n").count == 25000)
        #expect(run.stdout.hasSuffix("\n"))
    }

    @Test func trafficInAnHourTheZoneRepeatsIsWarnedAbout() async throws {
        let berlin = try await astercdr(["simulate", "--duration", "3h", "--start", "2026-10-25 01:00:00", "--timezone", "Europe/Berlin"])
        #expect(berlin.status == 0)
        #expect(berlin.stderr.hasPrefix("astercdr: warning: "))
        #expect(berlin.stderr.contains(" events happen the second time Europe/Berlin's clocks go through an hour they repeat; "))
        let shanghai = try await astercdr(["simulate", "--duration", "3h", "--start", "2026-10-25 01:00:00", "--timezone", "Asia/Shanghai"])
        #expect(shanghai.status == 0 && shanghai.stderr.isEmpty)
    }

    /// `astercdr simulate | head`: the reader goes away; the writer stops quietly.
    @Test func aClosedStandardOutputEndsQuietly() async throws {
        let process = Process()
        process.executableURL = astercdrBinary
        process.arguments = ["simulate", "--events", "10000000", "--timezone", "UTC"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let first = out.fileHandleForReading.readData(ofLength: 4096)
        try out.fileHandleForReading.close()
        process.waitUntilExit()
        #expect(first.count == 4096)
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        #expect(err.fileHandleForReading.readDataToEndOfFile().isEmpty)
    }

    @Test(arguments: [
        (["--calls", "5", "--duration", "1h"], "--calls and --duration are alternatives: name one"),
        (["--events", "10", "--truth", "t.jsonl"], "--events cuts the last calls short"),
        (["--calls=-1"], "The value '-1' is invalid for '--calls <n>': must be a whole number 0–100000000"),
        (["--dialin", "1.5"], "The value '1.5' is invalid for '--dialin <share>': must be a fraction 0–1 (such as 0.05) or a percentage 0%–100% (such as 5%)"),
        (["--start", "2026-02-30 08:00:00"], "--start: '2026-02-30 08:00:00' is not a time like 2026-11-02 08:00:00 (a real time in the years 0001–9999)"),
        (["--timezone", "Mars/Olympus"], "unknown time zone 'Mars/Olympus'"),
        (["--post", "http://127.0.0.1:9/"], "--post needs --rate"),
        (["--post", "127.0.0.1:9", "--rate", "10"], "is not an http:// or https:// URL"),
        (["--token", "s3cret"], "--token goes with --post"),
        (["--agents", "7"], "The value '7' is invalid for '--agents <n>': must be a whole number 8–4000"),
    ])
    func badOptionsAreUsageErrors(arguments: [String], message: String) async throws {
        let run = try await astercdr(["simulate"] + arguments)
        #expect(run.status == 64)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }
}
