import ArgumentParser

@main
struct AsterCDR: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "astercdr",
        abstract: "Records every asterCC call event in SQLite and assembles one call record per call.",
        version: version,
        subcommands: [IngestCommand.self, AssembleCommand.self, UpgradeCommand.self, CallsCommand.self, CallCommand.self, ReportCommand.self, NowCommand.self, ServeCommand.self, SimulateCommand.self]
    )
}
