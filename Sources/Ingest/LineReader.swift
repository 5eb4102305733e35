import CallEvents
import Glibc

/// A read buffer that hands out complete lines and keeps an unfinished one for the next read.
/// It grows only as far as the longest line (at most `maxLine`); a longer line is handed out cut
/// to `maxLine` bytes and the rest of it skipped.
struct LineReader {
    private var buffer: UnsafeMutableRawBufferPointer
    private let readBytes: Int
    private let maxLine: Int
    private var start = 0
    private var end = 0
    /// Inside a line that was already handed out cut short: its rest is skipped up to its LF.
    private var skippingRest = false

    init(capacity: Int, maxLine: Int) {
        readBytes = capacity
        self.maxLine = maxLine
        buffer = .allocate(byteCount: capacity, alignment: 8)
    }

    func deallocate() {
        buffer.deallocate()
    }

    /// Bytes read from the file and not yet handed out (an unfinished line).
    var pendingBytes: Int { skippingRest ? 0 : end - start }

    /// Whether an unfinished line that is not blank is waiting for its LF.
    var hasUnfinishedLine: Bool {
        pendingBytes > 0 && EventLines.unterminatedLine(in: UnsafeRawBufferPointer(rebasing: buffer[start..<end])) != nil
    }

    /// Forgets everything read, for a file that starts over.
    mutating func reset() {
        start = 0
        end = 0
        skippingRest = false
    }

    /// Reads more of `file` after what is still unhandled. True at the end of the file.
    mutating func fill(from file: LineFile) throws(IngestError) -> Bool {
        if start > 0 {
            let pending = end - start
            if pending > 0 { buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: pending) }
            start = 0
            end = pending
        }
        if buffer.count - end < readBytes {
            let grown = UnsafeMutableRawBufferPointer.allocate(byteCount: end + readBytes, alignment: 8)
            grown.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: end)
            buffer.deallocate()
            buffer = grown
        }
        let count = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[end..<(end + readBytes)]))
        end += count
        return count == 0
    }

    /// Hands every complete line (and at the end of the file the last, unterminated one) to `body`,
    /// with whether it was cut short. Returns how many bytes of the file are now done with.
    mutating func drainLines(
        atEnd: Bool, _ body: (UnsafeRawBufferPointer, _ cutShort: Bool) throws(IngestError) -> Void
    ) throws(IngestError) -> Int {
        let before = start
        if skippingRest { skipRestOfLongLine() }
        let pending = UnsafeRawBufferPointer(rebasing: buffer[start..<end])
        var failure: IngestError?
        let complete = EventLines.forEachCompleteLine(in: pending) { line in
            guard failure == nil else { return }
            do throws(IngestError) { try body(line, false) } catch { failure = error }
        }
        if let failure { throw failure }
        start += complete
        if atEnd, start < end {
            if let last = EventLines.unterminatedLine(in: UnsafeRawBufferPointer(rebasing: buffer[start..<end])) {
                try body(last, false)
            }
            start = end
        } else if end - start > maxLine {
            try body(UnsafeRawBufferPointer(rebasing: buffer[start..<(start + maxLine)]), true)
            start = end
            skippingRest = true
        }
        return start - before
    }

    private mutating func skipRestOfLongLine() {
        let pending = UnsafeRawBufferPointer(rebasing: buffer[start..<end])
        if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
            start += newline + 1
            skippingRest = false
        } else {
            start = end
        }
    }
}
