/// Why an option's value was refused. ArgumentParser prints it after the value and the option:
/// `The value '127.0.0.1:99999' is invalid for '--listen <host:port>': the port must be 1–65535`.
struct OptionValueError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// A whole number within `range`, for the integer options. Read with `.unconditional` parsing, so
/// that `--limit -5` reaches this check (and is refused with the range) instead of being taken
/// for an option name and reported as a missing value.
func wholeNumber(_ text: String, in range: ClosedRange<Int>, _ note: String = "") throws(OptionValueError) -> Int {
    guard let value = Int(text), range.contains(value) else {
        throw OptionValueError("must be a whole number \(range.lowerBound)–\(range.upperBound)\(note.isEmpty ? "" : " (\(note))")")
    }
    return value
}

/// The help text of an option parsed with `transform:`, which ArgumentParser gives no
/// "(default: ...)" of its own.
func withDefault(_ help: String, _ value: String) -> String {
    "\(help) (default: \(value))"
}
