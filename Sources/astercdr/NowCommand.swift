import ArgumentParser
import CallEvents
import Foundation
import Reports

struct NowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "now",
        abstract: "What is happening at a moment: agents and their state, calls waiting and in progress, the day so far.",
        discussion: """
            Every agent signed in or on a call, with its state (talking, on_hold, ringing, acw, paused, \
            available) and since when; the dial-in calls waiting and how long; the calls in progress; and \
            the summary's figures over the calls that started that day and had ended by then. --at looks \
            at any moment of the past (a replayed day as it was at 10:15); --watch redraws the table \
            every few seconds until interrupted.
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(
        help: ArgumentHelp("The moment to look at, \"YYYY-MM-DD HH:MM:SS\" in the database's zone (default: now).", valueName: "time"),
        transform: { text in
            guard let time = CivilTime(parsing: text.trimmingCharacters(in: .whitespaces)) else {
                throw OptionValueError("not a time: use \"YYYY-MM-DD HH:MM:SS\" in the database's zone")
            }
            return time
        })
    var at: CivilTime?

    @Option(help: "A table for a terminal, or JSON.")
    var format: OutputFormat = .table

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Redraw the table every this many seconds until interrupted.", valueName: "seconds"),
        transform: { try wholeNumber($0, in: 1...3600, "seconds between redraws") })
    var watch: Int?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(withDefault("Service level counts dial-in calls answered within this many seconds.", "20"), valueName: "seconds"),
        transform: { try wholeNumber($0, in: 0...86_400, "seconds of wait allowed, at most a day") })
    var serviceLevel = 20

    func validate() throws {
        if format == .csv { throw ValidationError("--format csv: now has several tables; use table or json") }
        if format == .html { throw ValidationError("--format html is for report and calls; now takes table or json") }
        if watch != nil, at != nil { throw ValidationError("--watch redraws the present moment; leave out --at") }
        if watch != nil, format != .table { throw ValidationError("--watch redraws a table; leave out --format \(format.rawValue)") }
    }

    func run() throws {
        try withReports(database) { reports, output in
            guard let watch else {
                try reports.writeNow(at: at, serviceLevel: serviceLevel, format: format, to: output)
                return
            }
            while true {
                // Home and clear, then the table: a terminal shows it in place.
                output.write("\u{1B}[H\u{1B}[2J")
                try reports.writeNow(at: nil, serviceLevel: serviceLevel, format: .table, to: output)
                output.flush()
                if output.failure != nil { return }
                Thread.sleep(forTimeInterval: TimeInterval(watch))
            }
        }
    }
}
