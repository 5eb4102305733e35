import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// `astercdr ingest --listen` (or `astercdr serve`) running on a free port of 127.0.0.1, stopped with SIGTERM.
/// @unchecked: the process is started in `init` and only signalled and waited for afterwards.
final class RunningReceiver: @unchecked Sendable {
    let process = Process()
    let port: Int
    let base: String
    /// Its standard error: a file, not a pipe, for the reason `runToEnd` gives.
    private let stderr = FileManager.default.temporaryDirectory.appendingPathComponent("astercdr-receiver-\(UUID().uuidString).err")

    /// `fileSizeLimit`: starts it under that file-size limit (see `launchAstercdr`);
    /// `raiseFileSizeLimit()` lifts it while it runs.
    convenience init(db: String, port: Int? = nil, extra: [String] = [], fileSizeLimit: Int? = nil) async throws {
        try await self.init(command: ["ingest", "--db", db, "--timezone", "Asia/Shanghai"] + extra, port: port, fileSizeLimit: fileSizeLimit)
    }

    /// `command` (`ingest ...` or `serve ...`) with `--listen` on `port`, else on a free one; returns
    /// once its `/healthz` answers.
    init(command: [String], port: Int? = nil, fileSizeLimit: Int? = nil) async throws {
        self.port = try port ?? freePort()
        base = "http://127.0.0.1:\(self.port)"
        launchAstercdr(process, command + ["--listen", "127.0.0.1:\(self.port)"], fileSizeLimit: fileSizeLimit)
        try Data().write(to: stderr)
        let stderrHandle = try FileHandle(forWritingTo: stderr)
        defer { try? stderrHandle.close() }
        process.standardError = stderrHandle
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        for _ in 0..<200 {
            if let health = try? await get("/healthz"), health.status == .ok { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        process.terminate()
        throw ReceiverDidNotStart()
    }

    struct ReceiverDidNotStart: Error {}

    /// A test that failed before `stop()` leaves no receiver running behind it.
    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// The fault is gone: the running process may write files of any size again.
    func raiseFileSizeLimit() throws {
        let prlimit = Process()
        prlimit.executableURL = URL(fileURLWithPath: "/usr/bin/prlimit")
        prlimit.arguments = ["--pid", "\(process.processIdentifier)", "--fsize=unlimited:unlimited"]
        try prlimit.run()
        prlimit.waitUntilExit()
        guard prlimit.terminationStatus == 0 else { throw LimitNotRaised() }
    }

    struct LimitNotRaised: Error {}

    func post(_ path: String, _ body: String, token: String? = nil) async throws -> (status: HTTPResponseStatus, body: String) {
        var request = HTTPClientRequest(url: base + path)
        request.method = .POST
        request.body = .bytes(ByteBuffer(string: body))
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        return try await send(request)
    }

    func get(_ pathAndQuery: String, token: String? = nil) async throws -> (status: HTTPResponseStatus, body: String) {
        var request = HTTPClientRequest(url: base + pathAndQuery)
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        return try await send(request)
    }

    /// `method` on `pathAndQuery` with `headers` and `body`, answered as it comes: a redirect is
    /// not followed, and the answer's headers are kept.
    func exchange(
        _ method: HTTPMethod, _ pathAndQuery: String, headers: [(String, String)] = [], body: String? = nil
    ) async throws -> (status: HTTPResponseStatus, headers: HTTPHeaders, body: String) {
        var request = HTTPClientRequest(url: base + pathAndQuery)
        request.method = method
        request.headers.add(contentsOf: headers)
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await Self.client.execute(request, timeout: .seconds(30))
        return (response.status, response.headers, String(buffer: try await response.body.collect(upTo: 1 << 20)))
    }

    /// Like `HTTPClient.shared`, but a refused connection fails at once: the shared client retries
    /// it silently until the request's deadline, and a stopped receiver would hold every client that
    /// long. Redirects are answers to look at, not to follow.
    private static let client: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout.connect = .seconds(5)
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    private func send(_ request: HTTPClientRequest) async throws -> (status: HTTPResponseStatus, body: String) {
        // Generous: the tests count what is lost or stored twice, not how fast, and on a loaded
        // machine a commit can wait for the disk behind a checkpoint.
        let response = try await Self.client.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 20)
        return (response.status, String(buffer: body))
    }

    /// `signal` (SIGTERM or SIGINT), then waits (at most `seconds`) for the exit. Returns the exit
    /// status and standard error.
    func stop(within seconds: Double = 10, signal: Int32 = SIGTERM) async throws -> (status: Int32, stderr: String, seconds: Double) {
        let started = Date()
        kill(process.processIdentifier, signal)
        _ = try await eventually(within: seconds) { !process.isRunning }
        let took = Date().timeIntervalSince(started)
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        let text = String(decoding: try Data(contentsOf: stderr), as: UTF8.self)
        try? FileManager.default.removeItem(at: stderr)
        return (process.terminationStatus, text, took)
    }
}
