import Foundation
import Testing

/// The live view's paths on `ingest --listen`: `/api/now` answers what `astercdr now` prints, the
/// token guards it and `/metrics`, and no method on a reserved path ever stores an event.
@Suite(.serialized) struct LiveViewEndToEndTests {
    @Test func apiNowAnswersTheJSONOfNowAtTheSameMoment() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("cdr.db").path
            let receiver = try await RunningReceiver(db: db)
            #expect(try await receiver.post("/", AgentShift.lines.joined(separator: "\n")).status == .ok)
            for moment in ["2026-11-02 09:02:00", "2026-11-02 09:20:00"] {
                let now = try await astercdr(["now", "--at", moment, "--format", "json", "--db", db])
                #expect(now.status == 0, "\(now.stderr)")
                let encoded = moment.replacingOccurrences(of: " ", with: "%20")
                let answer = try await receiver.get("/api/now?at=\(encoded)")
                #expect(answer.status == .ok)
                #expect(answer.body == now.stdout)
                // As a form writes it.
                #expect(try await receiver.get("/api/now?at=\(moment.replacingOccurrences(of: " ", with: "+"))").body == now.stdout)
            }
            let present = try await receiver.get("/api/now")
            let object = try JSONSerialization.jsonObject(with: Data(present.body.utf8)) as? [String: Any]
            #expect(present.status == .ok && object?["today"] != nil, "\(present.body)")

            for bad in ["09:20", "", "2026-13-02%2009:20:00"] {
                let refused = try await receiver.get("/api/now?at=\(bad)")
                #expect(refused.status == .badRequest, "at=\(bad)")
                #expect(refused.body.contains("is not a time: use at=YYYY-MM-DD HH:MM:SS in the database's zone"), "\(refused.body)")
            }
            #expect(try await receiver.stop().status == 0)
        }
    }

    @Test func theTokenGuardsTheLiveViewAndReservedPathsStoreNothing() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("cdr.db").path
            let receiver = try await RunningReceiver(db: db, extra: ["--token", "s3cret"])
            for path in ["/metrics", "/api/now"] {
                #expect(try await receiver.get(path).status == .unauthorized, "\(path)")
                #expect(try await receiver.get(path, token: "guess").status == .unauthorized, "\(path)")
                #expect(try await receiver.get(path, token: "s3cret").status == .ok, "\(path)")
            }
            #expect(try await receiver.get("/healthz").status == .ok)

            let event = "agentno=8001&event=login&AgentGroupId=100&eventTime=2026-11-02 08:00:00"
            let refusals: [(String, UInt)] = [("/metrics", 405), ("/api/now", 405), ("/api/x", 404), ("/api", 404), ("/healthz", 405), ("/wallboard", 404), ("/metrics/x", 404)]
            for (path, status) in refusals {
                #expect(try await receiver.post(path, event, token: "s3cret").status.code == status, "POST \(path)")
                #expect(try await receiver.post(path, event).status.code == (path == "/healthz" ? 405 : 401), "POST \(path) without the token")
            }
            #expect(try await receiver.get("/api/x?\(event)", token: "s3cret").status == .notFound)
            #expect(try query(db, "SELECT count(*) FROM raw_events") == [["0"]])
            // Any other path is the receiver's, as before.
            #expect(try await receiver.post("/api-not/x", event, token: "s3cret").status == .ok)
            #expect(try query(db, "SELECT count(*) FROM raw_events") == [["1"]])
            #expect(try await receiver.stop().status == 0)
        }
    }
}
