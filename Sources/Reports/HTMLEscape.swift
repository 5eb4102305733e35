/// Text made safe for an HTML page that must also parse as XML: every value a page shows (a
/// customer number, a team id) is text, never markup.
enum HTMLEscape {
    /// Escapes the five characters with a meaning in markup, in an element or in a quoted attribute
    /// alike. A character XML 1.0 forbids even as a reference (a control character, U+FFFE, U+FFFF)
    /// becomes U+FFFD, so that a stray byte in a value cannot make the page unreadable to a parser.
    static func text(_ text: String) -> String {
        var escaped = ""
        escaped.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                escaped.unicodeScalars.append("\u{FFFD}")
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
