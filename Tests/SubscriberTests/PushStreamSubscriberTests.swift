import Foundation
import Ingest
import Testing

/// The subscriber against the push-stream stand-in (see `PushStream`), as asterCC's push server answers.
@Suite struct PushStreamSubscriberTests {
    let channel = "8001_s3cret"

    @Test func severalEventsInOneAnswerAreStoredOnce() async throws {
        let events = vendorFlowLines + (try await generatedTraffic(["--events", "100", "--seed", "10"]))
        try await Workspace.with { ws in
            try await PushStream.with(in: ws.dir, ttl: 5) { server in
                try await server.publish(channel, events[..<60])
                try await ws.withSubscriber(server.url(channel: channel)) {
                    try await waitUntil(within: 60) { try ws.count() >= 60 }
                    try await server.publish(channel, events[60...])
                    try await waitUntil(within: 60) { try ws.count() >= events.count }
                }
                #expect(try ws.payloads() == events)
                #expect(try ws.database().column("SELECT count(*) FROM calls WHERE sessionid IN ('\(vendorSessions[0])', '\(vendorSessions[1])')") == ["2"])

                let polls = try await server.longPolls()
                let first = try #require(polls.first)
                #expect(first.ifModifiedSince == SubscriptionCursor.oldest.lastModified && first.ifNoneMatch == SubscriptionCursor.oldest.etag)
                #expect(first.status == 200 && first.messages == 60)
                // Each request names the last message of the answer before it.
                for (previous, next) in zip(polls, polls.dropFirst()) where previous.status == 200 {
                    #expect(next.ifModifiedSince == previous.lastModified && next.ifNoneMatch == previous.etag)
                }
            }
        }
    }

    /// push-stream ends a long-poll with nothing to send by a 304 whose Last-Modified/Etag is a
    /// cursor to adopt: it is stored, and a new process resumes from it.
    @Test func a304sCursorIsStoredAndARestartResumesFromIt() async throws {
        let events = try await generatedTraffic(["--events", "5", "--seed", "11"])
        try await Workspace.with { ws in
            try await PushStream.with(in: ws.dir, ttl: 1) { server in
                try await server.publish(channel, events[..<3])
                try await ws.withSubscriber(server.url(channel: channel)) {
                    try await waitUntil(within: 60) { try ws.count() >= 3 && ws.storedCursor().cursor?.etag == "0" }
                }
                let stored = try #require(try ws.storedCursor().cursor)
                #expect(try await server.longPolls().contains { $0.status == 304 && $0.lastModified == stored.lastModified && $0.etag == stored.etag })
                // The stopped subscriber's last long-poll may still be open on the server: let it
                // time out (after `ttl`) and be listed first, so that the next poll listed is the restart's.
                var polls = try await server.longPolls()
                let deadline = Date().addingTimeInterval(6)
                while !polls.contains(where: { $0.ifModifiedSince == stored.lastModified && $0.ifNoneMatch == stored.etag }), Date() < deadline {
                    try await Task.sleep(for: .milliseconds(50))
                    polls = try await server.longPolls()
                }

                try await server.publish(channel, events[3...])
                try await ws.withSubscriber(server.url(channel: channel)) {
                    try await waitUntil(within: 60) { try ws.count() >= events.count }
                }
                let resumed = try #require(try await server.longPolls().dropFirst(polls.count).first)
                #expect(resumed.ifModifiedSince == stored.lastModified && resumed.ifNoneMatch == stored.etag)
                #expect(resumed.status == 200 && resumed.messages == 2)
                #expect(try ws.payloads() == events)
            }
        }
    }
}
