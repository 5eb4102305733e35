import Ingest
import Testing

@Suite struct SubscriptionCursorTests {
    @Test func thePositionIsReadableJSONAndReadBack() {
        let cursor = SubscriptionCursor(lastModified: "Wed, 25 Nov 2026 14:27:57 GMT", etag: #"W/"7""#)
        #expect(cursor.position == #"{"etag":"W/\"7\"","lastModified":"Wed, 25 Nov 2026 14:27:57 GMT"}"#)
        #expect(SubscriptionCursor(position: cursor.position) == cursor)
        #expect(SubscriptionCursor(position: #"{"device":1}"#) == nil)
    }
}
