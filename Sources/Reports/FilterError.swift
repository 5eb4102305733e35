/// A filter value that cannot be used, worded for the person who typed it, naming the option.
public enum FilterError: Error, Equatable, CustomStringConvertible {
    case notATime(option: String, value: String)
    case notOneOf(option: String, value: String, noun: String, allowed: [String])
    case empty(option: String)

    public var description: String {
        switch self {
        case .notATime(let option, let value):
            "\(option): '\(value)' is not a date (use YYYY-MM-DD or \"YYYY-MM-DD HH:MM:SS\", a real time in the years 0001–9999)"
        case .notOneOf(let option, let value, let noun, let allowed):
            "\(option): '\(value)' is not \(noun) (use \(Self.list(allowed)))"
        case .empty(let option):
            "\(option): the value is empty"
        }
    }

    private static func list(_ words: [String]) -> String {
        words.count < 2 ? words.joined() : words.dropLast().joined(separator: ", ") + " or " + words.last!
    }
}
