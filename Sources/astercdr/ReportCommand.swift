import ArgumentParser
import Reports

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The supervisor's figures over the calls that match the filters.",
        discussion: """
            summary: one set of figures. agents: per agent (offered, answered, missed, handled, talk, \
            hold, ring). teams, groups, campaigns, dids, hourly, daily: the summary's figures per team, \
            agent group, campaign, DID, hour of day, or date. Open calls (complete = 0) count as they \
            stand. A table shows the main columns with a totals row; csv and json give every column.
            """
    )

    @Argument(help: ArgumentHelp("Which report.", valueName: "kind"))
    var kind: ReportKind

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var filters: FilterOptions

    @Option(help: "A table for a terminal, or CSV or JSON with durations in whole seconds.")
    var format: OutputFormat = .table

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            withDefault("Service level counts dial-in calls answered within this many seconds.", "20"), valueName: "seconds"),
        transform: { try wholeNumber($0, in: 0...86_400, "seconds of wait allowed, at most a day") })
    var serviceLevel = 20

    func run() throws {
        let filter = try filters.callFilter()
        try withReports(database) { reports, output in
            try reports.writeReport(kind, filter: filter, serviceLevel: serviceLevel, format: format, to: output)
        }
    }
}
