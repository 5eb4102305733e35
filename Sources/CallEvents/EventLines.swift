/// Splits a file's or an HTTP body's bytes into event lines.
public enum EventLines {
    /// Calls `body` for each line that ends in LF, without the LF and a CR before it, skipping
    /// blank lines; returns the offset just after the last LF, where an unfinished line starts.
    public static func forEachCompleteLine(
        in buffer: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws -> Void
    ) rethrows -> Int {
        var lineStart = 0
        while true {
            let lineFeed = Bytes.firstIndex(of: UInt8(ascii: "\n"), in: buffer, from: lineStart, to: buffer.count)
            guard lineFeed < buffer.count else { break }
            var lineEnd = lineFeed
            if lineEnd > lineStart, buffer[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
            let line = UnsafeRawBufferPointer(rebasing: buffer[lineStart..<lineEnd])
            if !isBlank(line) { try body(line) }
            lineStart = lineFeed + 1
        }
        return lineStart
    }

    /// The last line of a body or file that has no LF after it, without a trailing CR; nil when blank.
    public static func unterminatedLine(in rest: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer? {
        let line = rest.last == UInt8(ascii: "\r") ? UnsafeRawBufferPointer(rebasing: rest.dropLast()) : rest
        return isBlank(line) ? nil : line
    }

    /// True when the line holds only spaces, tabs and CRs (or nothing) after a leading UTF-8 byte
    /// order mark, which the parser skips too: a line with just a mark has no event to store.
    public static func isBlank(_ line: UnsafeRawBufferPointer) -> Bool {
        let start = line.count >= 3 && line[0] == 0xEF && line[1] == 0xBB && line[2] == 0xBF ? 3 : 0
        return line[start...].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
    }
}
