extension Optional where Wrapped == String {
    /// The value with surrounding whitespace removed, or nil when nothing is left: asterCC sends
    /// `channel= ` and `didnumber=` for "no value", and an empty field must never win a
    /// "first non-empty" rule or become a party's identity.
    var present: String? {
        guard let text = self, let first = text.utf8.first, let last = text.utf8.last else { return nil }
        // The common case, already trimmed by the parser: no copy, no Unicode property look-ups.
        if isPlainASCII(first), isPlainASCII(last) { return text }
        let trimmed = text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()
        return trimmed.isEmpty ? nil : String(trimmed)
    }
}

/// An ASCII byte that is not whitespace.
private func isPlainASCII(_ byte: UInt8) -> Bool {
    byte > 0x20 && byte < 0x7F
}
