import CallEvents

/// What `EventParser` must do with any bytes at all (SPEC 1.1, 1.2, 1.4). `check` returns nil
/// when every invariant holds, else a description of the first one that failed.
public enum ParserChecks {
    public static func check(_ line: UnsafeRawBufferPointer) -> String? {
        let result = EventParser.parse(line)
        if let failure = sameWherever(line, result) { return failure }
        if let failure = sameWithoutPadding(line, result) { return failure }
        guard case .success(let event) = result else { return nil }
        if let failure = wellFormed(event) { return failure }
        return sameWhenRendered(event)
    }

    /// Deterministic, and blind to where the bytes sit: the parser reads a word at a time, so a
    /// copy at another alignment with other bytes after it must give the same result, error included.
    private static func sameWherever(
        _ line: UnsafeRawBufferPointer, _ result: Result<ParsedEvent, EventParseError>
    ) -> String? {
        if EventParser.parse(line) != result { return "parsing the same bytes twice gave different results" }
        let padded = [0x7B] + Array(line) + Array(#"&=%"'}\ "#.utf8)
        let moved = padded.withUnsafeBytes { EventParser.parse(UnsafeRawBufferPointer(rebasing: $0[1..<(1 + line.count)])) }
        if moved != result { return "the same bytes at another address parsed differently: \(moved) vs \(result)" }
        if EventParser.parse(Array(line)) != result { return "parse([UInt8]) differs from parse(UnsafeRawBufferPointer)" }
        if let text = String(validating: line, as: UTF8.self), EventParser.parse(text) != result {
            return "parse(String) differs from parse(UnsafeRawBufferPointer)"
        }
        return nil
    }

    /// Surrounding spaces and tabs, a trailing CR and a leading byte order mark are not part of the
    /// event. Error messages may differ (they give byte offsets), so only the outcome is compared.
    private static func sameWithoutPadding(
        _ line: UnsafeRawBufferPointer, _ result: Result<ParsedEvent, EventParseError>
    ) -> String? {
        let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
        // A second mark is content, not a mark.
        guard !line.starts(with: byteOrderMark) else { return nil }
        let variants: [(String, [UInt8])] = [
            ("spaces and a CR around it", Array(" \t".utf8) + Array(line) + Array("\t \r".utf8)),
            ("a byte order mark before it", byteOrderMark + Array(line)),
        ]
        for (what, bytes) in variants {
            let padded = EventParser.parse(bytes)
            switch (result, padded) {
            case (.success(let event), .success(let other)) where event == other: continue
            case (.failure, .failure): continue
            default: return "the line with \(what) parsed differently: \(padded) vs \(result)"
            }
        }
        return nil
    }

    /// SPEC 1.2: `event` non-empty and lower-cased, `source` upper-cased, absent values nil rather
    /// than empty, and every key that is not a known one, in any case, kept in `extra` once.
    private static func wellFormed(_ event: ParsedEvent) -> String? {
        if event.event.isEmpty { return "a parsed event has an empty 'event'" }
        if event.event.utf8.contains(where: { $0 &- UInt8(ascii: "A") < 26 }) { return "'event' is not lower-cased: \(event.event)" }
        if let source = event.source, source.utf8.contains(where: { $0 &- UInt8(ascii: "a") < 26 }) {
            return "'source' is not upper-cased: \(source)"
        }
        for (key, value) in EventRendering.knownPairs(event) where value?.isEmpty == true {
            return "known key '\(key)' holds an empty value instead of nil"
        }
        var seen = Set<String>()
        for field in event.extra {
            if field.key.isEmpty || field.value.isEmpty { return "an extra field has an empty key or value: \(field)" }
            if !seen.insert(field.key).inserted { return "extra key '\(field.key)' appears twice" }
            let folded = String(decoding: field.key.utf8.map { $0 &- UInt8(ascii: "A") < 26 ? $0 | 0x20 : $0 }, as: UTF8.self)
            if EventRendering.knownKeyNames.contains(folded) { return "known key '\(field.key)' was kept as an extra field" }
        }
        return nil
    }

    /// SPEC 1.1, 1.4: the same pairs sent as `key=value&`, wrapped as `message="...";` or as a JSON
    /// object parse to the same event, dedupe key included.
    private static func sameWhenRendered(_ event: ParsedEvent) -> String? {
        for (format, line) in EventRendering.renderings(of: event) {
            let again = EventParser.parse(line)
            guard case .success(let other) = again, other == event else {
                return "the event rendered as \(format) parsed differently.\n  rendered: \(String(decoding: line, as: UTF8.self))\n  original: \(event)\n  again: \(again)"
            }
        }
        return nil
    }
}
