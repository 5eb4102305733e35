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
        StoredFileCursors(entries: try store.cursorPositions(originPrefix: "file:").compactMap { stored in
            FileCursor(position: stored.position).map { Entry(origin: stored.origin, cursor: $0) }
        })
    }
}
