import ArgumentParser
import Reports

/// The filters of SPEC 4, shared by `calls` and `report`.
struct FilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Calls that started at or after this (YYYY-MM-DD or \"YYYY-MM-DD HH:MM:SS\", the database's zone).", valueName: "time"))
    var from: String?

    @Option(help: ArgumentHelp("Calls that started before this; a date alone takes in that whole day.", valueName: "time"))
    var to: String?

    @Option(help: ArgumentHelp("Calls offered to this agent, or that it took part in (its agentno, or its number).", valueName: "number"))
    var agent: String?

    @Option(help: ArgumentHelp("Calls with this customer number.", valueName: "number"))
    var number: String?

    @Option(help: ArgumentHelp("dialin or dialout.", valueName: "direction"))
    var direction: String?

    @Option(help: ArgumentHelp("answered, abandoned, no_answer, agent_no_answer, failed or unknown.", valueName: "disposition"))
    var disposition: String?

    @Option(help: ArgumentHelp("Calls of this team (AgentTeamId).", valueName: "id"))
    var team: String?

    @Option(help: ArgumentHelp("Calls of this agent group (AgentGroupId).", valueName: "id"))
    var group: String?

    @Option(help: ArgumentHelp("Calls of this campaign (model_id).", valueName: "id"))
    var campaign: String?

    @Option(help: ArgumentHelp("Calls to this DID.", valueName: "number"))
    var did: String?

    func validate() throws {
        _ = try callFilter()
    }

    func callFilter() throws -> CallFilter {
        do {
            return try CallFilter(
                from: from, to: to, agent: agent, number: number, direction: direction, disposition: disposition,
                team: team, group: group, campaign: campaign, did: did)
        } catch {
            throw ValidationError(error.description)
        }
    }
}

extension OutputFormat: ExpressibleByArgument {}
extension ReportKind: ExpressibleByArgument {}

/// Runs `body` on the database's reports and flushes what it wrote, with failures worded as
/// every other command words them. A reader that went away (`| head`) ends it quietly.
func withReports<T>(_ database: DatabaseOptions, _ body: (CallReports, StandardOutput) throws -> T) throws -> T {
    let store = try database.open(.read)
    let output = StandardOutput()
    let result = try reportingFailure { try body(CallReports(store), output) }
    output.flush()
    switch output.failure {
    case nil, .closed?: return result
    case let failure?:
        printError("astercdr: \(failure)")
        throw ExitCode.failure
    }
}
