import CallEvents
import Glibc

/// A read buffer that hands out complete lines and keeps an unfinished one for the next read.
/// It grows only as far as the longest line (at most `maxLine`); a longer line is cut to `maxLine`
/// bytes and the rest of it skipped. The cut line is handed out only once its LF is found, so the
/// bytes reported done never end inside it: a cursor taken then resumes at a line's start.
struct LineReader {
    private var buffer: UnsafeMutableRawBufferPointer
    private let readBytes: Int
    private let maxLine: Int
    private var start = 0
    private var end = 0
    /// A line over `maxLine`: its first `maxLine` bytes are kept at `start`, the rest is dropped
    /// as it is read, up to its LF; `skipped` counts the bytes dropped so far.
    private var cutLine = false
    private var skipped = 0

    init(capacity: Int, maxLine: Int) {
        readBytes = capacity
        self.maxLine = maxLine
        buffer = .allocate(byteCount: capacity, alignment: 8)
    }

    func deallocate() {
        buffer.deallocate()
    }

    /// Bytes read from the file and not yet handed out (an unfinished line, dropped bytes included).
    var pendingBytes: Int { end - start + skipped }

    /// Whether an unfinished line that is not blank is waiting for its LF.
    var hasUnfinishedLine: Bool {
        cutLine || (end > start && EventLines.unterminatedLine(in: UnsafeRawBufferPointer(rebasing: buffer[start..<end])) != nil)
    }

    /// Forgets everything read, for a file that starts over.
    mutating func reset() {
        start = 0
        end = 0
        cutLine = false
        skipped = 0
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
        var done = 0
        if cutLine {
            let rest = UnsafeRawBufferPointer(rebasing: buffer[(start + maxLine)..<end])
            if let newline = rest.firstIndex(of: UInt8(ascii: "\n")) {
                try body(UnsafeRawBufferPointer(rebasing: buffer[start..<(start + maxLine)]), true)
                start += maxLine + newline + 1
                done = skipped
                cutLine = false
                skipped = 0
            } else if atEnd {
                try body(UnsafeRawBufferPointer(rebasing: buffer[start..<(start + maxLine)]), true)
                start = end
                done = skipped
                cutLine = false
                skipped = 0
                return start - before + done
            } else {
                dropRestOfCutLine()
                return 0
            }
        }
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
            // No LF in what is left (the complete lines were taken): the line is over the limit.
            cutLine = true
            dropRestOfCutLine()
        }
        return start - before + done
    }

    /// Drops what was read of the cut line after its first `maxLine` bytes (it holds no LF).
    private mutating func dropRestOfCutLine() {
        skipped += end - (start + maxLine)
        end = start + maxLine
    }
}
