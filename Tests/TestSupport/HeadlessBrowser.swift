import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Debian's Chromium, headless, driven over the DevTools protocol on a pipe
/// (`--remote-debugging-pipe`: it reads commands on fd 3 and writes answers on fd 4, each a JSON
/// object ended by a NUL byte). One page; the test navigates it, evaluates JavaScript in it to
/// read what it renders, and takes screenshots. Its profile lives in `profile` and is thrown away.
public final class HeadlessBrowser {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String

        public init(description: String) {
            self.description = description
        }
    }

    /// Where Debian installs it (`apt-get install chromium`); nil when it is not installed.
    public static let executable: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Whether the browser tests run: Chromium is installed, or this is CI (`CI=true`), where
    /// `.ci/run` installs it and a missing one must fail, not skip.
    public static let canRun = executable != nil || ProcessInfo.processInfo.environment["CI"] == "true"

    private let pid: pid_t
    private let commands: Int32
    private let answers: Int32
    private var unread: [UInt8] = []
    private var nextID = 0
    private var session = ""
    /// Every message the page logged to its console, every exception it threw, and every warning or
    /// error the browser logged for it (a refused script or style, a failed load), as text.
    public private(set) var console: [String] = []

    /// Starts the browser with its profile in `profile` (a folder of the test's) and opens a blank page.
    public init(profile: URL, width: Int = 1600, height: Int = 1000) throws {
        guard let executable = Self.executable else { throw Failure(description: "chromium is not installed (apt-get install chromium)") }
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        // Every end close-on-exec (as soon as made: pipe2 is not visible from Swift's Glibc), and
        // numbered above 4, so that the dup2s onto 3 and 4 in the child are the only copies it gets
        // and cannot overwrite one another.
        var toBrowser: [Int32] = [0, 0], fromBrowser: [Int32] = [0, 0]
        guard pipe(&toBrowser) == 0, pipe(&fromBrowser) == 0 else {
            throw Failure(description: "pipe: \(String(cString: strerror(errno)))")
        }
        for i in 0..<2 {
            _ = fcntl(toBrowser[i], F_SETFD, FD_CLOEXEC)
            _ = fcntl(fromBrowser[i], F_SETFD, FD_CLOEXEC)
            toBrowser[i] = try Self.aboveFour(toBrowser[i])
            fromBrowser[i] = try Self.aboveFour(fromBrowser[i])
        }
        let arguments = [
            executable, "--headless", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--no-default-browser-check", "--disable-dev-shm-usage", "--disable-extensions", "--mute-audio",
            "--user-data-dir=\(profile.path)", "--window-size=\(width),\(height)", "about:blank",
        ]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toBrowser[0], 3)
        posix_spawn_file_actions_adddup2(&actions, fromBrowser[1], 4)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, profile.appendingPathComponent("chromium.err").path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        // A group of its own, so that its renderer and GPU processes are stopped with it.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, executable, &actions, &attributes, argv, environ)
        close(toBrowser[0])
        close(fromBrowser[1])
        guard spawned == 0 else {
            close(toBrowser[1])
            close(fromBrowser[0])
            throw Failure(description: "could not start \(executable): \(String(cString: strerror(spawned)))")
        }
        pid = child
        commands = toBrowser[1]
        answers = fromBrowser[0]

        let target = try send("Target.createTarget", ["url": "about:blank"])
        guard let targetID = target["targetId"] as? String else { throw Failure(description: "no page was opened: \(target)") }
        let attached = try send("Target.attachToTarget", ["targetId": targetID, "flatten": true])
        guard let session = attached["sessionId"] as? String else { throw Failure(description: "could not attach to the page: \(attached)") }
        self.session = session
        _ = try send("Runtime.enable", [:], inPage: true)
        _ = try send("Page.enable", [:], inPage: true)
        _ = try send("Log.enable", [:], inPage: true)
        // The page's own size, whatever the window's frame takes: screenshots are width x height.
        _ = try send("Emulation.setDeviceMetricsOverride", ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": false], inPage: true)
    }

    private static func aboveFour(_ fd: Int32) throws -> Int32 {
        guard fd <= 4 else { return fd }
        let moved = fcntl(fd, F_DUPFD_CLOEXEC, 10)
        close(fd)
        guard moved >= 0 else { throw Failure(description: "fcntl: \(String(cString: strerror(errno)))") }
        return moved
    }

    deinit {
        close(commands)
        close(answers)
        kill(-pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }

    /// Loads `url` and waits until the document has loaded.
    public func open(_ url: String) async throws {
        let answer = try send("Page.navigate", ["url": url], inPage: true)
        if let error = answer["errorText"] as? String { throw Failure(description: "could not load \(url): \(error)") }
        try await waitUntil("document.readyState === 'complete'", within: 10, what: "\(url) to load")
    }

    /// The value of `expression` evaluated in the page (awaited if it is a promise), as JSON makes it.
    public func evaluate(_ expression: String) throws -> Any? {
        let answer = try send("Runtime.evaluate", ["expression": expression, "returnByValue": true, "awaitPromise": true], inPage: true)
        if let exception = answer["exceptionDetails"] as? [String: Any] {
            throw Failure(description: "\(expression) threw: \(exception["exception"] ?? exception)")
        }
        return (answer["result"] as? [String: Any])?["value"]
    }

    /// The text of `expression`'s value ("" when it is not a string).
    public func text(_ expression: String) throws -> String {
        try evaluate(expression) as? String ?? ""
    }

    /// Waits until `condition` (JavaScript) is true in the page, checking every 50 ms; fails after
    /// `seconds`, naming `what` it waited for and what the page held then.
    public func waitUntil(_ condition: String, within seconds: Double, what: String) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if (try? evaluate("Boolean(\(condition))")) as? Bool == true { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        let body = (try? text("document.body ? document.body.innerText : ''")) ?? ""
        throw Failure(description: "waited \(seconds) s for \(what) (\(condition)); the page shows:\n\(body)\nconsole: \(console)")
    }

    /// A PNG of the page as the screen shows it, written to `file`.
    public func screenshot(to file: URL) throws {
        let answer = try send("Page.captureScreenshot", ["format": "png"], inPage: true)
        guard let base64 = answer["data"] as? String, let png = Data(base64Encoded: base64) else {
            throw Failure(description: "no screenshot: \(answer)")
        }
        try png.write(to: file)
    }

    /// Sends one command and returns its result, keeping the page's console messages that come
    /// meanwhile. Waits at most 30 s for the answer, blocking its thread: the browser tests run one
    /// at a time, and each command is answered in milliseconds.
    @discardableResult
    private func send(_ method: String, _ parameters: [String: Any], inPage: Bool = false) throws -> [String: Any] {
        nextID += 1
        var message: [String: Any] = ["id": nextID, "method": method, "params": parameters]
        if inPage { message["sessionId"] = session }
        var bytes = [UInt8](try JSONSerialization.data(withJSONObject: message))
        bytes.append(0)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(commands, $0.baseAddress, $0.count) }
            guard n > 0 else { throw Failure(description: "the browser stopped reading (\(method)): \(String(cString: strerror(errno)))") }
            written += n
        }
        let deadline = Date().addingTimeInterval(30)
        while true {
            let reply = try nextMessage(until: deadline, waitingFor: method)
            if reply["id"] as? Int == nextID {
                if let error = reply["error"] as? [String: Any] { throw Failure(description: "\(method) failed: \(error)") }
                return reply["result"] as? [String: Any] ?? [:]
            }
            note(reply)
        }
    }

    private func note(_ event: [String: Any]) {
        let parameters = event["params"] as? [String: Any] ?? [:]
        switch event["method"] as? String {
        case "Runtime.consoleAPICalled":
            let values = (parameters["args"] as? [[String: Any]] ?? []).map { "\($0["value"] ?? $0["description"] ?? "")" }
            console.append("\(parameters["type"] ?? "log"): \(values.joined(separator: " "))")
        case "Runtime.exceptionThrown":
            console.append("exception: \(parameters["exceptionDetails"] ?? "")")
        case "Log.entryAdded":
            let entry = parameters["entry"] as? [String: Any] ?? [:]
            if let level = entry["level"] as? String, level == "error" || level == "warning" {
                console.append("\(level): \(entry["text"] ?? "") \(entry["url"] ?? "")")
            }
        default: break
        }
    }

    private func nextMessage(until deadline: Date, waitingFor method: String) throws -> [String: Any] {
        while true {
            if let end = unread.firstIndex(of: 0) {
                let message = Data(unread[..<end])
                unread.removeSubrange(...end)
                guard let object = try JSONSerialization.jsonObject(with: message) as? [String: Any] else { continue }
                return object
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { throw Failure(description: "the browser did not answer \(method) within 30 s") }
            var ready = pollfd(fd: answers, events: Int16(POLLIN), revents: 0)
            let polled = poll(&ready, 1, Int32(left * 1000))
            if polled < 0, errno != EINTR { throw Failure(description: "poll: \(String(cString: strerror(errno)))") }
            guard polled > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let n = read(answers, &chunk, chunk.count)
            guard n > 0 else { throw Failure(description: "the browser closed its pipe while answering \(method)") }
            unread.append(contentsOf: chunk[..<n])
        }
    }
}
