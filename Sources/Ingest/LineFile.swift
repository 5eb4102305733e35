import Glibc

/// An open file descriptor to read events from, with its identity for the cursor.
final class LineFile {
    let descriptor: Int32
    let path: String?
    let displayPath: String
    let device: UInt64
    let inode: UInt64
    let size: Int64
    private let ownsDescriptor: Bool

    /// Opens `path`, or standard input when `path` is nil.
    init(path: String?) throws(IngestError) {
        let name = path ?? "-"
        if let path {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw .cannotRead(path: name, reason: Self.lastError()) }
            descriptor = fd
            ownsDescriptor = true
        } else {
            descriptor = STDIN_FILENO
            ownsDescriptor = false
        }
        self.path = path
        displayPath = name
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let reason = Self.lastError()
            if ownsDescriptor { close(descriptor) }
            throw .cannotRead(path: name, reason: reason)
        }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            if ownsDescriptor { close(descriptor) }
            throw .cannotRead(path: name, reason: "it is a directory")
        }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        size = Int64(status.st_size)
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    func seek(to offset: Int64) throws(IngestError) {
        guard lseek(descriptor, off_t(offset), SEEK_SET) >= 0 else {
            throw .cannotRead(path: displayPath, reason: Self.lastError())
        }
    }

    enum Change {
        case none
        case grown
        /// Shorter than what was read: rewritten from its start.
        case truncated
        /// Another file now sits at the path (rotation); this one was read to its end.
        case replaced(LineFile)
    }

    /// What happened to the file, and to its path, since `readPosition` bytes of it were read,
    /// the first of them being `head`. A file rewritten to the same size or more is told by its head.
    func change(since readPosition: Int64, head: [UInt8]) throws(IngestError) -> Change {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .cannotRead(path: displayPath, reason: Self.lastError()) }
        if Int64(status.st_size) < readPosition { return .truncated }
        if try self.head(head.count) != head { return .truncated }
        if Int64(status.st_size) > readPosition { return .grown }
        // Between a rotation's rename and the new file's creation the path is missing: wait.
        guard let path, stat(path, &status) == 0 else { return .none }
        if UInt64(status.st_dev) != device || UInt64(status.st_ino) != inode {
            return .replaced(try LineFile(path: path))
        }
        return .none
    }

    /// The file's first `count` bytes (fewer when it is shorter), without moving the read position.
    func head(_ count: Int) throws(IngestError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + filled, count - filled, off_t(filled)) }
            if read == 0 { break }
            if read < 0 {
                if errno == EINTR { continue }
                throw .cannotRead(path: displayPath, reason: Self.lastError())
            }
            filled += read
        }
        return Array(bytes.prefix(filled))
    }

    /// Reads up to `buffer.count` bytes; 0 at the end of the file.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(IngestError) -> Int {
        while true {
            let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno != EINTR { throw .cannotRead(path: displayPath, reason: Self.lastError()) }
        }
    }

    static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
