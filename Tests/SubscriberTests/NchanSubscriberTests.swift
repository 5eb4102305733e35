import Foundation
@testable import Ingest
import Testing

/// The subscriber against a real nginx + nchan (Debian's nginx and libnginx-mod-nchan).
@Suite(.enabled(if: Nchan.canRun, "needs nginx and libnginx-mod-nchan: apt-get install nginx libnginx-mod-nchan")) struct NchanSubscriberTests {
    /// asterCC puts the agent's password in the channel name.
    let channel = "8001_s3cret"

    @Test func vendorFlowsAndTrafficArriveOnceAndTheCallsAreAssembled() async throws {
        let events = vendorFlowLines + (try await generatedTraffic(["--events", "500", "--seed", "5"]))
        try #require(events.count == 513)
        try await Workspace.with { ws in
            try await Nchan.with(in: ws.dir) { nchan in
                let url = "\(nchan.base)/sub?id=\(channel)"
                let logs = LogSink()
                // The first half waits in nchan's buffer: the subscriber starts from the oldest message.
                try await nchan.publish(channel, events[..<250])
                try await ws.withSubscriber(url, logs: logs) {
                    try await nchan.publish(channel, events[250...])
                    try await waitUntil(within: 60) { try ws.count() >= events.count }
                }
                #expect(try ws.payloads() == events)
                let db = try ws.database()
                #expect(try db.column("SELECT DISTINCT origin FROM raw_events") == ["subscribe:" + ChannelRedaction.redact(url)])
                #expect(try db.column("SELECT sessionid FROM calls WHERE sessionid IN ('\(vendorSessions[0])', '\(vendorSessions[1])') ORDER BY start_epoch")
                    == vendorSessions)
                let stored = try ws.storedCursor()
                #expect(stored.rows == 1)
                #expect(stored.cursor != nil && stored.cursor != .oldest)
                #expect(logs.lines.contains { $0.hasPrefix("info subscription started") && $0.contains("url=\(nchan.base)/sub?id=~") })
                #expect(logs.lines.contains { $0.hasPrefix("info subscription stopped") })
                #expect(!logs.lines.contains { $0.contains(channel) })
            }
        }
    }

    /// `/sub-multi` answers every buffered message at once as multipart/mixed; a message may itself
    /// hold several events.
    @Test func multipartAnswersCarrySeveralEvents() async throws {
        let events = try await generatedTraffic(["--events", "300", "--seed", "6"])
        // The first 100 events go two to a message, CRLF between them.
        let messages = stride(from: 0, to: 100, by: 2).map { events[$0] + "\r\n" + events[$0 + 1] } + events[100...]
        try await Workspace.with { ws in
            try await Nchan.with(in: ws.dir) { nchan in
                try await nchan.publish(channel, messages[..<150])
                try await ws.withSubscriber("\(nchan.base)/sub-multi?id=\(channel)") {
                    try await waitUntil(within: 60) { try ws.count() >= 200 }
                    try await nchan.publish(channel, messages[150...])
                    try await waitUntil(within: 60) { try ws.count() >= events.count }
                }
                #expect(try ws.payloads() == events)
                let answers = try nchan.statuses(of: "GET /sub-multi").filter { $0 == 200 }.count
                #expect(answers > 0 && answers < messages.count)
            }
        }
    }

    @Test func aSubscriberStoppedMidStreamAndStartedAgainStoresEveryEventOnce() async throws {
        let events = try await generatedTraffic(["--events", "600", "--seed", "7"])
        try await Workspace.with { ws in
            try await Nchan.with(in: ws.dir) { nchan in
                let url = "\(nchan.base)/sub?id=\(channel)"
                let publishing = Task { try await nchan.publish(channel, events[..<400]) }
                try await ws.withSubscriber(url) {
                    try await waitUntil(within: 60) { try ws.count() >= 50 }
                }
                let storedBeforeRestart = try ws.count()
                try await publishing.value
                try await nchan.publish(channel, events[400...])
                try await ws.withSubscriber(url) {
                    try await waitUntil(within: 60) { try ws.count() >= events.count }
                }
                #expect(storedBeforeRestart < events.count)
                #expect(try ws.payloads() == events)
                #expect(try ws.storedCursor().rows == 1)
            }
        }
    }

    /// nchan answers 408 when nothing came within `nchan_subscriber_timeout` (10 s here): the
    /// subscriber asks again with the cursor it had.
    @Test func nchansTimeoutKeepsTheCursor() async throws {
        let events = try await generatedTraffic(["--events", "10", "--seed", "8"])
        try await Workspace.with { ws in
            try await Nchan.with(in: ws.dir) { nchan in
                try await ws.withSubscriber("\(nchan.base)/sub?id=\(channel)") {
                    try await nchan.publish(channel, events[..<5])
                    try await waitUntil(within: 60) { try ws.count() >= 5 }
                    let before = try ws.storedCursor().cursor
                    try await waitUntil(within: 60) { try nchan.statuses(of: "GET /sub?id=").contains(408) }
                    #expect(try ws.storedCursor().cursor == before)
                    try await nchan.publish(channel, events[5...])
                    try await waitUntil(within: 60) { try ws.count() >= events.count }
                }
                #expect(try ws.payloads() == events)
            }
        }
    }

    /// nchan keeps its messages in nginx's shared memory: those published before the restart are
    /// gone, those published after it arrive.
    @Test func anNginxRestartIsSurvived() async throws {
        let events = try await generatedTraffic(["--events", "40", "--seed", "9"])
        try await Workspace.with { ws in
            try await Nchan.with(in: ws.dir) { nchan in
                let logs = LogSink()
                try await ws.withSubscriber("\(nchan.base)/sub?id=\(channel)", logs: logs) {
                    try await nchan.publish(channel, events[..<20])
                    try await waitUntil(within: 60) { try ws.count() >= 20 }
                    try await offThePool { nchan.stop() }
                    // Generous: with the whole suite running on two cores, nginx's exit and the
                    // failed poll that follows can take a while.
                    try await waitUntil(within: 60) { logs.lines.contains { $0.contains("reconnecting") } }
                    // nchan orders messages by publication second, then by a tag it restarts at 0:
                    // a message of the same second as the last one seen would count as already seen.
                    try await Task.sleep(for: .milliseconds(1100))
                    try await offThePool { try nchan.start() }
                    try await nchan.publish(channel, events[20...])
                    try await waitUntil(within: 60) { try ws.count() >= events.count }
                }
                #expect(try ws.payloads() == events)
                let failures = logs.lines.filter { $0.hasPrefix("warning subscription request failed; reconnecting") }
                #expect(!failures.isEmpty && failures.allSatisfy { $0.contains("delay=") && $0.contains("error=") })
                #expect(logs.lines.contains { $0.hasPrefix("info subscription reconnected") })
                #expect(!logs.lines.contains { $0.contains(channel) })
            }
        }
    }

    /// While commits fail nothing of the answers is kept; then the subscriber resumes from the
    /// stored cursor and gets the same events again from nchan's buffer.
    @Test func failedCommitsAreRetriedFromTheStoredCursor() async throws {
        let events = try await generatedTraffic(["--events", "20", "--seed", "13"])
        try await Workspace.with { ws in
            try await Nchan.with(in: ws.dir) { nchan in
                let logs = LogSink()
                try await ws.withSubscriber("\(nchan.base)/sub?id=\(channel)", logs: logs) {
                    try await nchan.publish(channel, events[..<10])
                    try await waitUntil(within: 60) { try ws.count() >= 10 }
                    // A failing insert stands in for a full disk.
                    try ws.database().execute("""
                        CREATE TABLE failing (on_off INTEGER);
                        INSERT INTO failing VALUES (1);
                        CREATE TRIGGER failing BEFORE INSERT ON event_log WHEN (SELECT on_off FROM failing) = 1
                        BEGIN SELECT RAISE(ABORT, 'the disk is full (test)'); END;
                        """)
                    try await nchan.publish(channel, events[10...])
                    try await waitUntil(within: 60) { logs.lines.filter { $0.contains("events not stored") }.count >= 3 }
                    #expect(try ws.count() == 10)
                    try ws.database().execute("UPDATE failing SET on_off = 0")
                    try await waitUntil(within: 60, why: logs.lines.last ?? "") { try ws.count() >= events.count }
                }
                #expect(try ws.payloads() == events)
                #expect(logs.lines.contains { $0.hasPrefix("error subscription events not stored; retrying") && $0.contains("the disk is full (test)") })
                #expect(logs.lines.contains { $0.hasPrefix("info subscription reconnected") })
            }
        }
    }

    /// nchan's publisher location answers a GET with the channel's statistics, without a cursor:
    /// storing that would store it again and again.
    @Test func anAnswerThatDoesNotMoveTheCursorIsNotStored() async throws {
        try await Workspace.with { ws in
            try await Nchan.with(in: ws.dir) { nchan in
                try await nchan.publish(channel, ["sessionid=a&event=ringing"])
                let logs = LogSink()
                try await ws.withSubscriber("\(nchan.base)/pub?id=\(channel)", logs: logs) {
                    try await waitUntil(within: 60) { logs.lines.filter { $0.contains("name no later message") }.count >= 2 }
                }
                #expect(try ws.count() == 0)
                #expect(try ws.storedCursor().rows == 0)
            }
        }
    }

    /// An unexpected answer stores nothing; the requests are repeated ever more slowly, up to the cap.
    @Test func anUnexpectedStatusBacksOffUpToTheCap() async throws {
        try await Workspace.with { ws in
            try await Nchan.with(in: ws.dir) { nchan in
                let logs = LogSink()
                try await ws.withSubscriber("\(nchan.base)/nowhere?id=\(channel)", logs: logs) {
                    // 2.75 s of backoff; the rest is slack for a loaded machine.
                    try await waitUntil(within: 60) { logs.lines.filter { $0.contains("status 404") }.count >= 5 }
                }
                let failures = logs.lines.filter { $0.contains("status 404") }.prefix(5)
                #expect(zip(failures, ["0.25", "0.5", "1.0", "1.0", "1.0"]).allSatisfy { $0.contains("delay=\($1) seconds") })
                #expect(try ws.count() == 0)
                #expect(try ws.storedCursor().rows == 0)
            }
        }
    }
}
