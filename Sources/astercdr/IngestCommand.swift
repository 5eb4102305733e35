import ArgumentParser
import CallStore
import Ingest

struct IngestCommand: AsyncParsableCommand {
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

    func run() async throws {
        let store = try database.open(.create)
        let eventWriter = try reportingFailure { try EventWriter(store: store, staleAfterSeconds: staleAfter.seconds) }
        let writer = IngestWriter(writer: eventWriter)
        let ingester = FileIngester(writer: writer)
        var failed = false
        var linesCutShort = 0
        for file in files.isEmpty ? ["-"] : files {
            do {
                linesCutShort += try await ingester.ingest(path: file == "-" ? nil : file, fromStart: fromStart).linesCutShort
            } catch {
                printError("astercdr: \(error)")
                failed = true
                if error is StoreError { break }
            }
        }
        let totals = await writer.finish()
        printError("astercdr: \(totals.received) events: \(totals.parsed) parsed, \(totals.rejected) rejected, \(totals.duplicates) duplicates; \(totals.callsAssembled) calls assembled")
        if linesCutShort > 0 {
            printError("astercdr: \(linesCutShort) lines were longer than \(ingester.maxLineBytes >> 20) MiB and were stored cut short")
            failed = true
        }
        if failed { throw ExitCode.failure }
    }
}
