import ArgumentParser
import CallStore
import Ingest

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Record asterCC events from files or standard input, and assemble their calls.",
        discussion: """
            One event per line, in any of asterCC's formats. A file is read from where the last run \
            stopped (its position is kept in the database), so ingesting it again adds only what is new.
            """
    )

    @Argument(help: ArgumentHelp("Files of events; '-' is standard input (the default).", valueName: "file"))
    var files: [String] = []

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Read the files from their beginning, ignoring the stored positions.")
    var fromStart = false

    @Option(help: ArgumentHelp("Assemble a session without its CONVERSATION hangup once its newest event is this old (30s, 15m, 4h or seconds).", valueName: "duration"))
    var staleAfter: StaleAfter = .default

    func run() throws {
        let store = try database.open(.create)
        let writer = try reportingFailure { try EventWriter(store: store, staleAfterSeconds: staleAfter.seconds) }
        let ingester = FileIngester(writer: writer, store: store)
        var failed = false
        for file in files.isEmpty ? ["-"] : files {
            do {
                try ingester.ingest(path: file == "-" ? nil : file, fromStart: fromStart)
            } catch {
                printError("astercdr: \(error)")
                failed = true
                if case .store = error { break }
            }
        }
        let totals = writer.totals
        printError("astercdr: \(totals.received) events: \(totals.parsed) parsed, \(totals.rejected) rejected, \(totals.duplicates) duplicates; \(totals.callsAssembled) calls assembled")
        if ingester.truncatedLines > 0 {
            printError("astercdr: \(ingester.truncatedLines) lines were longer than \(ingester.maxLineBytes >> 20) MiB and were stored cut short")
            failed = true
        }
        if failed { throw ExitCode.failure }
    }
}
