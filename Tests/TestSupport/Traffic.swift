import Foundation

/// `astercdr simulate` with these arguments (times in Asia/Shanghai): one event a line.
public func generatedTraffic(_ arguments: [String]) async throws -> [String] {
    try await offThePool {
        let run = try runToEnd([astercdrBinary.path, "simulate", "--timezone", "Asia/Shanghai"] + arguments)
        guard run.status == 0 else { throw CommandFailed(arguments: arguments, finished: run) }
        return run.stdout.split(separator: "\n").map(String.init)
    }
}

/// The sessionid of a `key=value&...` line, if it has one.
public func sessionID(of line: some StringProtocol) -> String? {
    guard let range = line.range(of: #"sessionid=[0-9a-f]+"#, options: .regularExpression) else { return nil }
    return String(line[range].dropFirst("sessionid=".count))
}

/// Whether `line` is a CONVERSATION hangup, the event that completes its call.
public func isConversationHangup(_ line: some StringProtocol) -> Bool {
    line.contains("source=CONVERSATION") && line.contains("event=hangup")
}

/// The sessions that a CONVERSATION hangup among `lines` ends: the calls an ingest of them must
/// assemble as complete, worked out from the text alone.
public func hungUpSessions(_ lines: some Sequence<some StringProtocol>) -> Set<String> {
    Set(lines.filter { isConversationHangup($0) }.compactMap { sessionID(of: $0) })
}

/// Writes `lines` to `url`, each ended by LF, as a log file holds them.
public func writeLines(_ lines: [String], to url: URL) throws {
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
}
