/// `key=value&key=value&...`, the vendor's format (SPEC 1.1 item 1).
enum KeyValueFormat {
    /// Returns false when no piece has a key and an `=`: the text is not a key/value structure.
    static func read(_ line: UnsafeRawBufferPointer, _ span: Range<Int>, into event: inout ParsedEvent) -> Bool {
        var sawPair = false
        var pieceStart = span.lowerBound
        while pieceStart < span.upperBound {
            let pieceEnd = Bytes.firstIndex(of: UInt8(ascii: "&"), in: line, from: pieceStart, to: span.upperBound)
            defer { pieceStart = pieceEnd + 1 }
            let equals = Bytes.firstIndex(of: UInt8(ascii: "="), in: line, from: pieceStart, to: pieceEnd)
            let key = Bytes.trimmed(line, pieceStart..<equals)
            guard equals < pieceEnd, !key.isEmpty else { continue }
            sawPair = true
            let value = Bytes.trimmed(line, equals + 1..<pieceEnd)
            guard !value.isEmpty else { continue }
            let raw = UnsafeRawBufferPointer(rebasing: line[value])
            let hasPercent = Bytes.firstIndex(of: UInt8(ascii: "%"), in: line, from: value.lowerBound, to: value.upperBound)
                < value.upperBound
            event.assign(
                key: UnsafeRawBufferPointer(rebasing: line[key]),
                value: hasPercent ? percentDecoded(raw) : String(decoding: raw, as: UTF8.self))
        }
        return sawPair
    }

    /// Decodes `%XX`; a malformed `%` stays as it is. When the decoded bytes are not valid UTF-8,
    /// or hold a NUL (which would cut the value short in the sqlite3 shell), the value is kept as sent.
    static func percentDecoded(_ raw: UnsafeRawBufferPointer) -> String {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            if byte == UInt8(ascii: "%"), index + 2 < raw.count,
               let high = Hex.value(raw[index + 1]), let low = Hex.value(raw[index + 2]) {
                let value = high << 4 | low
                if value == 0 { return String(decoding: raw, as: UTF8.self) }
                decoded.append(value)
                index += 3
            } else {
                decoded.append(byte)
                index += 1
            }
        }
        return String(validating: decoded, as: UTF8.self) ?? String(decoding: raw, as: UTF8.self)
    }
}
