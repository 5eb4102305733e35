import CallEvents

/// A body's events, split as the HTTP receiver and the push subscriber split theirs
/// (`Delivery(body:)`): every complete line, then the unterminated last one.
public enum BodyLines {
    /// Each event line as a range of `body`.
    public static func ranges(in body: UnsafeRawBufferPointer) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        let complete = EventLines.forEachCompleteLine(in: body) { lines.append(range(of: $0, in: body)) }
        if let last = EventLines.unterminatedLine(in: UnsafeRawBufferPointer(rebasing: body[complete...])) {
            lines.append(range(of: last, in: body))
        }
        return lines
    }

    /// Where `line`, a part of `body` the splitter handed out, lies in it.
    static func range(of line: UnsafeRawBufferPointer, in body: UnsafeRawBufferPointer) -> Range<Int> {
        guard let start = line.baseAddress, let base = body.baseAddress else { return 0..<0 }
        let offset = start - base
        return offset..<(offset + line.count)
    }
}
