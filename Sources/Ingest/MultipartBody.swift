import Foundation

/// The parts of a `multipart/mixed` body (RFC 2046), as nchan's `nchan_longpoll_multipart_response`
/// sends every buffered message at once: one part per message, a part's headers (if any) dropped.
enum MultipartBody {
    /// The boundary of a `multipart/...` Content-Type, nil for any other type.
    static func boundary(contentType: String) -> String? {
        let parameters = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let type = parameters.first, type.lowercased().hasPrefix("multipart/") else { return nil }
        for parameter in parameters.dropFirst() {
            guard let equals = parameter.firstIndex(of: "="),
                  parameter[..<equals].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else { continue }
            var value = parameter[parameter.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// Each part's body; nil when the body is not a complete multipart body with that boundary
    /// (cut short, or a different boundary), so that nothing of a damaged answer is stored.
    static func parts(of body: [UInt8], boundary: String) -> [ArraySlice<UInt8>]? {
        let delimiter = Array("--\(boundary)".utf8)
        // The first delimiter starts the body or a line; a later one follows the CRLF (or LF) that ends a part.
        guard var position = firstDelimiter(delimiter, in: body) else { return nil }
        var parts: [ArraySlice<UInt8>] = []
        while true {
            position += delimiter.count
            if body[position...].starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")]) { return parts }
            guard let afterDelimiterLine = lineEnd(in: body, from: position),
                  let start = partBodyStart(in: body, from: afterDelimiterLine),
                  let next = find([UInt8(ascii: "\n")] + delimiter, in: body, from: start) else { return nil }
            let end = next > start && body[next - 1] == UInt8(ascii: "\r") ? next - 1 : next
            parts.append(body[start..<end])
            position = next + 1
        }
    }

    private static func firstDelimiter(_ delimiter: [UInt8], in body: [UInt8]) -> Int? {
        if body.starts(with: delimiter) { return 0 }
        return find([UInt8(ascii: "\n")] + delimiter, in: body, from: 0).map { $0 + 1 }
    }

    /// Skips the part's header lines: its body starts after the first empty line.
    private static func partBodyStart(in body: [UInt8], from start: Int) -> Int? {
        var lineStart = start
        while let next = lineEnd(in: body, from: lineStart) {
            let line = body[lineStart..<next]
            if line == [UInt8(ascii: "\n")] || line == [UInt8(ascii: "\r"), UInt8(ascii: "\n")] { return next }
            lineStart = next
        }
        return nil
    }

    /// The index after the next LF at or after `start`.
    private static func lineEnd(in body: [UInt8], from start: Int) -> Int? {
        body[start...].firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 }
    }

    private static func find(_ pattern: [UInt8], in body: [UInt8], from start: Int) -> Int? {
        guard let first = pattern.first, body.count - start >= pattern.count else { return nil }
        var index = start
        while index <= body.count - pattern.count {
            guard let candidate = body[index...(body.count - pattern.count)].firstIndex(of: first) else { return nil }
            if body[candidate..<(candidate + pattern.count)].elementsEqual(pattern) { return candidate }
            index = candidate + 1
        }
        return nil
    }
}
