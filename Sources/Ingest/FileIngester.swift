import CallEvents
import CallStore
import Foundation

/// Reads files and standard input line by line into the writer, one transaction per batch,
/// each file's position committed with the events it covers. Memory stays at one read buffer
/// plus the longest line, whatever the size of the input.
public final class FileIngester {
    /// Lines longer than this are stored cut to this length, with a parse error that says so.
    public static let defaultMaxLineBytes = 16 << 20
    static let readBytes = 256 << 10

    let writer: EventWriter
    let store: CallStore
    let batchEvents: Int
    let batchInterval: Duration
    public let maxLineBytes: Int
    /// Lines that were longer than `maxLineBytes`: stored cut short, so the run must not claim success.
    public private(set) var truncatedLines = 0

    public init(
        writer: EventWriter, store: CallStore, batchEvents: Int = 4096, batchInterval: Duration = .milliseconds(100),
        maxLineBytes: Int = FileIngester.defaultMaxLineBytes
    ) {
        self.maxLineBytes = maxLineBytes
        self.writer = writer
        self.store = store
        self.batchEvents = batchEvents
        self.batchInterval = batchInterval
    }

    /// Ingests `path` (nil: standard input) from where its cursor says, or from the start.
    public func ingest(path: String?, fromStart: Bool = false) throws(IngestError) {
        let file = try LineFile(path: path)
        let origin = path.map { "file:" + Self.absolute($0) } ?? "stdin"
        let resumable = path != nil
        var offset: Int64 = 0
        if resumable, !fromStart {
            let stored = try wrap { () throws(StoreError) in try store.cursorPosition(for: origin) }
            if let cursor = stored.flatMap(FileCursor.init(position:)) {
                let head = try file.head(min(FileCursor.headBytes, Int(clamping: cursor.offset)))
                offset = cursor.resumeOffset(device: file.device, inode: file.inode, size: file.size, head: head)
            }
            try file.seek(to: offset)
        } else if resumable {
            try file.seek(to: 0)
        }

        var reader = LineReader(capacity: Self.readBytes, maxLine: maxLineBytes)
        defer { reader.deallocate() }
        var linesInBatch = 0
        var batchStarted = ContinuousClock.now
        var inBatch = false

        func commit() throws(IngestError) {
            guard inBatch else { return }
            let head = resumable ? try file.head(min(FileCursor.headBytes, Int(clamping: offset))) : []
            try wrap { () throws(StoreError) in
                if resumable {
                    let cursor = FileCursor(device: file.device, inode: file.inode, offset: offset, head: head)
                    try writer.saveCursor(origin: origin, position: cursor.position, now: .now())
                }
                try writer.commit()
            }
            inBatch = false
        }

        do {
            while true {
                let received = Received.now()
                let atEnd = try reader.fill(from: file)
                if !inBatch {
                    try wrap { () throws(StoreError) in try writer.begin() }
                    inBatch = true
                    batchStarted = .now
                    linesInBatch = 0
                }
                let consumed = try reader.drainLines(atEnd: atEnd) { line, cutShort throws(IngestError) in
                    if cutShort { truncatedLines += 1 }
                    try wrap { () throws(StoreError) in
                        try writer.record(line, origin: origin, received: received, cutShort: cutShort)
                    }
                    linesInBatch += 1
                }
                offset += Int64(consumed)
                if atEnd { break }
                if linesInBatch >= batchEvents || ContinuousClock.now - batchStarted >= batchInterval {
                    try commit()
                }
            }
            try commit()
        } catch {
            writer.rollback()
            throw error
        }
    }

    private func wrap<T>(_ body: () throws(StoreError) -> T) throws(IngestError) -> T {
        do {
            return try body()
        } catch {
            throw .store(error)
        }
    }

    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
