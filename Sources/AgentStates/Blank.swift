/// The text without surrounding whitespace, or nil when nothing is left: asterCC sends blank
/// fields for "no value", so a blank `eventid` must not count as one (a session's order reads
/// eventids the same way) and a blank `AgentGroupId` is no group.
func present(_ text: String?) -> String? {
    guard let text else { return nil }
    let trimmed = text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()
    return trimmed.isEmpty ? nil : String(trimmed)
}
