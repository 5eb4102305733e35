import Ingest
import Testing

@Suite struct FileCursorTests {
    /// Written as every cursor is (sorted keys, slashes as they are) and read back.
    @Test func thePositionIsReadableJSONAndReadBack() {
        let cursor = FileCursor(device: 2049, inode: 131_074, offset: 4096, head: [0xFB, 0xFF, 0xBF])
        #expect(cursor.position == #"{"device":2049,"head":"+/+/","inode":131074,"offset":4096}"#)
        #expect(FileCursor(position: cursor.position) == cursor)
        #expect(FileCursor(position: #"{"device":2049,"inode":131074,"offset":4096,"head":"+/+/"}"#) == cursor)
        #expect(FileCursor(position: #"{"etag":"0","lastModified":"Thu, 01 Jan 1970 00:00:00 GMT"}"#) == nil)
    }
}
