import ArgumentParser
import CallStore

struct AssembleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assemble",
        abstract: "Assemble stale sessions now, or rebuild every call record from the events.",
        discussion: """
            Without --all, every session that has no CONVERSATION hangup and whose newest event is older \
            than --stale-after gets a record with complete = 0. With --all, every record is rebuilt from \
            the stored events; the same events give the same records every time.
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Rebuild every call record from the stored events.")
    var all = false

    @OptionGroup var staleAfter: StaleAfterOption

    func run() throws {
        let store = try database.open(.update)
        let written = try reportingFailure {
            let keeper = try SessionKeeper(store: store, staleAfterSeconds: staleAfter.seconds)
            if all {
                return try keeper.rebuildAll(now: .now())
            }
            return try keeper.assembleStaleInTransaction(now: .now())
        }
        printError("astercdr: \(written) calls assembled")
    }
}
