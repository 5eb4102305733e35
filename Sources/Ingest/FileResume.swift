extension FileIngester {
    /// Where to start reading `file`, named `path`: after what its own cursor or, for the same file
    /// (device and inode) read under another name, another file cursor says was stored, whichever is
    /// further; from the start when none of them belongs to this file. Says so when that is not the
    /// plain resume from its own cursor.
    func startOffset(of file: LineFile, path: String, origin: String) async throws -> Int64 {
        var offset: Int64 = 0
        var ownMismatch: FileCursor.Mismatch?
        if let position = try await writer.cursorPosition(for: origin), let own = FileCursor(position: position) {
            ownMismatch = try Self.mismatch(of: own, with: file)
            if ownMismatch == nil { offset = own.offset }
        }
        var sameFile: StoredFileCursors.Entry?
        for entry in earlierCursors.entries
        where entry.origin != origin && entry.cursor.device == file.device && entry.cursor.inode == file.inode && entry.cursor.offset > offset {
            if try Self.mismatch(of: entry.cursor, with: file) == nil {
                offset = entry.cursor.offset
                sameFile = entry
            }
        }
        if let sameFile {
            notify(.readUnderAnotherName(path: path, storedOrigin: sameFile.origin, offset: offset))
        } else if let ownMismatch {
            notify(.storedPositionNotThisFile(path: path, ownMismatch))
        }
        return offset
    }

    private static func mismatch(of cursor: FileCursor, with file: LineFile) throws(IngestError) -> FileCursor.Mismatch? {
        let head = try file.head(min(FileCursor.headBytes, Int(clamping: cursor.offset)))
        return cursor.mismatch(device: file.device, inode: file.inode, size: file.size, head: head)
    }
}
