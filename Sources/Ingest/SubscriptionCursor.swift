import Foundation

/// Where a long-poll subscription stands: the `Last-Modified` and `Etag` of the server's last
/// answer, sent back as `If-Modified-Since` and `If-None-Match`. Both push-stream and nchan name a
/// message by its publication second and a tag that orders messages within that second, and answer
/// with the messages after the one named. Stored as JSON text in `ingest_cursors.position`.
public struct SubscriptionCursor: Equatable, Sendable, Codable {
    public var lastModified: String
    public var etag: String

    public init(lastModified: String, etag: String) {
        self.lastModified = lastModified
        self.etag = etag
    }

    /// Before every message: second zero makes push-stream send everything it stores and nchan
    /// start from the oldest message in its buffer (checked against nchan 1.3.6).
    public static let oldest = SubscriptionCursor(lastModified: "Thu, 01 Jan 1970 00:00:00 GMT", etag: "0")

    /// The cursor after an answer with these headers. nchan's 408 carries an Etag but no
    /// Last-Modified, so a missing header keeps its old value rather than resetting the pair.
    func advanced(lastModified: String?, etag: String?) -> SubscriptionCursor {
        SubscriptionCursor(lastModified: lastModified ?? self.lastModified, etag: etag ?? self.etag)
    }

    public var position: String { CursorJSON.position(of: self) }

    public init?(position: String) {
        guard let cursor = CursorJSON.cursor(SubscriptionCursor.self, from: position) else { return nil }
        self = cursor
    }
}
