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
            stand. A table shows the main columns with a totals row; csv and json give every column; \
            html is one page to open or mail, every column with charts (hourly, daily, agents, and the \
            service level against --service-level-target).
            """
    )

    @Argument(help: ArgumentHelp("Which report.", valueName: "kind"))
    var kind: ReportKind

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var filters: FilterOptions

    @Option(help: "A table for a terminal, CSV or JSON with durations in whole seconds, or an HTML page with charts.")
    var format: OutputFormat = .table

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            withDefault("Service level counts dial-in calls answered within this many seconds.", "20"), valueName: "seconds"),
        transform: { try wholeNumber($0, in: 0...86_400, "seconds of wait allowed, at most a day") })
    var serviceLevel = 20

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            withDefault("The service level to reach, in percent: a line across the service-level chart of --format html.", "80"),
            valueName: "percent"),
        transform: { try wholeNumber($0, in: 0...100, "percent of dial-in calls answered in time") })
    var serviceLevelTarget = 80

    func run() throws {
        let filter = try filters.callFilter()
        try withReports(database) { reports, output in
            try reports.writeReport(
                kind, filter: filter, serviceLevel: serviceLevel, serviceLevelTarget: serviceLevelTarget, format: format, to: output)
        }
    }
}
