/// Splits a file's or an HTTP body's bytes into event lines.
public enum EventLines {
    /// Calls `body` for each line that ends in LF, without the LF and a CR before it, skipping
    /// blank lines; returns the offset just after the last LF, where an unfinished line starts.
    public static func forEachCompleteLine(
        in buffer: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws -> Void
    ) rethrows -> Int {
        var lineStart = 0
        var index = 0
        while index < buffer.count {
            if buffer[index] == UInt8(ascii: "\n") {
                var lineEnd = index
                if lineEnd > lineStart, buffer[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
                let line = UnsafeRawBufferPointer(rebasing: buffer[lineStart..<lineEnd])
                if !isBlank(line) { try body(line) }
                lineStart = index + 1
            }
            index += 1
        }
        return lineStart
    }

    /// True when the line holds only spaces, tabs and CRs (or nothing).
    public static func isBlank(_ line: UnsafeRawBufferPointer) -> Bool {
        line.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
    }
}
