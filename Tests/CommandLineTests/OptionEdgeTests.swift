import ArgumentParser
import Testing
@testable import astercdr

/// Every value option at the edges of its range: the last value in is taken as written, the first
/// value out is refused with a message naming the option and the range.
@Suite struct OptionEdgeTests {
    @Test(arguments: [
        ("1", 1), ("1024M", 1 << 30), ("1048576K", 1 << 30), ("1073741824", 1 << 30), ("1k", 1024), ("64m", 64 << 20),
    ])
    func maxBodyInRange(text: String, bytes: Int) {
        #expect(Parsed(["ingest", "--listen", "8080", "--max-body", text]).command(IngestCommand.self)?.maxBody.bytes == bytes)
    }

    @Test(arguments: ["0", "0K", "-1", "1025M", "1048577K", "1073741825", "9999999999999M", "99999999999999999999", "", "M", "1G", "1.5M", " 1M"])
    func maxBodyOutOfRange(text: String) {
        #expect(Parsed(["ingest", "--listen", "8080", "--max-body", text]).refusal
            == "The value '\(text)' is invalid for '--max-body <size>': must be 1–1073741824 bytes, or 1K–1048576K, or 1M–1024M")
    }

    @Test(arguments: [
        ("1", "127.0.0.1", 1), ("65535", "127.0.0.1", 65535), (":8080", "127.0.0.1", 8080),
        ("0.0.0.0:8080", "0.0.0.0", 8080), ("[::1]:8080", "::1", 8080), ("localhost:18999", "localhost", 18999),
    ])
    func listenInRange(text: String, host: String, port: Int) throws {
        let listen = try #require(Parsed(["ingest", "--listen", text]).command(IngestCommand.self)?.listen)
        #expect(listen.host == host && listen.port == port)
    }

    @Test(arguments: ["127.0.0.1:99999", "127.0.0.1:0", "0", "65536", "127.0.0.1:", "", "-1", "127.0.0.1:-1", "host:http", "127.0.0.1:8080 "])
    func listenPortOutOfRange(text: String) {
        #expect(Parsed(["ingest", "--listen", text]).refusal
            == "The value '\(text)' is invalid for '--listen <host:port>': the port must be 1–65535 (HOST:PORT, :PORT or PORT)")
    }

    @Test(arguments: ["a b:80", "[::1:80", "[]]:80"])
    func listenHostThatCannotBe(text: String) throws {
        let refusal = try #require(Parsed(["ingest", "--listen", text]).refusal)
        #expect(refusal.hasPrefix("The value '\(text)' is invalid for '--listen <host:port>': '"))
        #expect(refusal.hasSuffix("' is not a host name or address (an IPv6 address goes in brackets: [::1]:8080)"))
    }

    @Test(arguments: [("0", 0), ("0s", 0), ("31536000", 31_536_000), ("31536000s", 31_536_000), ("525600m", 31_536_000), ("8760h", 31_536_000), ("90m", 5400)])
    func staleAfterInRange(text: String, seconds: Int64) {
        #expect(Parsed(["ingest", "--stale-after", text, "f.txt"]).command(IngestCommand.self)?.staleAfter.seconds == seconds)
        #expect(Parsed(["simulate", "--duration", text]).command(SimulateCommand.self)?.duration?.seconds == seconds)
    }

    @Test(arguments: ["31536001", "31536001s", "525601m", "8761h", "-1", "-1s", "99999999999999999999h", "9223372036854775807h", "", "h", "4d", "1.5h"])
    func timeSpanOutOfRange(text: String) {
        let range = "must be 0s–31536000s, 0m–525600m or 0h–8760h (one year), or bare seconds"
        #expect(Parsed(["ingest", "--stale-after", text, "f.txt"]).refusal
            == "The value '\(text)' is invalid for '--stale-after <duration>': \(range)")
        #expect(Parsed(["simulate", "--duration", text]).refusal == "The value '\(text)' is invalid for '--duration <span>': \(range)")
    }

    @Test func limitEdges() {
        #expect(Parsed(["calls", "--limit", "0"]).command(CallsCommand.self)?.limit == 0)
        #expect(Parsed(["calls", "--limit", "1000000000"]).command(CallsCommand.self)?.limit == 1_000_000_000)
        for text in ["-5", "-1", "1000000001", "99999999999999999999", "ten", ""] {
            #expect(Parsed(["calls", "--limit", text]).refusal
                == "The value '\(text)' is invalid for '--limit <n>': must be a whole number 0–1000000000 (0 lists them all)")
        }
    }

    @Test func serviceLevelEdges() {
        #expect(Parsed(["report", "summary", "--service-level", "0"]).command(ReportCommand.self)?.serviceLevel == 0)
        #expect(Parsed(["report", "summary", "--service-level", "86400"]).command(ReportCommand.self)?.serviceLevel == 86400)
        for text in ["-1", "86401", "20s", ""] {
            #expect(Parsed(["report", "summary", "--service-level", text]).refusal
                == "The value '\(text)' is invalid for '--service-level <seconds>': must be a whole number 0–86400 (seconds of wait allowed, at most a day)")
        }
    }

    @Test func serviceLevelTargetEdges() {
        #expect(Parsed(["report", "hourly"]).command(ReportCommand.self)?.serviceLevelTarget == 80)
        #expect(Parsed(["report", "hourly", "--service-level-target", "0"]).command(ReportCommand.self)?.serviceLevelTarget == 0)
        #expect(Parsed(["report", "hourly", "--service-level-target", "100"]).command(ReportCommand.self)?.serviceLevelTarget == 100)
        for text in ["-1", "101", "80%", "80.5", ""] {
            #expect(Parsed(["report", "hourly", "--service-level-target", text]).refusal
                == "The value '\(text)' is invalid for '--service-level-target <percent>': must be a whole number 0–100 (percent of dial-in calls answered in time)")
        }
    }

    /// An HTML page is a report's or a listing's; `now` and `call` refuse it as a usage error (64)
    /// naming the formats they take.
    @Test func htmlIsForReportsAndListings() throws {
        #expect(Parsed(["report", "daily", "--format", "html"]).command(ReportCommand.self)?.format == .html)
        #expect(Parsed(["calls", "--format", "html"]).command(CallsCommand.self)?.format == .html)
        let refused = [
            (["now", "--format", "html"], "--format html is for report and calls; now takes table or json"),
            (["call", "abc", "--format", "html"], "--format html is for report and calls; call takes table, csv or json"),
        ]
        for (arguments, says) in refused {
            #expect(Parsed(arguments).refusal == says)
            do {
                _ = try AsterCDR.parseAsRoot(arguments)
                Issue.record("\(arguments) was taken")
            } catch {
                #expect(AsterCDR.exitCode(for: error) == .validationFailure)
            }
        }
    }

    @Test func simulateCountEdges() {
        #expect(Parsed(["simulate", "--calls", "0"]).command(SimulateCommand.self)?.calls == 0)
        #expect(Parsed(["simulate", "--calls", "100000000"]).command(SimulateCommand.self)?.calls == 100_000_000)
        #expect(Parsed(["simulate", "--events", "0"]).command(SimulateCommand.self)?.events == 0)
        #expect(Parsed(["simulate", "--events", "1000000000"]).command(SimulateCommand.self)?.events == 1_000_000_000)
        for text in ["-1", "100000001", "1e3"] {
            #expect(Parsed(["simulate", "--calls", text]).refusal == "The value '\(text)' is invalid for '--calls <n>': must be a whole number 0–100000000")
        }
        for text in ["-1", "1000000001"] {
            #expect(Parsed(["simulate", "--events", text]).refusal == "The value '\(text)' is invalid for '--events <n>': must be a whole number 0–1000000000")
        }
    }

    @Test func rateEdges() {
        let post = ["simulate", "--post", "http://127.0.0.1:9/", "--rate"]
        #expect(Parsed(post + ["1"]).command(SimulateCommand.self)?.rate == 1)
        #expect(Parsed(post + ["1000000"]).command(SimulateCommand.self)?.rate == 1_000_000)
        for text in ["0", "-3", "1000001"] {
            #expect(Parsed(post + [text]).refusal == "The value '\(text)' is invalid for '--rate <n>': must be a whole number 1–1000000")
        }
    }

    @Test func seedEdges() {
        #expect(Parsed(["simulate", "--seed", "0"]).command(SimulateCommand.self)?.seed == 0)
        #expect(Parsed(["simulate", "--seed", "18446744073709551615"]).command(SimulateCommand.self)?.seed == .max)
        for text in ["-1", "18446744073709551616"] {
            #expect(Parsed(["simulate", "--seed", text]).refusal
                == "The value '\(text)' is invalid for '--seed <seed>': must be a whole number 0–18446744073709551615")
        }
    }

    @Test(arguments: [("0", 0.0), ("1", 1.0), ("0%", 0.0), ("100%", 1.0), ("0.05", 0.05), ("5%", 0.05)])
    func shareInRange(text: String, fraction: Double) {
        #expect(Parsed(["simulate", "--abandon", text]).command(SimulateCommand.self)?.abandon.fraction == fraction)
    }

    @Test(arguments: ["1.5", "-0.1", "101%", "-1%", "nan", "inf", "%", "", "five"])
    func shareOutOfRange(text: String) {
        #expect(Parsed(["simulate", "--duplicates", text]).refusal
            == "The value '\(text)' is invalid for '--duplicates <share>': must be a fraction 0–1 (such as 0.05) or a percentage 0%–100% (such as 5%)")
    }

    @Test func dateFilterEdges() {
        #expect(Parsed(["calls", "--from", "0001-01-01", "--to", "9999-12-31"]).command(CallsCommand.self) != nil)
        #expect(Parsed(["calls", "--from", "2028-02-29 23:59:59"]).command(CallsCommand.self) != nil)
        for text in ["0000-01-01", "10000-01-01", "2026-02-29", "2026-11-02 24:00:00", "2026-11-02T08:00:00", ""] {
            #expect(Parsed(["calls", "--from", text]).refusal
                == "--from: '\(text)' is not a date (use YYYY-MM-DD or \"YYYY-MM-DD HH:MM:SS\", a real time in the years 0001–9999)")
        }
    }

    @Test func simulateStartAndZoneEdges() {
        #expect(Parsed(["simulate", "--start", "0001-01-01 00:00:00"]).command(SimulateCommand.self) != nil)
        #expect(Parsed(["simulate", "--start", "9999-12-31 23:59:59"]).command(SimulateCommand.self) != nil)
        #expect(Parsed(["simulate", "--start", "0000-12-31 23:59:59"]).refusal
            == "--start: '0000-12-31 23:59:59' is not a time like 2026-11-02 08:00:00 (a real time in the years 0001–9999)")
        #expect(Parsed(["simulate", "--timezone", "Mars/Olympus"]).refusal
            == "--timezone: unknown time zone 'Mars/Olympus' (use an IANA name such as Asia/Shanghai or UTC)")
    }

    @Test func helpShowsTheDefaultsAsTheyAreWritten() {
        let help = IngestCommand.helpMessage(columns: 1000)
        #expect(help.contains("at most 1024M. (default: 1M)"))
        #expect(help.contains("(30s, 15m, 4h or seconds). (default: 4h)"))
        #expect(!help.contains("ByteCount"))
        #expect(CallsCommand.helpMessage(columns: 1000).contains("0 lists them all. (default: 50)"))
    }
}

@Suite struct VersionTests {
    @Test func versionPrintsTheReleaseAndNothingElse() {
        #expect(Parsed(["--version"]).refusal == AsterCDR.version)
        #expect(AsterCDR.version.split(separator: ".").map { Int($0) != nil } == [true, true, true])
    }

    @Test func serveListensOnLoopbackUnlessTold() throws {
        let serve = try #require(Parsed(["serve"]).command(ServeCommand.self))
        #expect((serve.address.host, serve.address.port) == ("127.0.0.1", 8080))
        let told = try #require(Parsed(["serve", "--listen", "0.0.0.0:9090", "--token", "s"]).command(ServeCommand.self))
        #expect((told.address.host, told.address.port, told.token) == ("0.0.0.0", 9090, "s"))
        #expect(Parsed(["serve", "--listen", "0"]).refusal
            == "The value '0' is invalid for '--listen <host:port>': the port must be 1–65535 (HOST:PORT, :PORT or PORT)")
    }
}
