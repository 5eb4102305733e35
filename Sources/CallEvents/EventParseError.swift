/// Why a line is not an event; `description` is the message, ready for `raw_events.parse_error`.
public struct EventParseError: Error, Equatable, CustomStringConvertible {
    public var message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }

    static let emptyLine = EventParseError(message: "not an event: empty line")
    static let noPairs = EventParseError(
        message: "not an event: expected key=value pairs, message=\"...\" or a JSON object")
    static let missingEvent = EventParseError(message: "missing 'event'")
}
