import ArgumentParser
import Reports

struct CallsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calls",
        abstract: "List call records, newest first.",
        discussion: """
            A table shows the main columns (an open call's disposition is marked *); --format csv or \
            json gives every column of the calls table, durations in whole seconds; --format html gives \
            every column as one page to open or mail.
            """
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var filters: FilterOptions

    @Option(
        parsing: .unconditional, help: ArgumentHelp(withDefault("At most this many calls; 0 lists them all.", "50"), valueName: "n"),
        transform: { try wholeNumber($0, in: 0...1_000_000_000, "0 lists them all") })
    var limit = 50

    @Option(help: "A table for a terminal, CSV or JSON with durations in whole seconds, or an HTML page.")
    var format: OutputFormat = .table

    func run() throws {
        let filter = try filters.callFilter()
        try withReports(database) { reports, output in
            try reports.writeCalls(filter: filter, limit: limit == 0 ? nil : limit, format: format, to: output)
        }
    }
}
