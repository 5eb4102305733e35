/// The text without surrounding whitespace, or nil when nothing is left: asterCC sends blank
/// fields for "no value", so a blank `eventid` must not count as one (a session's order reads
/// eventids the same way) and a blank `AgentGroupId` is no group.
func present(_ text: String?) -> String? {
    guard let text, let first = text.utf8.first, let last = text.utf8.last else { return nil }
    // The parser trims already: most values start and end with a visible ASCII byte, and are
    // returned as they are without looking at Unicode's whitespace.
    if first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return text }
    let trimmed = text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()
    return trimmed.isEmpty ? nil : String(trimmed)
}
