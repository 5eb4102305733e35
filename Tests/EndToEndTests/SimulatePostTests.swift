import Foundation
import Testing

/// `astercdr simulate --post`: traffic sent live to `astercdr ingest --listen`.
@Suite(.serialized) struct SimulatePostTests {
    let simulation = ["--calls", "200", "--seed", "4", "--agent-state", "--duplicates", "0.03", "--out-of-order", "0.05", "--timezone", "Asia/Shanghai"]

    func lineCount(_ arguments: [String]) async throws -> Int {
        try await astercdr(["simulate"] + arguments).stdout.split(separator: "\n").count
    }

    @Test func trafficPostedLiveIsAssembledAsTheSimulatorPlayedIt() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("cdr.db").path, truth = dir.appendingPathComponent("t.jsonl")
            let receiver = try await RunningReceiver(db: db, extra: ["--token", "s3cret"])

            let started = Date()
            let posted = try await astercdr(["simulate"] + simulation + ["--post", receiver.base + "/", "--rate", "2000", "--token", "s3cret", "--truth", truth.path])
            let took = Date().timeIntervalSince(started)
            let lines = try await lineCount(simulation)
            #expect(posted.status == 0)
            #expect(posted.stdout.isEmpty)
            #expect(posted.stderr.hasPrefix("astercdr: \(lines) events posted in "), "\(posted.stderr)")
            #expect(posted.stderr.hasSuffix(" POSTs, 0 retries\n"))
            // Paced: 2,000 events a second, not as fast as it can.
            #expect(took > Double(lines) / 2000 * 0.8)

            let stopped = try await receiver.stop()
            #expect(stopped.status == 0)
            #expect(try query(db, "SELECT count(*) FROM raw_events") == [["\(lines)"]])
            let events = dir.appendingPathComponent("events.txt")
            try Data(try await astercdr(["simulate"] + simulation).stdout.utf8).write(to: events)
            let expected = try ExpectedCalls(truthFile: truth, eventsFile: events)
            #expect(expected.truth.count == 200)
            let mismatches = try await expected.mismatches(db: db)
            #expect(mismatches.isEmpty, "\(mismatches.count) calls differ; the first:\n\(mismatches.prefix(3).joined(separator: "\n"))")
        }
    }

    /// Nothing listens at first: the POSTs are retried, with a warning each time, until the
    /// receiver is up; nothing is lost.
    @Test func postsAreRetriedUntilTheReceiverAnswers() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("cdr.db").path
            let port = try freePort()
            let arguments = ["--calls", "30", "--timezone", "Asia/Shanghai"]
            let sender = try SimulateProcess(arguments + ["--post", "http://127.0.0.1:\(port)/", "--rate", "1000"], in: dir)
            try await sender.waitForLog(containing: "POST failed")
            let receiver = try await RunningReceiver(db: db, port: port)
            let (status, stderr) = try await sender.finish(within: 30)
            _ = try await receiver.stop()
            let lines = try await lineCount(arguments)
            #expect(status == 0, "\(stderr)")
            #expect(stderr.contains("astercdr: warning: POST failed ("))
            let summary = try #require(stderr.split(separator: "\n").last)
            #expect(summary.hasPrefix("astercdr: \(lines) events posted in "))
            #expect(!summary.hasSuffix(" 0 retries"))
            #expect(try query(db, "SELECT count(*) FROM raw_events") == [["\(lines)"]])
            #expect(try query(db, "SELECT count(*) FROM calls") == [["30"]])
        }
    }

    /// A refusal that sending again cannot change ends the run at once, saying what to fix.
    @Test func aWrongTokenEndsTheRunInsteadOfRetrying() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("cdr.db").path
            let receiver = try await RunningReceiver(db: db, extra: ["--token", "s3cret"])
            let url = receiver.base + "/"
            let posted = try await astercdr(["simulate", "--calls", "30", "--post", url, "--rate", "1000", "--token", "wrong"])
            _ = try await receiver.stop()
            #expect(posted.status == 1)
            #expect(posted.stderr == "astercdr: the receiver at \(url) refused the traffic: 401 Unauthorized (check --token); the rest was not sent; 0 events posted in 0 POSTs, 0 retries\n")
            #expect(try query(db, "SELECT count(*) FROM raw_events") == [["0"]])
        }
    }

    @Test func anInterruptedSenderSaysWhatWasNotSent() async throws {
        try await withTemporaryDirectory { dir in
            let sender = try SimulateProcess(["--calls", "30", "--post", "http://127.0.0.1:\(try freePort())/", "--rate", "100"], in: dir)
            // A failed POST comes after the sender's first tick, so its SIGINT handler is in place by then.
            try await sender.waitForLog(containing: "POST failed")
            kill(sender.process.processIdentifier, SIGINT)
            let (status, stderr) = try await sender.finish(within: 10)
            #expect(status == 1)
            #expect(stderr.contains("astercdr: interrupted: 0 events posted in 0 POSTs, "), "\(stderr)")
            #expect(stderr.hasSuffix("; the rest of the traffic was not sent\n"))
        }
    }
}

/// `astercdr simulate ARGUMENTS` running in the background, its standard error kept in a file.
struct SimulateProcess {
    let process = Process()
    let log: URL

    init(_ arguments: [String], in dir: URL) throws {
        log = dir.appendingPathComponent("simulate-\(UUID().uuidString).log")
        try Data().write(to: log)
        process.executableURL = astercdrBinary
        process.arguments = ["simulate"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
    }

    /// Waits until its standard error says `text`.
    func waitForLog(containing text: String, within seconds: Double = 30, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let said = try await eventually(within: seconds) { try String(contentsOf: log, encoding: .utf8).contains(text) }
        if !said { Issue.record("the sender did not say '\(text)' within \(seconds) s", sourceLocation: sourceLocation) }
    }

    /// Waits for the exit (SIGKILL after `seconds`); its status and standard error.
    func finish(within seconds: Double) async throws -> (status: Int32, stderr: String) {
        _ = try await eventually(within: seconds) { !process.isRunning }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return (process.terminationStatus, try String(contentsOf: log, encoding: .utf8))
    }
}
