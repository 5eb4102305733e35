/// A JSON object event (SPEC 1.1 item 3), with the single-quoted strings asterCC's long-poll
/// endpoint sends. Every value becomes text: strings decoded, numbers and booleans as written,
/// nested objects and arrays as their raw JSON text; `null` is absent.
struct JSONFormat {
    private let line: UnsafeRawBufferPointer
    private let end: Int
    private var position: Int

    /// Deep enough for any real event, shallow enough that recursion cannot exhaust the stack.
    private static let maximumDepth = 64

    /// `span` starts with `{`.
    static func read(_ line: UnsafeRawBufferPointer, _ span: Range<Int>, into event: inout ParsedEvent) throws(EventParseError) {
        var reader = JSONFormat(line: line, end: span.upperBound, position: span.lowerBound)
        try reader.readObject(into: &event)
        reader.skipWhitespace()
        if reader.position < reader.end {
            throw reader.failure("trailing characters after the object")
        }
    }

    /// A decoded string or scalar, as a range of the line when it needed no unescaping.
    private enum Text {
        case slice(Range<Int>)
        case decoded([UInt8])
    }

    private mutating func readObject(into event: inout ParsedEvent) throws(EventParseError) {
        position += 1
        skipWhitespace()
        if position < end, line[position] == UInt8(ascii: "}") {
            position += 1
            return
        }
        while true {
            skipWhitespace()
            let key = try readKey()
            let value = try readValue(depth: 1)
            if let value {
                withTrimmedBytes(key) { key in
                    guard !key.isEmpty else { return }
                    withTrimmedBytes(value) { value in
                        guard !value.isEmpty else { return }
                        event.assign(key: key, value: String(decoding: value, as: UTF8.self))
                    }
                }
            }
            if try endOfMembers(closing: UInt8(ascii: "}")) { return }
        }
    }

    /// Reads a quoted key and its colon, and stops at the value.
    private mutating func readKey() throws(EventParseError) -> Text {
        guard position < end, isQuote(line[position]) else {
            throw failure("expected a quoted key, found \(found)")
        }
        let key = try readString()
        skipWhitespace()
        guard position < end, line[position] == UInt8(ascii: ":") else {
            throw failure("expected ':', found \(found)")
        }
        position += 1
        skipWhitespace()
        return key
    }

    /// After a member: true at the closing bracket, false after a comma.
    private mutating func endOfMembers(closing: UInt8) throws(EventParseError) -> Bool {
        skipWhitespace()
        if position < end {
            switch line[position] {
            case UInt8(ascii: ","):
                position += 1
                return false
            case closing:
                position += 1
                return true
            default:
                break
            }
        }
        let expected = "',' or '\(Character(Unicode.Scalar(closing)))'"
        throw failure("expected \(expected), found \(found)")
    }

    /// nil for `null`.
    private mutating func readValue(depth: Int) throws(EventParseError) -> Text? {
        guard position < end else { throw failure("expected a value, found end of input") }
        let start = position
        switch line[position] {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return try readString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            try skipContainer(depth: depth)
        case UInt8(ascii: "t"):
            try readLiteral("true")
        case UInt8(ascii: "f"):
            try readLiteral("false")
        case UInt8(ascii: "n"):
            try readLiteral("null")
            return nil
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try readNumber()
        default:
            throw failure("expected a value, found \(found)")
        }
        return .slice(start..<position)
    }

    /// Nested values are kept as raw text, but still checked, so a truncated event is rejected.
    private mutating func skipContainer(depth: Int) throws(EventParseError) {
        guard depth < Self.maximumDepth else {
            throw failure("nested deeper than \(Self.maximumDepth) levels")
        }
        let isObject = line[position] == UInt8(ascii: "{")
        let closing = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
        position += 1
        skipWhitespace()
        if position < end, line[position] == closing {
            position += 1
            return
        }
        while true {
            skipWhitespace()
            if isObject { _ = try readKey() }
            _ = try readValue(depth: depth + 1)
            if try endOfMembers(closing: closing) { return }
        }
    }

    private mutating func readLiteral(_ literal: StaticString) throws(EventParseError) {
        let bytes = literal.bytes
        guard end - position >= bytes.count,
              UnsafeRawBufferPointer(rebasing: line[position..<position + bytes.count]).elementsEqual(bytes)
        else { throw failure("invalid literal") }
        position += bytes.count
    }

