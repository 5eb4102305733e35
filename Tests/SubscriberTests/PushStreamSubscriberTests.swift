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
                let polledBefore = try await server.longPolls().count

                try await server.publish(channel, events[3...])
                try await ws.withSubscriber(server.url(channel: channel)) {
                    try await waitUntil(within: 60) { try ws.count() >= events.count }
                }
                // The restart asked from the stored cursor and got both new messages from the buffer; a
                // poll the stopped subscriber left open may have been answered too, to nobody.
                let since = Array(try await server.longPolls().dropFirst(polledBefore))
                #expect(since.contains { $0.ifModifiedSince == stored.lastModified && $0.ifNoneMatch == stored.etag && $0.status == 200 && $0.messages == 2 },
                        "polls since the restart: \(since)")
                #expect(try ws.payloads() == events)
            }
        }
    }
}
