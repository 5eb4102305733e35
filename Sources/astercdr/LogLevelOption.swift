import ArgumentParser
import Logging

/// `--log-level` of the commands that run as services (`ingest` with a live source, `serve`).
struct LogLevelOption: ParsableArguments {
    @Option(help: ArgumentHelp("trace, debug, info, notice, warning, error or critical.", valueName: "level"))
    var logLevel: Logger.Level = .info

    /// Sends every log line at `logLevel` and above to standard error; once per process.
    func bootstrap() -> Logger {
        let level = logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        return Logger(label: "astercdr")
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
