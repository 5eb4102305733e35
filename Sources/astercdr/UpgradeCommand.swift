import ArgumentParser

struct UpgradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upgrade",
        abstract: "Bring a database made by an earlier astercdr up to this version's schema.",
        discussion: """
            Reports never write, so they refuse a database that needs upgrading and name this command. \
            `astercdr ingest` and `astercdr assemble` upgrade a database on their own. Every row is kept; \
            a large database takes a while, in one transaction per schema version.
            """
    )

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        _ = try database.open(.update)
        printError("astercdr: database '\(database.path)' is up to date")
    }
}
