import Foundation

/// nginx with nchan on a free port of 127.0.0.1, started by the repository's
/// `scripts/nchan/start-nchan.sh` with its configuration (subscriber timeout 10 s, 1,000 messages
/// buffered per channel).
/// @unchecked: `pid` changes only in `stop` and `start`, which a test calls from one task.
final class Nchan: @unchecked Sendable {
    static let script = repositoryRoot.appendingPathComponent("scripts/nchan/start-nchan.sh")

    /// Whether this machine has Debian's nginx and its nchan module (`.ci/run` installs both).
    /// Outside CI the suites that need them are skipped without them; in CI they must run.
    static let canRun: Bool = {
        let installed = ["/usr/sbin/nginx", "/usr/lib/nginx/modules/ngx_nchan_module.so"]
            .allSatisfy { FileManager.default.fileExists(atPath: $0) }
        return installed || ProcessInfo.processInfo.environment["CI"] == "true"
    }()

    let port: Int
    let dir: URL
    private(set) var pid: pid_t = 0
    var base: String { "http://127.0.0.1:\(port)" }

    /// Starts nginx, runs `body`, and always stops nginx afterwards.
    static func with(in dir: URL, _ body: (Nchan) async throws -> Void) async throws {
        let nchan = try await offThePool { try started(dir: dir.appendingPathComponent("nchan")) }
        defer { nchan.stop() }
        try await body(nchan)
    }

    /// Another process may take the free port before nginx binds it: the last of a few tries throws.
    private static func started(dir: URL) throws -> Nchan {
        for _ in 1..<5 {
            let candidate = Nchan(port: try freePort(), dir: dir)
            if (try? candidate.start()) != nil { return candidate }
        }
        let last = Nchan(port: try freePort(), dir: dir)
        try last.start()
        return last
    }

    private init(port: Int, dir: URL) {
        self.port = port
        self.dir = dir
    }

    struct NchanDidNotStart: Error, CustomStringConvertible {
        let output: String
        var description: String { "start-nchan.sh failed: \(output)" }
    }

    /// Starts nginx on `port` with `dir` as its working folder; the script returns once it listens.
    func start() throws {
        // Through Python's subprocess, which passes no descriptor but 0-2 on: nginx would otherwise
        // inherit whichever the test process had open, and Foundation would not see the exit of
        // the process one of them belongs to while nginx runs.
        let run = try runToEnd(["python3", "-c", "import subprocess, sys; sys.exit(subprocess.call(sys.argv[1:]))",
                                "sh", Self.script.path, "\(port)", dir.path])
        guard run.status == 0, let pid = pid_t(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw NchanDidNotStart(output: run.output)
        }
        self.pid = pid
    }

    /// Stops nginx and waits (at most 5 s) until it is gone. nchan's messages live in nginx's shared
    /// memory, so they go with it.
    func stop() {
        guard pid > 0 else { return }
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(20)
        while FileManager.default.fileExists(atPath: dir.appendingPathComponent("nginx.pid").path), Date() < deadline {
            usleep(20_000)
        }
        if FileManager.default.fileExists(atPath: dir.appendingPathComponent("nginx.pid").path) {
            // A worker outliving a killed master would keep the port and the subscriber's connection.
            for worker in Self.children(of: pid) { kill(worker, SIGKILL) }
            kill(pid, SIGKILL)
        }
        pid = 0
    }

    /// The processes whose parent is `parent`, from /proc.
    static func children(of parent: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> Int32? in
            guard let child = Int32(entry),
                  let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let afterName = stat.range(of: ") ", options: .backwards) else { return nil }
            let fields = stat[afterName.upperBound...].split(separator: " ")
            return fields.count > 1 && Int32(fields[1]) == parent ? child : nil
        }
    }

    func publish(_ channel: String, _ messages: some Sequence<String>) async throws {
        for message in messages {
            let status = try await post("\(base)/pub?id=\(channel)", message)
            guard status == 201 || status == 202 else { throw PublishFailed(status: status) }
        }
    }

    struct PublishFailed: Error {
        let status: UInt
    }

    /// The status codes nginx answered to requests whose line contains `path`, from its access log.
    func statuses(of path: String) throws -> [Int] {
        let log = (try? String(contentsOf: dir.appendingPathComponent("access.log"), encoding: .utf8)) ?? ""
        return log.split(separator: "\n").filter { $0.contains(path) }.compactMap { line in
            // combined format: ... "GET /sub?id=x HTTP/1.1" 200 4 ...
            line.split(separator: "\"", maxSplits: 2).last?.split(separator: " ").first.flatMap { Int($0) }
        }
    }
}
