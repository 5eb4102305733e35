import CallEvents

/// Events a source received together, as one buffer, and where the source stands once they are stored.
public struct Delivery: Sendable {
    /// One event inside `bytes`; `cutShort` when the source kept only this first part of a longer line.
    public struct Line: Sendable {
        public var range: Range<Int>
        public var cutShort = false
    }

    public var origin: String
    public var bytes: [UInt8]
    public var lines: [Line]
    /// Stored in `ingest_cursors` in the same transaction as these events.
    public var cursor: SourceCursor?

    public init(origin: String, bytes: [UInt8] = [], lines: [Line] = [], cursor: SourceCursor? = nil) {
        self.origin = origin
        self.bytes = bytes
        self.lines = lines
        self.cursor = cursor
    }

    /// A body of one or more events, one per line (LF or CRLF); blank lines are not events.
    public init(origin: String, body: [UInt8], cursor: SourceCursor? = nil) {
        var lines: [Line] = []
        body.withUnsafeBytes { buffer in
            let base = buffer.baseAddress
            func range(of line: UnsafeRawBufferPointer) -> Range<Int> {
                guard let start = line.baseAddress, let base else { return 0..<0 }
                let offset = start - base
                return offset..<(offset + line.count)
            }
            let complete = EventLines.forEachCompleteLine(in: buffer) { lines.append(Line(range: range(of: $0))) }
            if let last = EventLines.unterminatedLine(in: UnsafeRawBufferPointer(rebasing: buffer[complete...])) {
                lines.append(Line(range: range(of: last)))
            }
        }
        self.init(origin: origin, bytes: body, lines: lines, cursor: cursor)
    }

    /// Adds one event, copying its bytes.
    mutating func append(_ line: UnsafeRawBufferPointer, cutShort: Bool) {
        let start = bytes.count
        bytes.append(contentsOf: line)
        lines.append(Line(range: start..<bytes.count, cutShort: cutShort))
    }
}

/// Where a resumable source stands: its `ingest_cursors` row.
public struct SourceCursor: Sendable, Equatable {
    public var origin: String
    public var position: String

    public init(origin: String, position: String) {
        self.origin = origin
        self.position = position
    }
}

/// What became of a delivery's events once committed.
public struct DeliveryReceipt: Sendable, Equatable {
    public var received = 0
    public var parsed = 0
    public var rejected = 0

    public init(received: Int = 0, parsed: Int = 0, rejected: Int = 0) {
        self.received = received
        self.parsed = parsed
        self.rejected = rejected
    }
}
