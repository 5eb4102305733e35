import AsyncHTTPClient
import CallStore
import Foundation
import Ingest
import Logging
import SQLite
import Testing
@_exported import TestSupport

/// The subscribers run against a workspace's database, each with its own store and writer as a new
/// `astercdr ingest` process would have.
extension Workspace {
    /// Runs a subscriber to `url` while `body` runs, then cancels it and finishes its writer.
    func withSubscriber(
        _ url: String, logs: LogSink = LogSink(), pollTimeout: Duration = .seconds(30), _ body: () async throws -> Void
    ) async throws {
        let store = try CallStore(path: dbPath, access: .create, timeZone: "Asia/Shanghai")
        let writer = IngestWriter(writer: try EventWriter(store: store))
        let subscriber = PushSubscriber(
            url: url, writer: writer, httpClient: .shared, logger: logs.logger, pollTimeout: pollTimeout, maxBackoff: .seconds(1))
        let task = Task { try await subscriber.run() }
        defer { task.cancel() }
        try await body()
        task.cancel()
        try await task.value
        _ = await writer.finish()
    }

    /// The subscription's stored cursor, and how many cursors there are.
    func storedCursor() throws -> (cursor: SubscriptionCursor?, rows: Int) {
        let positions = try database().column("SELECT position FROM ingest_cursors WHERE origin LIKE 'subscribe:%'")
        return (positions.last.flatMap(SubscriptionCursor.init(position:)), positions.count)
    }
}

/// Waits until `condition` holds; fails the test when it does not within `seconds`, saying `why`.
/// The deadlines bound a hang, not a speed: the suites share two cores, and a wait that passes costs
/// only the time it takes.
func waitUntil(
    within seconds: Double, why: @autoclosure () -> String = "", sourceLocation: SourceLocation = #_sourceLocation,
    _ condition: () throws -> Bool
) async throws {
    let reached = try await eventually(within: seconds, condition)
    try #require(reached, "not within \(seconds) s \(why())", sourceLocation: sourceLocation)
}

/// Log lines kept in memory, to check what a subscriber says and that it never says the channel.
final class LogSink: @unchecked Sendable {
    // Appended to from any task, read by the test: every access holds `lock`.
    private let lock = NSLock()
    private var stored: [String] = []

    var lines: [String] {
        lock.withLock { stored }
    }

    var logger: Logger {
        Logger(label: "test") { _ in Handler(sink: self) }
    }

    fileprivate func append(_ line: String) {
        lock.withLock { stored.append(line) }
    }

    private struct Handler: LogHandler {
        let sink: LogSink
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .debug

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { $1 }
            let fields = all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            sink.append("\(event.level) \(event.message) \(fields)")
        }
    }
}

/// POSTs `body` to `url` and returns the status code.
@discardableResult
func post(_ url: String, _ body: String) async throws -> UInt {
    var request = HTTPClientRequest(url: url)
    request.method = .POST
    request.body = .bytes(Array(body.utf8))
    let response = try await HTTPClient.shared.execute(request, timeout: .seconds(5))
    _ = try await response.body.collect(upTo: 1 << 20)
    return response.status.code
}

/// The vendor's two example flows (dial-out, then dial-in), one event a line.
let vendorFlowLines: [String] = {
    let text = (try? String(contentsOf: repositoryRoot.appendingPathComponent("samples/vendor-flows.txt"), encoding: .utf8)) ?? ""
    return text.split(separator: "\n").map(String.init)
}()

let vendorSessions = ["efeb7b374a3408b0d0954f30a1504d83", "1f10eab01f5b1b36230b8e91aef34810"]
