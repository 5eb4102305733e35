/// Everything the parser fuzz target checks of one input: the bytes as a body of lines, and as one event.
public enum ParserTarget {
    public static func check(_ input: UnsafeRawBufferPointer) -> String? {
        LineSplitChecks.check(input) ?? ParserChecks.check(input)
    }
}