    /// JSON's number grammar, except that leading zeros are allowed: the number is kept as text,
    /// and a phone number sent unquoted keeps its zeros.
    private mutating func readNumber() throws(EventParseError) {
        let start = position
        func digits() -> Bool {
            let first = position
            while position < end, line[position] &- UInt8(ascii: "0") < 10 { position += 1 }
            return position > first
        }
        if line[position] == UInt8(ascii: "-") { position += 1 }
        var valid = digits()
        if valid, position < end, line[position] == UInt8(ascii: ".") {
            position += 1
            valid = digits()
        }
        if valid, position < end, line[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < end, line[position] == UInt8(ascii: "+") || line[position] == UInt8(ascii: "-") {
                position += 1
            }
            valid = digits()
        }
        guard valid else {
            position = start
            throw failure("invalid number")
        }
    }

    private mutating func readString() throws(EventParseError) -> Text {
        let quote = line[position]
        let open = position
        position += 1
        let start = position
        position = Bytes.firstIndex(of: quote, or: UInt8(ascii: "\\"), in: line, from: position, to: end)
        guard position < end else { throw failure(at: open, "unterminated string") }
        if line[position] == quote {
            position += 1
            return .slice(start..<position - 1)
        }
        var decoded = Array(line[start..<position])
        try readEscapedRest(quote: quote, open: open, into: &decoded)
        return .decoded(decoded)
    }

    private mutating func readEscapedRest(quote: UInt8, open: Int, into decoded: inout [UInt8]) throws(EventParseError) {
        while position < end {
            let byte = line[position]
            if byte == quote {
                position += 1
                return
            }
            guard byte == UInt8(ascii: "\\") else {
                decoded.append(byte)
                position += 1
                continue
            }
            guard position + 1 < end else { break }
            let escaped = line[position + 1]
            switch escaped {
            case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "\\"), UInt8(ascii: "/"):
                decoded.append(escaped)
            case UInt8(ascii: "b"): decoded.append(0x08)
            case UInt8(ascii: "f"): decoded.append(0x0C)
            case UInt8(ascii: "n"): decoded.append(0x0A)
            case UInt8(ascii: "r"): decoded.append(0x0D)
            case UInt8(ascii: "t"): decoded.append(0x09)
            case UInt8(ascii: "u"):
                UTF8.encode(try readUnicodeEscape()) { decoded.append($0) }
                continue
            default:
                let shown = (0x21...0x7E).contains(escaped) ? " '\\\(Character(Unicode.Scalar(escaped)))'" : ""
                throw failure("invalid escape\(shown)")
            }
            position += 2
        }
        throw failure(at: open, "unterminated string")
    }

    /// A lone surrogate becomes U+FFFD, as a lossy decoder would make of it.
    private mutating func readUnicodeEscape() throws(EventParseError) -> Unicode.Scalar {
        guard let high = hexQuad(at: position) else { throw failure("invalid \\u escape") }
        position += 6
        switch high {
        case 0xD800..<0xDC00:
            if let low = hexQuad(at: position), (0xDC00..<0xE000).contains(low) {
                position += 6
                return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
            }
            return "\u{FFFD}"
        case 0xDC00..<0xE000:
            return "\u{FFFD}"
        default:
            return Unicode.Scalar(high)!
        }
    }

    /// The value of `\uXXXX` at `index`, nil when there is no such escape there.
    private func hexQuad(at index: Int) -> UInt32? {
        guard end - index >= 6, line[index] == UInt8(ascii: "\\"), line[index + 1] == UInt8(ascii: "u") else {
            return nil
        }
        var value: UInt32 = 0
        for offset in 2..<6 {
            guard let digit = Hex.value(line[index + offset]) else { return nil }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private mutating func skipWhitespace() {
        while position < end {
            switch line[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"): position += 1
            default: return
            }
        }
    }

    private func isQuote(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    private func withTrimmedBytes(_ text: Text, _ body: (UnsafeRawBufferPointer) -> Void) {
        switch text {
        case .slice(let range):
            body(UnsafeRawBufferPointer(rebasing: line[Bytes.trimmed(line, range)]))
        case .decoded(let bytes):
            bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[Bytes.trimmed($0, 0..<$0.count)])) }
        }
    }

    private var found: String {
        position < end ? describe(line[position]) : "end of input"
    }

    private func describe(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte)
            ? "'\(Character(Unicode.Scalar(byte)))'"
            : "byte 0x" + String(decoding: [Hex.digit(byte >> 4), Hex.digit(byte & 0xF)], as: UTF8.self)
    }

    /// Positions count bytes from the start of the line as passed in, from 0.
    private func failure(at offset: Int? = nil, _ what: String) -> EventParseError {
        EventParseError(message: "malformed JSON at byte \(offset ?? position): \(what)")
    }
}
