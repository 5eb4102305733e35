import Foundation
import Synchronization
import Testing

@Suite(.serialized) struct ReceiverTests {
    @Test func postsAndGetsAreStoredAndAnsweredAfterTheCommit() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("cdr.db").path
            let receiver = try await RunningReceiver(db: db, extra: ["--token", "s3cret", "--max-body", "4K"])

            let flows = try String(contentsOf: repositoryRoot.appendingPathComponent("samples/vendor-flows.txt"), encoding: .utf8)
            let posted = try await receiver.post("/agentindesks/pushagent?channel=abc", flows.replacingOccurrences(of: "\n", with: "\r\n"), token: "s3cret")
            #expect(posted.status == .ok)
            #expect(posted.body == #"{"received":13,"parsed":13,"rejected":0}"# + "\n")
            // The row is there as soon as the answer is: the answer came after the commit.
            #expect(try query(db, "SELECT count(*) FROM calls") == [["2"]])

            let got = try await receiver.get("/?event=login&agentno=8001&eventTime=2026-11-25%2008:00:00", token: "s3cret")
            #expect(got.body == #"{"received":1,"parsed":1,"rejected":0}"# + "\n")
            let garbage = try await receiver.post("/any/path", "hello\n\nworld", token: "s3cret")
            #expect(garbage.body == #"{"received":2,"parsed":0,"rejected":2}"# + "\n")

            let noToken = try await receiver.post("/", "event=login&agentno=1")
            #expect(noToken.status == .unauthorized)
            let wrongToken = try await receiver.post("/", "event=login&agentno=1", token: "guess")
            #expect(wrongToken.status == .unauthorized)
            let tooLarge = try await receiver.post("/", String(repeating: "event=login&agentno=1\n", count: 200), token: "s3cret")
            #expect(tooLarge.status.code == 413)

            let health = try await receiver.get("/healthz")
            // The release /healthz reports is the one `astercdr --version` prints.
            let versionRun = try await astercdr(["--version"])
            let version = versionRun.stdout.trimmingCharacters(in: .newlines)
            #expect(versionRun.status == 0 && version.split(separator: ".").count == 3 && version.allSatisfy { $0.isNumber || $0 == "." })
            #expect(health.body == #"{"status":"ok","version":"\#(version)","received":16,"parsed":14,"rejected":2,"duplicates":0,"calls_assembled":2}"# + "\n")
            let stopped = try await receiver.stop()
            #expect(stopped.status == 0)
            #expect(stopped.stderr.hasSuffix("astercdr: 16 events: 14 parsed, 2 rejected, 0 duplicates; 2 calls assembled\n"))
            #expect(try query(db, "SELECT origin, count(*) FROM raw_events GROUP BY origin") == [["http", "16"]])
            #expect(try query(db, "SELECT payload FROM raw_events WHERE id = 14") == [["event=login&agentno=8001&eventTime=2026-11-25%2008:00:00"]])
        }
    }

    /// 50 clients at once, 2,000 events each: every event stored exactly once.
    @Test func fiftyConcurrentClientsLoseNothingAndDuplicateNothing() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("cdr.db").path
            let receiver = try await RunningReceiver(db: db)
            let clients = 50, perClient = 2_000, perRequest = 20
            let statuses = try await withThrowingTaskGroup(of: [UInt].self) { group in
                for client in 0..<clients {
                    group.addTask {
                        var statuses: [UInt] = []
                        for request in 0..<(perClient / perRequest) {
                            let body = (0..<perRequest).map { n in
                                "sessionid=c\(client)r\(request)&source=AGENT&event=ringing&uniqueid=\(n)&eventTime=2026-11-25 09:00:00"
                            }.joined(separator: "\n")
                            statuses.append(try await receiver.post("/", body).status.code)
                        }
                        return statuses
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(statuses.count == clients * perClient / perRequest)
            #expect(statuses.allSatisfy { $0 == 200 })
            let stopped = try await receiver.stop()
            #expect(stopped.status == 0)
            #expect(try query(db, "SELECT count(*), count(DISTINCT payload) FROM raw_events") == [["100000", "100000"]])
            #expect(try query(db, "SELECT count(*) FROM events WHERE duplicate_of IS NOT NULL") == [["0"]])
        }
    }

    /// SIGTERM while clients are posting: everything that got a 200 is stored, and the ingester exits 0 promptly.
    @Test func sigtermUnderLoadKeepsEverythingAcknowledged() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("cdr.db").path
            let receiver = try await RunningReceiver(db: db)
            let answered = Answered()
            let acknowledged = try await withThrowingTaskGroup(of: [String].self) { group in
                for client in 0..<10 {
                    group.addTask {
                        var acknowledged: [String] = []
                        for request in 0..<2_000 {
                            let line = "sessionid=t\(client)&source=AGENT&event=ringing&uniqueid=\(request)&eventTime=2026-11-25 09:00:00"
                            guard let answer = try? await receiver.post("/", line) else { break }
                            if answer.status == .ok { acknowledged.append(line) }
                            answered.add()
                        }
                        return acknowledged
                    }
                }
                // After a number of answers, not a time: on any machine the clients are mid-way then.
                group.addTask {
                    while answered.count < 1_000 { try await Task.sleep(for: .milliseconds(5)) }
                    let stopped = try await receiver.stop()
                    #expect(stopped.status == 0)
                    #expect(stopped.seconds < 8)
                    return []
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(answered.count < 20_000, "every request was answered before the SIGTERM")
            #expect(acknowledged.count > 0)
            let stored = Set(try query(db, "SELECT payload FROM raw_events").compactMap { $0[0] })
            #expect(Set(acknowledged).isSubset(of: stored))
            #expect(try query(db, "SELECT count(*) - count(DISTINCT payload) FROM raw_events") == [["0"]])
        }
    }
}

/// Requests answered so far, counted by every client.
final class Answered: Sendable {
    private let answers = Mutex(0)
    func add() { answers.withLock { $0 += 1 } }
    var count: Int { answers.withLock { $0 } }
}
