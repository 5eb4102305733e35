import Foundation

/// Runs blocking work (a child process to its end, a large generated file) on a thread of its
/// own. Swift Testing runs the tests on the concurrency pool, one thread per core: a test blocking
/// one of those for seconds stalls every other test, and their timed waits run out.
public func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
    }
}

/// Checks `condition` every 20 ms until it holds or `seconds` have passed; whether it held.
public func eventually(within seconds: Double, _ condition: () throws -> Bool) async throws -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try condition() { return true }
        try await Task.sleep(for: .milliseconds(20))
    }
    return try condition()
}

/// Waits for `process` to exit without blocking a thread of the concurrency pool.
public func exited(_ process: Process) async throws {
    while process.isRunning { try await Task.sleep(for: .milliseconds(20)) }
    process.waitUntilExit()
}

/// How a command ended and what it wrote.
public struct Finished: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
    /// Both, for a message about a failure.
    public var output: String { stdout + stderr }

    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }
}

/// Runs a command (looked up on PATH) to its end, with `input` on its standard input (else
/// /dev/null).
public func runToEnd(_ arguments: [String], input: String? = nil) throws -> Finished {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    return try runToEnd(process, input: input.map { Data($0.utf8) })
}

/// Runs `process`, set up but not started, to its end, with `input` on its standard input (else
/// /dev/null). What it writes goes through files, not pipes: a pipe's write end could leak into a
/// long-lived process another test starts at that moment (nginx, an ingester), and reading the
/// pipe to its end would then wait for that process.
public func runToEnd(_ process: Process, input: Data?) throws -> Finished {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("astercdr-run-\(UUID().uuidString)")
    let paths = ["in", "out", "err"].map { base.appendingPathExtension($0) }
    defer { for path in paths { try? FileManager.default.removeItem(at: path) } }
    try (input ?? Data()).write(to: paths[0])
    try Data().write(to: paths[1])
    try Data().write(to: paths[2])
    let stdin = try FileHandle(forReadingFrom: paths[0])
    let stdout = try FileHandle(forWritingTo: paths[1])
    let stderr = try FileHandle(forWritingTo: paths[2])
    defer { for handle in [stdin, stdout, stderr] { try? handle.close() } }
    process.standardInput = input == nil ? FileHandle.nullDevice : stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    process.waitUntilExit()
    return Finished(
        status: process.terminationStatus,
        stdout: String(decoding: try Data(contentsOf: paths[1]), as: UTF8.self),
        stderr: String(decoding: try Data(contentsOf: paths[2]), as: UTF8.self))
}

public struct CommandFailed: Error, CustomStringConvertible {
    public let arguments: [String]
    public let finished: Finished
    public var description: String { "\(arguments.joined(separator: " ")) exited \(finished.status): \(finished.output)" }
}

/// Sets `process` to run `astercdr` with `arguments`; with `fileSizeLimit`, under that soft
/// RLIMIT_FSIZE in bytes (the hard limit unlimited), the way `ulimit -f` fills a disk for one
/// process. prlimit sets the limit on itself and then execs astercdr, so the pid stays astercdr's.
public func launchAstercdr(_ process: Process, _ arguments: [String], fileSizeLimit: Int?) {
    if let fileSizeLimit {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/prlimit")
        process.arguments = ["--fsize=\(fileSizeLimit):unlimited", astercdrBinary.path] + arguments
    } else {
        process.executableURL = astercdrBinary
        process.arguments = arguments
    }
}

/// SIGKILLs `process` once `reached()` holds (looked at every `interval`, for at most `seconds`)
/// and `extra` more has passed. Watched from a thread of its own: a wait on the concurrency pool
/// can wake late by as long as other tests hold the pool's threads, and the process would run on
/// far past the point meant.
public func kill(
    _ process: Process, once reached: @escaping @Sendable () -> Bool, every interval: TimeInterval = 0.005,
    then extra: TimeInterval, within seconds: TimeInterval = 120
) async throws {
    try await offThePool {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, !reached(), Date() < deadline { Thread.sleep(forTimeInterval: interval) }
        Thread.sleep(forTimeInterval: extra)
        kill(process.processIdentifier, SIGKILL)
    }
}
