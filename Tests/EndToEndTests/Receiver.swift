import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// `astercdr ingest --listen` running on a free port of 127.0.0.1, stopped with SIGTERM.
/// @unchecked: the process is started in `init` and only signalled and waited for afterwards.
final class RunningReceiver: @unchecked Sendable {
    let process = Process()
    let port: Int
    let stderr = Pipe()
    let base: String

    /// `fileSizeLimit`: starts it under that file-size limit (see `launchAstercdr`);
    /// `raiseFileSizeLimit()` lifts it while it runs.
    init(db: String, port: Int? = nil, extra: [String] = [], fileSizeLimit: Int? = nil) async throws {
        self.port = try port ?? freePort()
        base = "http://127.0.0.1:\(self.port)"
        launchAstercdr(
            process, ["ingest", "--listen", "127.0.0.1:\(self.port)", "--db", db, "--timezone", "Asia/Shanghai"] + extra,
            fileSizeLimit: fileSizeLimit)
        process.standardError = stderr
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

    private func send(_ request: HTTPClientRequest) async throws -> (status: HTTPResponseStatus, body: String) {
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(3))
        let body = try await response.body.collect(upTo: 1 << 20)
        return (response.status, String(buffer: body))
    }

    /// SIGTERM, then waits (at most `seconds`) for the exit. Returns the exit status and standard error.
    func stop(within seconds: Double = 10) async throws -> (status: Int32, stderr: String, seconds: Double) {
        let started = Date()
        process.terminate()
        while process.isRunning, Date().timeIntervalSince(started) < seconds {
            try await Task.sleep(for: .milliseconds(20))
        }
        let took = Date().timeIntervalSince(started)
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        let text = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return (process.terminationStatus, text, took)
    }
}

/// A TCP port of 127.0.0.1 that nothing listens on right now.
func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
    }
    guard bound else { throw POSIXError(.EADDRNOTAVAIL) }
    return Int(UInt16(bigEndian: address.sin_port))
}
