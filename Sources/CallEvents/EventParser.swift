/// Parses one event in any of the three wire formats of SPEC 1.1.
public enum EventParser {
    /// `line` is one event without its LF; a trailing CR, surrounding spaces and tabs and a
    /// leading UTF-8 byte order mark are ignored.
    public static func parse(_ line: UnsafeRawBufferPointer) -> Result<ParsedEvent, EventParseError> {
        var start = 0
        if line.count >= 3, line[0] == 0xEF, line[1] == 0xBB, line[2] == 0xBF { start = 3 }
        let span = Bytes.trimmed(line, start..<line.count, alsoLineEnds: true)
        guard !span.isEmpty else { return .failure(.emptyLine) }
        var event = ParsedEvent()
        if line[span.lowerBound] == UInt8(ascii: "{") {
            do throws(EventParseError) {
                try JSONFormat.read(line, span, into: &event)
            } catch {
                return .failure(error)
            }
        } else {
            let pairs = wrappedContent(line, span) ?? span
            guard KeyValueFormat.read(line, pairs, into: &event) else { return .failure(.noPairs) }
        }
        guard !event.event.isEmpty else { return .failure(.missingEvent) }
        event.dedupeKey = event.computedDedupeKey()
        return .success(consume event)
    }

    public static func parse(_ line: [UInt8]) -> Result<ParsedEvent, EventParseError> {
        line.withUnsafeBytes { parse($0) }
    }

    public static func parse(_ line: String) -> Result<ParsedEvent, EventParseError> {
        var line = line
        return line.withUTF8 { parse(UnsafeRawBufferPointer($0)) }
    }

    /// The text between the quotes of `message="...";` or `message= "..."`, the form the vendor's
    /// page shows; nil when the line does not have that shape.
    private static func wrappedContent(_ line: UnsafeRawBufferPointer, _ span: Range<Int>) -> Range<Int>? {
        let prefix: StaticString = "message"
        var index = span.lowerBound + prefix.utf8CodeUnitCount
        guard index < span.upperBound,
              ASCIICase.equalsLowercased(UnsafeRawBufferPointer(rebasing: line[span.lowerBound..<index]), prefix)
        else { return nil }
        index = Bytes.skipSpaces(line, from: index, to: span.upperBound)
        guard index < span.upperBound, line[index] == UInt8(ascii: "=") else { return nil }
        index = Bytes.skipSpaces(line, from: index + 1, to: span.upperBound)
        guard index < span.upperBound, line[index] == UInt8(ascii: "\"") else { return nil }
        let open = index
        var close = span.upperBound - 1
        if line[close] == UInt8(ascii: ";") {
            close = Bytes.trimmed(line, open..<close).upperBound - 1
        }
        guard close > open, line[close] == UInt8(ascii: "\"") else { return nil }
        return open + 1..<close
    }
}
