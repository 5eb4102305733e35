import ArgumentParser
import Reports

struct CallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call",
        abstract: "Show one call: its record, its parties and its events.",
        discussion: """
            json prints one object {call, parties, events}; csv prints the three tables one after \
            the other, a blank line apart. A session that has events but no record yet shows its events.
            """
    )

    @Argument(help: ArgumentHelp("The call's sessionid.", valueName: "sessionid"))
    var sessionid: String

    @OptionGroup var database: DatabaseOptions

    @Option(help: "A table for a terminal, or CSV or JSON with durations in whole seconds.")
    var format: OutputFormat = .table

    func validate() throws {
        if format == .html { throw ValidationError("--format html is for report and calls; call takes table, csv or json") }
    }

    func run() throws {
        let found = try withReports(database) { reports, output in
            try reports.writeCall(sessionid, format: format, to: output)
        }
        guard found else {
            printError("astercdr: no call or event with sessionid '\(sessionid)' in '\(database.path)'")
            throw ExitCode.failure
        }
    }
}
