import AsyncHTTPClient
import Logging
import ServiceLifecycle

/// A long-poll client of one channel of asterCC's push server (nginx push-stream,
/// `/agentindesks/agentpull/CHANNEL`) or of nchan (`/sub?id=CHANNEL`, `/sub-multi?id=CHANNEL`),
/// polling the way asterCC's page script does (SPEC 4.1).
///
/// The events of an answer are committed in one transaction with the cursor after them, and the
/// next request uses that cursor only once the commit is done: a restart, or a retry after a failed
/// commit, asks the server again for exactly what is not stored.
public struct PushSubscriber: Service {
    /// Larger answers are refused: one holds at most the messages the server buffers for a channel.
    static let maxResponseBytes = 64 << 20

    let url: String
    /// `subscribe:` and the URL with its channel hashed (see `ChannelRedaction`): the key of the
    /// subscription's `ingest_cursors` row and the `raw_events.origin` of its events.
    public let origin: String
    let redactedURL: String
    let writer: IngestWriter
    let httpClient: HTTPClient
    let logger: Logger
    let pollTimeout: Duration
    let maxBackoff: Duration

    /// `pollTimeout` bounds one request; it should exceed the server's long-poll timeout
    /// (push-stream's `push_stream_longpolling_connection_ttl`, nchan's `nchan_subscriber_timeout`),
    /// though a request cut short by it is simply made again.
    public init(url: String, writer: IngestWriter, httpClient: HTTPClient, logger: Logger,
                pollTimeout: Duration = .seconds(60), maxBackoff: Duration = .seconds(30)) {
        self.url = url
        self.redactedURL = ChannelRedaction.redact(url)
        self.origin = "subscribe:" + redactedURL
        self.writer = writer
        self.httpClient = httpClient
        self.logger = logger
        self.pollTimeout = pollTimeout
        self.maxBackoff = maxBackoff
    }

    /// Polls until the task is cancelled, a graceful shutdown begins or the writer is finished; a
    /// commit under way is completed first. Network errors, unexpected answers and failed commits
    /// are logged and retried with backoff, so it does not throw.
    public func run() async throws {
        var logger = logger
        logger[metadataKey: "url"] = "\(redactedURL)"
        logger.info("subscription started")
        await cancelWhenGracefulShutdown { [self, logger] in await subscribe(logger) }
        logger.info("subscription stopped")
    }

    private func subscribe(_ logger: Logger) async {
        var cursor: SubscriptionCursor?
        var failures = 0
        while !Task.isCancelled {
            do {
                let current: SubscriptionCursor
                if let cursor { current = cursor } else { current = try await storedCursor() }
                cursor = try await step(from: current)
                if failures > 0 {
                    logger.info("subscription reconnected", metadata: ["failures": "\(failures)"])
                    failures = 0
                }
            } catch {
                if Task.isCancelled || error is CancellationError { break }
                failures += 1
                let delay = RetryBackoff.delay(afterFailures: failures, cap: maxBackoff)
                if case SubscriptionError.notStored = error {
                    // The writer refuses this source's deliveries until it reads its stored cursor again.
                    cursor = nil
                    logger.error("subscription events not stored; retrying", metadata: ["error": "\(error)", "delay": "\(delay)"])
                } else {
                    logger.warning("subscription request failed; reconnecting", metadata: ["error": "\(error)", "delay": "\(delay)"])
                }
                guard (try? await Task.sleep(for: delay)) != nil else { break }
            }
        }
    }

    private func storedCursor() async throws -> SubscriptionCursor {
        do {
            return try await writer.cursorPosition(for: origin).flatMap(SubscriptionCursor.init(position:)) ?? .oldest
        } catch {
            throw SubscriptionError.notStored(error)
        }
    }

    /// One request and the commit of its answer; returns the cursor for the next request.
    private func step(from cursor: SubscriptionCursor) async throws -> SubscriptionCursor {
        switch try await poll(from: cursor) {
        case .unchanged:
            return cursor
        case .moved(let next):
            try await store(Delivery(origin: origin, cursor: SourceCursor(origin: origin, position: next.position)))
            return next
        case .events(let body, let next):
            try await store(Delivery(origin: origin, body: body, cursor: SourceCursor(origin: origin, position: next.position)))
            return next
        }
    }

    private func store(_ delivery: Delivery) async throws {
        do {
            _ = try await writer.deliver(delivery)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw SubscriptionError.notStored(error)
        }
    }

    private enum Answer {
        /// A 200: events, one a line, and the cursor after them.
        case events([UInt8], SubscriptionCursor)
        /// push-stream's 304 at the end of its long-poll: no message, but a cursor to adopt.
        case moved(SubscriptionCursor)
        /// nchan's 408 at the end of its long-poll, or our own deadline: ask again with the same cursor.
        case unchanged
    }

    private func poll(from cursor: SubscriptionCursor) async throws -> Answer {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "If-Modified-Since", value: cursor.lastModified)
        request.headers.add(name: "If-None-Match", value: cursor.etag)
        let response: HTTPClientResponse
        do {
            response = try await httpClient.execute(request, timeout: .nanoseconds(Int64((pollTimeout.inSeconds * 1e9).rounded())))
        } catch let error as HTTPClientError where error == .deadlineExceeded {
            return .unchanged
        }
        let next = cursor.advanced(lastModified: response.headers.first(name: "Last-Modified"), etag: response.headers.first(name: "Etag"))
        switch response.status.code {
        case 200:
            // An answer that leaves the cursor where it was would come back at once, again and again.
            guard next != cursor else { throw SubscriptionError.cursorDidNotMove(status: 200) }
            let body = Array(try await response.body.collect(upTo: Self.maxResponseBytes).readableBytesView)
            guard let boundary = response.headers.first(name: "Content-Type").flatMap(MultipartBody.boundary(contentType:)) else {
                return .events(body, next)
            }
            guard let parts = MultipartBody.parts(of: body, boundary: boundary) else { throw SubscriptionError.malformedMultipart }
            var lines: [UInt8] = []
            lines.reserveCapacity(body.count)
            for part in parts {
                lines += part
                lines.append(UInt8(ascii: "\n"))
            }
            return .events(lines, next)
        case 304:
            // push-stream's 304 ends a long-poll and names the second it ended; one naming the
            // cursor that was sent is a plain HTTP cache answer from a URL that is no long-poll.
            guard next != cursor else { throw SubscriptionError.cursorDidNotMove(status: 304) }
            return .moved(next)
        case 408:
            return .unchanged
        default:
            // Read what little there is so the connection can be reused.
            _ = try? await response.body.collect(upTo: 1 << 16)
            throw SubscriptionError.status(Int(response.status.code))
        }
    }
}

/// Why an answer was not used; the subscriber logs it and asks again after a pause.
enum SubscriptionError: Error, CustomStringConvertible {
    case status(Int)
    case cursorDidNotMove(status: Int)
    case malformedMultipart
    case notStored(any Error)

    var description: String {
        switch self {
        case .status(let code): "unexpected HTTP status \(code)"
        case .cursorDidNotMove(let status): "a \(status) answer whose Last-Modified and Etag name no later message (is this a push-stream or nchan long-poll URL?)"
        case .malformedMultipart: "a multipart answer that does not parse"
        case .notStored(let error): "not stored: \(error)"
        }
    }
}

/// ServiceLifecycle names a service by its description, and Swift's default one would show the URL
/// with its channel.
extension PushSubscriber: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String { "PushSubscriber(\(redactedURL))" }
    public var debugDescription: String { description }
}
