import ArgumentParser
import Testing
import TestSupport
@testable import astercdr

/// Random strings at every value option: each is refused, or gives a value in the option's range;
/// none may crash the process (as `--max-body 9999999999999M` once did, on an overflow trap).
/// The strings are drawn from a printed seed; ASTERCDR_TEST_SEED=N replays a failure.
@Suite struct OptionFuzzTests {
    /// An option, the arguments around it, and what a value it accepts must satisfy.
    struct Probe: Sendable {
        let option: String
        let before: [String]
        let after: [String]
        let inRange: @Sendable (any ParsableCommand) -> Bool
    }

    static let probes: [Probe] = [
        Probe(option: "--max-body", before: ["ingest", "--listen", "8080"], after: []) {
            ($0 as? IngestCommand).map { (1...(1 << 30)).contains($0.maxBody.bytes) } ?? false
        },
        Probe(option: "--listen", before: ["ingest"], after: []) {
            ($0 as? IngestCommand)?.listen.map { (1...65535).contains($0.port) && !$0.host.isEmpty } ?? false
        },
        Probe(option: "--stale-after", before: ["ingest"], after: ["f.txt"]) {
            ($0 as? IngestCommand).map { (0...31_536_000).contains($0.staleAfter.seconds) } ?? false
        },
        Probe(option: "--limit", before: ["calls"], after: []) {
            ($0 as? CallsCommand).map { (0...1_000_000_000).contains($0.limit) } ?? false
        },
        Probe(option: "--service-level", before: ["report", "summary"], after: []) {
            ($0 as? ReportCommand).map { (0...86400).contains($0.serviceLevel) } ?? false
        },
        Probe(option: "--from", before: ["calls"], after: []) { $0 is CallsCommand },
        Probe(option: "--to", before: ["report", "hourly"], after: []) { $0 is ReportCommand },
        Probe(option: "--calls", before: ["simulate"], after: []) {
            ($0 as? SimulateCommand)?.calls.map { (0...100_000_000).contains($0) } ?? false
        },
        Probe(option: "--events", before: ["simulate"], after: []) {
            ($0 as? SimulateCommand)?.events.map { (0...1_000_000_000).contains($0) } ?? false
        },
        Probe(option: "--duration", before: ["simulate"], after: []) {
            ($0 as? SimulateCommand)?.duration.map { (0...31_536_000).contains($0.seconds) } ?? false
        },
        Probe(option: "--rate", before: ["simulate", "--post", "http://127.0.0.1:9/"], after: []) {
            ($0 as? SimulateCommand)?.rate.map { (1...1_000_000).contains($0) } ?? false
        },
        Probe(option: "--dialin", before: ["simulate"], after: []) {
            ($0 as? SimulateCommand).map { (0...1).contains($0.dialin.fraction) } ?? false
        },
        Probe(option: "--start", before: ["simulate"], after: []) { $0 is SimulateCommand },
        Probe(option: "--seed", before: ["simulate"], after: []) { $0 is SimulateCommand },
        Probe(option: "--timezone", before: ["simulate"], after: []) { $0 is SimulateCommand },
    ]

    /// Pieces that reach the parsers' edges: digits, signs, the units, separators, brackets, a
    /// non-ASCII digit and minus, and numbers past every integer type.
    static let pieces = [
        "0", "1", "9", "00", "65535", "65536", "1024", "1025", "8760", "86400", "99999999999999999999", "9223372036854775807",
        "-", "+", ".", "e", "K", "k", "M", "m", "h", "s", "%", ":", "[", "]", "::1", " ", "٣", "−", "nan", "inf",
        "2026-11-02", " 08:00:00", "9999-12-31", "0000", "-02-29", "Asia/Shanghai", "/", "\u{0}",
    ]

    static func randomValue(_ random: inout ReplayableRandom) -> String {
        (0..<Int.random(in: 1...5, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    /// Through the whole command line, validation included (parseAsRoot costs about 10 ms).
    @Test func randomValuesAreRefusedOrInRange() {
        var random = ReplayableRandom(for: "OptionFuzzTests.randomValuesAreRefusedOrInRange")
        for probe in Self.probes {
            for _ in 0..<60 {
                let value = Self.randomValue(&random)
                switch Parsed(probe.before + [probe.option, value] + probe.after) {
                case .refused(let message):
                    #expect(message.contains(probe.option), "\(probe.option) '\(value)': \(message)")
                case .command(let command):
                    #expect(probe.inRange(command), "\(probe.option) '\(value)' was taken out of range (seed \(random.seed))")
                }
            }
        }
    }

    /// Many more values at the value parsers alone.
    @Test func randomValuesAtTheValueParsers() {
        var random = ReplayableRandom(for: "OptionFuzzTests.randomValuesAtTheValueParsers")
        for _ in 0..<20_000 {
            let value = Self.randomValue(&random)
            if let size = try? ByteCount(parsing: value) { #expect((1...(1 << 30)).contains(size.bytes), "'\(value)'") }
            if let address = try? ListenAddress(parsing: value) { #expect((1...65535).contains(address.port), "'\(value)'") }
            if let span = try? TimeSpan(parsing: value) { #expect((0...31_536_000).contains(span.seconds), "'\(value)'") }
            if let share = try? Share(parsing: value) { #expect((0...1).contains(share.fraction), "'\(value)'") }
            if let count = try? wholeNumber(value, in: 3...70) { #expect((3...70).contains(count), "'\(value)'") }
        }
    }
}
