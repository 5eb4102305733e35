import Foundation

/// `astercdr ingest` as a process of its own, as a service manager would run it.
extension Workspace {
    /// A file in the workspace that the ingesters' standard error is appended to.
    func log(_ name: String) throws -> (path: URL, handle: FileHandle) {
        let path = dir.appendingPathComponent(name)
        try Data().write(to: path)
        return (path, try FileHandle(forWritingTo: path))
    }

    /// Starts `astercdr ingest ARGUMENTS` on the workspace's database, its standard error to `log`.
    /// At debug level ServiceLifecycle names every service it starts, so a log shows whether a
    /// channel leaked there too.
    func startIngester(_ arguments: [String], log: FileHandle) throws -> Process {
        let process = Process()
        process.executableURL = astercdrBinary
        process.arguments = ["ingest"] + arguments + ["--db", dbPath, "--timezone", "Asia/Shanghai", "--log-level", "debug"]
        process.standardError = log
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }
}

/// SIGTERM, then waits at most `seconds` for the exit (SIGKILL after that). Returns whether the
/// process exited with status 0 by itself.
func terminate(_ process: Process, within seconds: Double = 10) async throws -> Bool {
    process.terminate()
    let stopped = try await eventually(within: seconds) { !process.isRunning }
    if !stopped { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    return stopped && process.terminationReason == .exit && process.terminationStatus == 0
}
