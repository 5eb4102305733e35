import ArgumentParser
import CallStore
import Foundation

/// The options every subcommand shares: which database, and which zone its times are in.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file (default: $ASTERCDR_DB, else astercdr.db here).", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp(
        "IANA zone of asterCC's event times, fixed when the database is created (default: this machine's zone).",
        valueName: "name"))
    var timezone: String?

    var path: String {
        db ?? ProcessInfo.processInfo.environment["ASTERCDR_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "astercdr.db"
    }

    func open(_ access: CallStore.Access) throws -> CallStore {
        if access != .read {
            // Past a file-size limit (ulimit -f) the kernel kills a writer with SIGXFSZ by default.
            // Ignored, the write fails with EFBIG and is reported like a full disk: the commit is
            // rolled back, nothing it covered is acknowledged, and the next commit tries again.
            signal(SIGXFSZ, SIG_IGN)
        }
        let store = try reportingFailure { try CallStore(path: path, access: access, timeZone: timezone) }
        if let notice = store.notice { printError("astercdr: \(notice)") }
        return store
    }
}

/// Prints an error the way a person reads it, `astercdr: <what and how to fix it>`, and exits 1.
func reportingFailure<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as ExitCode {
        throw error
    } catch {
        printError("astercdr: \(error)")
        throw ExitCode.failure
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
