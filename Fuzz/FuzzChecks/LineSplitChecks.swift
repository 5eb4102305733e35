import CallEvents

/// What `EventLines` must do with any body (SPEC 1.1: one event per line, LF or CRLF, blank lines
/// are not events), checked against a plain byte-by-byte splitter.
public enum LineSplitChecks {
    public static func check(_ body: UnsafeRawBufferPointer) -> String? {
        let expected = referenceSplit(body)
        var complete: [Range<Int>] = []
        let rest = EventLines.forEachCompleteLine(in: body) { complete.append(BodyLines.range(of: $0, in: body)) }
        if rest != expected.rest { return "the unfinished line starts at \(rest), expected \(expected.rest)" }
        if complete != expected.complete { return "complete lines \(complete), expected \(expected.complete)" }
        let last = EventLines.unterminatedLine(in: UnsafeRawBufferPointer(rebasing: body[rest...]))
            .map { BodyLines.range(of: $0, in: body) }
        if last != expected.last { return "the unterminated line is \(String(describing: last)), expected \(String(describing: expected.last))" }
        // A line handed out is stored as an event, so the parser must not find it empty either.
        for line in complete + (last.map { [$0] } ?? []) {
            if case .failure(let error) = EventParser.parse(UnsafeRawBufferPointer(rebasing: body[line])),
               error.message == "not an event: empty line" {
                return "line \(line) is handed out as an event, but the parser finds it empty"
            }
        }
        return nil
    }

    private static func referenceSplit(_ body: UnsafeRawBufferPointer) -> (complete: [Range<Int>], rest: Int, last: Range<Int>?) {
        // Blank: only spaces, tabs and CRs after a byte order mark, which the parser skips (README).
        func line(_ start: Int, _ end: Int) -> Range<Int>? {
            let end = end > start && body[end - 1] == UInt8(ascii: "\r") ? end - 1 : end
            let text = body[start..<end].starts(with: [0xEF, 0xBB, 0xBF]) ? body[(start + 3)..<end] : body[start..<end]
            let blank = text.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
            return blank ? nil : start..<end
        }
        var complete: [Range<Int>] = []
        var start = 0
        for index in body.indices where body[index] == UInt8(ascii: "\n") {
            if let line = line(start, index) { complete.append(line) }
            start = index + 1
        }
        return (complete, start, line(start, body.count))
    }
}
