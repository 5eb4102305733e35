import CallStore
import Foundation

/// Reads files and standard input line by line and hands the lines to the writer, each delivery
/// with the file's position after it, so the position is committed with the events it covers.
/// Memory stays at a few read buffers plus the longest line, whatever the size of the input.
public struct FileIngester: Sendable {
    /// Lines longer than this are stored cut to this length, with a parse error that says so.
    public static let defaultMaxLineBytes = 16 << 20
    static let readBytes = 256 << 10
    /// Deliveries read ahead of the writer and not yet taken into a transaction: enough to keep it
    /// busy, few enough to bound memory.
    static let deliveriesInFlight = 8

    let writer: IngestWriter
    public let maxLineBytes: Int
    let followInterval: Duration
    let earlierCursors: StoredFileCursors
    let notify: @Sendable (FileNotice) -> Void

    /// `earlierCursors`: the file cursors stored before this run, to recognise a file read before
    /// under another name. `notify` is told what a person should know (a stored position not used).
    public init(
        writer: IngestWriter, maxLineBytes: Int = FileIngester.defaultMaxLineBytes, followInterval: Duration = .milliseconds(200),
        earlierCursors: StoredFileCursors = StoredFileCursors(), notify: @escaping @Sendable (FileNotice) -> Void
    ) {
        self.writer = writer
        self.maxLineBytes = maxLineBytes
        self.followInterval = followInterval
        self.earlierCursors = earlierCursors
        self.notify = notify
    }

    /// What reading one source did.
    public struct Report: Sendable {
        /// Lines longer than `maxLineBytes`, stored cut short: the run must not claim success.
        public var linesCutShort = 0
        /// The file ended in a line without LF, left for the next run: it may still be being written.
        public var unfinishedLastLine = false
    }

    /// Ingests `path` (nil: standard input) from where its cursor says, or from the start. With `follow`,
    /// keeps reading as the file grows, is rotated or truncated, until the task is cancelled.
    public func ingest(path: String?, fromStart: Bool = false, follow: Bool = false) async throws -> Report {
        var file = try LineFile(path: path)
        let origin = path.map { "file:" + Self.absolute($0) } ?? "stdin"
        var offset: Int64 = 0
        if let path {
            if !fromStart { offset = try await startOffset(of: file, path: path, origin: origin) }
            try file.seek(to: offset)
        }

        var report = Report()
        var reader = LineReader(capacity: Self.readBytes, maxLine: maxLineBytes)
        defer { reader.deallocate() }
        var window = DeliveryWindow(writer: writer, size: Self.deliveriesInFlight)
        var head: [UInt8] = []
        var rotationSeen = false
        do {
            while true {
                let atEnd = try reader.fill(from: file)
                // A file's last line without LF may still be being written: it waits for its LF (the
                // cursor stays before it), where standard input, once ended, is over.
                let lastLineIsFinal = atEnd && path == nil
                var delivery = Delivery(origin: origin)
                offset += Int64(try reader.drainLines(atEnd: lastLineIsFinal) { line, cutShort in
                    if cutShort { report.linesCutShort += 1 }
                    delivery.append(line, cutShort: cutShort)
                })
                if path != nil {
                    head = try file.head(min(FileCursor.headBytes, Int(clamping: offset)))
                    delivery.cursor = SourceCursor(
                        origin: origin, position: FileCursor(device: file.device, inode: file.inode, offset: offset, head: head).position)
                }
                if !delivery.lines.isEmpty { try await window.send(delivery) }
                guard atEnd else { continue }
                guard follow, path != nil else {
                    report.unfinishedLastLine = reader.hasUnfinishedLine
                    break
                }
                // Caught up: a delivery that failed must be known now, not when the file next grows,
                // so the source resumes from its stored position while it waits anyway.
                try await window.drain()

                if (try? await Task.sleep(for: followInterval)) == nil || Task.isCancelled { break }
                switch try file.change(since: offset + Int64(reader.pendingBytes), head: head) {
                case .none, .grown:
                    rotationSeen = false
                case .replaced where !rotationSeen:
                    // A logger may write to the renamed file until it reopens its log: the old file
                    // must stay quiet for one more interval before it is left.
                    rotationSeen = true
                case .truncated:
                    // Rewritten from its start: what was read stays stored, the new text is read from the top.
                    offset = 0
                    reader.reset()
                    try file.seek(to: 0)
                case .replaced(let next):
                    // Rotated: the old file was read to its end; its last line is finished, the new file read from the top.
                    var tail = Delivery(origin: origin)
                    _ = try reader.drainLines(atEnd: true) { line, cutShort in tail.append(line, cutShort: cutShort) }
                    if !tail.lines.isEmpty { try await window.send(tail) }
                    reader.reset()
                    file = next
                    offset = 0
                    rotationSeen = false
                }
            }
            try await window.drain()
        } catch {
            await window.abandon()
            throw error
        }
        return report
    }

    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}

/// Deliveries on their way to the writer, at most `size` of them not yet taken into a transaction,
/// so reading runs ahead of committing without holding more than a few buffers, however large the
/// transaction grows. They are queued in reading order, so the file's position only ever moves forward.
struct DeliveryWindow {
    let writer: IngestWriter
    let size: Int
    /// Sent and not yet known to be committed, oldest first.
    private var inFlight: [PendingDelivery] = []

    init(writer: IngestWriter, size: Int) {
        self.writer = writer
        self.size = size
    }

    mutating func send(_ delivery: Delivery) async throws {
        // What is already committed is checked now, so a failure stops the reading at once.
        while let oldest = inFlight.first, oldest.isSettled {
            _ = try await inFlight.removeFirst().receipt()
        }
        if inFlight.count >= size { await inFlight[inFlight.count - size].taken() }
        inFlight.append(writer.enqueue(delivery))
    }

    /// Waits until everything sent is committed.
    mutating func drain() async throws {
        while !inFlight.isEmpty { _ = try await inFlight.removeFirst().receipt() }
    }

    /// After a failure: lets what was sent finish, whatever its outcome.
    mutating func abandon() async {
        while !inFlight.isEmpty { _ = try? await inFlight.removeFirst().receipt() }
    }
}
