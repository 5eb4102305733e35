/// One cell of a report row, typed so that each format can write it its own way.
public enum ReportValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case text(String)
    /// A figure rounded to one decimal, held as a whole number of tenths (125 is 12.5).
    case tenths(Int64)

    init(_ text: String?) {
        self = text.map(ReportValue.text) ?? .null
    }

    init(_ integer: Int64?) {
        self = integer.map(ReportValue.integer) ?? .null
    }

    /// The value as CSV writes it and an HTML page keeps it beside what it shows: whole seconds,
    /// one decimal, "" for nothing.
    var plainText: String {
        switch self {
        case .null: ""
        case .integer(let integer): String(integer)
        case .text(let text): text
        case .tenths(let tenths): Tenths.text(tenths)
        }
    }
}

/// A column of a report: its name (the JSON key and CSV header), its table heading, the longer
/// label of a list of figures, and what it holds.
public struct Column: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case text
        /// A count, an id held as a number, a Unix time.
        case number
        /// Whole seconds: `m:ss` in a table.
        case seconds
        /// An average of seconds in tenths: `m:ss` in a table, one decimal elsewhere.
        case averageSeconds
        /// A percentage in tenths: `87.5%` in a table.
        case percent
    }

    public let name: String
    public let title: String
    public let label: String
    public let kind: Kind

    public init(_ name: String, _ kind: Kind, title: String? = nil, label: String? = nil) {
        self.name = name
        self.kind = kind
        self.title = title ?? name
        self.label = label ?? title ?? name
    }
}
