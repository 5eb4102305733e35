import CallStore

/// Every file source's cursor as stored when ingesting began. An earlier run may have read a file
/// under another path (a hard link, a symlink, the name it had before a rotation): its device and
/// inode in these cursors let the file go on from there instead of being read again.
public struct StoredFileCursors: Sendable {
    public struct Entry: Sendable, Equatable {
        public var origin: String
        public var cursor: FileCursor

        public init(origin: String, cursor: FileCursor) {
            self.origin = origin
            self.cursor = cursor
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry] = []) {
        self.entries = entries
    }

    /// Reads them from `store` on the thread that owns it, before a writer takes the store over.
    public static func read(from store: CallStore) throws(StoreError) -> StoredFileCursors {
        do {
            let select = try store.database.prepare("SELECT origin, position FROM ingest_cursors WHERE origin GLOB 'file:*' ORDER BY origin")
            var entries: [Entry] = []
            while try select.step() {
                guard let origin = select.text(at: 0), let cursor = select.text(at: 1).flatMap(FileCursor.init(position:)) else { continue }
                entries.append(Entry(origin: origin, cursor: cursor))
            }
            return StoredFileCursors(entries: entries)
        } catch {
            throw .failed(path: store.path, error)
        }
    }
}
