import ArgumentParser
import Reports

struct CallsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calls",
        abstract: "List call records, newest first.",
        discussion: """
            A table shows the main columns (an open call's disposition is marked *); --format csv or \
            json gives every column of the calls table, durations in whole seconds.
            """
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var filters: FilterOptions

    @Option(help: ArgumentHelp("At most this many calls; 0 lists them all.", valueName: "n"))
    var limit = 50

    @Option(help: "A table for a terminal, or CSV or JSON with durations in whole seconds.")
    var format: OutputFormat = .table

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit: '\(limit)' is negative (use 0 for all calls)") }
    }

    func run() throws {
        let filter = try filters.callFilter()
        try withReports(database) { reports, output in
            try reports.writeCalls(filter: filter, limit: limit == 0 ? nil : limit, format: format, to: output)
        }
    }
}
