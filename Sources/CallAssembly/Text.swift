extension Optional where Wrapped == String {
    /// The value with surrounding whitespace removed, or nil when nothing is left: asterCC sends
    /// `channel= ` and `didnumber=` for "no value", and an empty field must never win a
    /// "first non-empty" rule or become a party's identity.
    var present: String? {
        guard let text = self else { return nil }
        let trimmed = text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()
        return trimmed.isEmpty ? nil : String(trimmed)
    }
}
