import SQLite

/// The values of a statement being built, numbered as they are added, so that no value is ever
/// spliced into SQL text.
struct SQLParameters {
    enum Value {
        case text(String)
        case integer(Int64)
    }

    private var values: [Value] = []

    /// Adds a value and returns its placeholder, `?N`.
    mutating func add(_ value: Value) -> String {
        values.append(value)
        return "?\(values.count)"
    }

    /// How many values were added: the last one's index.
    var count: Int { values.count }

    mutating func add(_ text: String) -> String {
        add(.text(text))
    }

    func bind(to statement: Statement) throws(SQLiteError) {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            switch value {
            case .text(let text): try statement.bind(text, at: index)
            case .integer(let integer): try statement.bind(integer, at: index)
            }
        }
    }
}
