import Foundation

/// How a source's cursor is kept in `ingest_cursors.position`: JSON, keys sorted, slashes as they
/// are (base64 and dates hold them), so a person reads it in the sqlite3 shell. The one encoding
/// of every cursor.
enum CursorJSON {
    static func position(of cursor: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding strings and integers cannot fail.
        return String(decoding: (try? encoder.encode(cursor)) ?? Data(), as: UTF8.self)
    }

    /// Nil when `position` is not such a cursor (another source's, or damaged).
    static func cursor<Cursor: Decodable>(_ type: Cursor.Type, from position: String) -> Cursor? {
        try? JSONDecoder().decode(type, from: Data(position.utf8))
    }
}
