import Foundation

/// How far a file was read: which file and the byte offset after the last committed line.
/// Stored as JSON text in `ingest_cursors.position`, readable in the sqlite3 shell.
///
/// A file is known by device and inode and by its first bytes (`head`, base64): inode numbers are
/// reused as soon as a file is deleted, so a new log at the same path can have the old one's inode.
public struct FileCursor: Equatable, Sendable, Codable {
    /// How many of a file's first bytes identify it.
    public static let headBytes = 64

    public var device: UInt64
    public var inode: UInt64
    public var offset: Int64
    public var head: String

    public init(device: UInt64, inode: UInt64, offset: Int64, head: [UInt8]) {
        self.device = device
        self.inode = inode
        self.offset = offset
        self.head = Data(head).base64EncodedString()
    }

    public var position: String { CursorJSON.position(of: self) }

    public init?(position: String) {
        guard let cursor = CursorJSON.cursor(FileCursor.self, from: position) else { return nil }
        self = cursor
    }

    /// Why this cursor does not belong to the file now `device`/`inode` of `size` bytes starting with
    /// `head` (its first `min(headBytes, offset)` bytes); nil when it does, and reading resumes at `offset`.
    public func mismatch(device: UInt64, inode: UInt64, size: Int64, head: [UInt8]) -> Mismatch? {
        if device != self.device || inode != self.inode { return .anotherFile }
        if size < offset { return .truncated(size: size) }
        if Data(head).base64EncodedString() != self.head { return .rewritten }
        return nil
    }

    /// How a file differs from the one a cursor was taken from.
    public enum Mismatch: Sendable, Equatable {
        /// Another device or inode: a new file at the path (a rotation, a copy).
        case anotherFile
        /// The same file, now shorter than the cursor's offset.
        case truncated(size: Int64)
        /// The same file, its first bytes changed.
        case rewritten
    }
}
