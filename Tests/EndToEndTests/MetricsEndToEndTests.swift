import Foundation
import Testing

/// `GET /metrics` of a running `ingest --listen`, read by Prometheus' own parser: every counter
/// moves by exactly what was sent, and the floor's gauges read what `astercdr now` reads.
@Suite(.serialized, .enabled(if: PrometheusText.canParse, "needs Prometheus' Python parser: apt-get install python3-prometheus-client"))
struct MetricsEndToEndTests {
    static let flows = try! String(contentsOf: repositoryRoot.appendingPathComponent("samples/vendor-flows.txt"), encoding: .utf8)
    static let sources = ["file", "stdin", "http", "subscribe"]

    func scrape(_ receiver: RunningReceiver, token: String? = nil) async throws -> PrometheusText {
        let answer = try await receiver.get("/metrics", token: token)
        try #require(answer.status == .ok, "GET /metrics answered \(answer.status): \(answer.body)")
        return try await PrometheusText(parsing: answer.body)
    }

    @Test func everyCounterMovesByExactlyTheEventsRejectsDuplicatesAndCallsSent() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("cdr.db").path
            // A file read once beside the receiver, whose events count under source="file": an agent
            // who signed in a minute ago (so the floor has one available agent) and a line that is no event.
            let file = dir.appendingPathComponent("agents.log")
            try writeLines(["agentno=8001&event=login&AgentGroupId=100&eventTime=\(wallClock(-60, in: "Asia/Shanghai"))", "no event here"], to: file)
            let receiver = try await RunningReceiver(db: db, extra: [file.path])
            let fileRead = try await eventually(within: 10) { try query(db, "SELECT count(*) FROM raw_events") == [["2"]] }
            try #require(fileRead, "the file was not stored within 10 s")

            let before = try await scrape(receiver)
            #expect(before.types["astercdr_events_received"] == "counter")
            #expect(before.types["astercdr_calls_completed"] == "counter")
            #expect(before.types["astercdr_commit_duration_seconds"] == "histogram")
            for gauge in ["astercdr_write_queue_events", "astercdr_calls_waiting", "astercdr_calls_in_progress", "astercdr_agents"] {
                #expect(before.types[gauge] == "gauge", "\(gauge)")
            }
            #expect(before.value("astercdr_events_received_total", ["source": "file"]) == 2)
            #expect(before.value("astercdr_events_rejected_total", ["source": "file"]) == 1)
            #expect(before.value("astercdr_agents", ["state": "available"]) == 1)
            #expect(before.value("astercdr_agents", ["state": "talking"]) == 0)

            // 13 events and their 2 calls, 2 lines that are no events, 1 copy of an event stored before.
            let flowLines = Self.flows.split(separator: "\n")
            let posts = [Self.flows, "garbage\nmore garbage", String(flowLines[2])]
            for body in posts {
                let answer = try await receiver.post("/agentindesks/pushagent?channel=abc", body)
                #expect(answer.status == .ok, "\(answer.body)")
            }
            let after = try await scrape(receiver)

            func moved(_ name: String, _ labels: [String: String]) -> Double? {
                guard let now = after.value(name, labels), let then = before.value(name, labels) else { return nil }
                return now - then
            }
            let sent = ["astercdr_events_received_total": 16.0, "astercdr_events_rejected_total": 2, "astercdr_events_duplicate_total": 1]
            for (name, count) in sent {
                for source in Self.sources {
                    #expect(moved(name, ["source": source]) == (source == "http" ? count : 0), "\(name){source=\(source)}")
                }
            }
            let completed = try query(db, "SELECT disposition, count(*) FROM calls WHERE complete = 1 GROUP BY disposition")
            #expect(completed == [["answered", "2"]])
            for disposition in ["answered", "abandoned", "no_answer", "agent_no_answer", "failed", "unknown"] {
                let calls = Double(completed.first { $0[0] == disposition }?[1] ?? "0")
                #expect(moved("astercdr_calls_completed_total", ["disposition": disposition]) == calls, "\(disposition)")
            }
            // Each POST was answered after a commit of its own.
            let commits = moved("astercdr_commit_duration_seconds_count", [:]) ?? 0
            #expect(commits >= Double(posts.count))
            #expect(moved("astercdr_commit_duration_seconds_bucket", ["le": "+Inf"]) == commits)
            #expect(after.value("astercdr_write_queue_events") == 0)
            let stopped = try await receiver.stop()
            #expect(stopped.status == 0, "\(stopped.stderr)")
        }
    }

    /// A call assembled as stale (by `astercdr assemble` beside the ingester) is no completed call;
    /// its hangup, when it comes, completes it once, and a late event after that never again.
    @Test func aStaleCallCompletedLaterCountsOnce() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("cdr.db").path
            let receiver = try await RunningReceiver(db: db)
            let dialIn = Self.flows.split(separator: "\n").suffix(6).map(String.init)
            #expect(try await receiver.post("/", dialIn.dropLast().joined(separator: "\n")).status == .ok)
            try await Task.sleep(for: .milliseconds(1500))
            let assemble = try await astercdr(["assemble", "--stale-after", "1s", "--db", db])
            #expect(assemble.status == 0, "\(assemble.stderr)")
            #expect(try query(db, "SELECT complete FROM calls") == [["0"]])
            let before = try await scrape(receiver)

            #expect(try await receiver.post("/", dialIn.last!).status == .ok)
            let late = "sessionid=1f10eab01f5b1b36230b8e91aef34810&source=CONVERSATION&event=hangup&uniqueid=0&eventTime=2010-01-01 11:12:56"
            #expect(try await receiver.post("/", late).status == .ok)
            let after = try await scrape(receiver)
            #expect(try query(db, "SELECT complete, disposition FROM calls") == [["1", "answered"]])
            let answered = ["disposition": "answered"]
            #expect((after.value("astercdr_calls_completed_total", answered) ?? 0) - (before.value("astercdr_calls_completed_total", answered) ?? 0) == 1)
            #expect(try await receiver.stop().status == 0)
        }
    }
}
