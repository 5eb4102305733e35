import Foundation
import Testing

@Suite(.serialized) struct ReportsEndToEndTests {
    @Test func badFilterValuesAreUsageErrorsNamingTheOption() async throws {
        let cases: [([String], String)] = [
            (["calls", "--from", "2026-13-01"], "Error: --from: '2026-13-01' is not a date (use YYYY-MM-DD or \"YYYY-MM-DD HH:MM:SS\", a real time in the years 0001–9999)"),
            (["report", "summary", "--to", "2026-11-02 25:00:00"], "Error: --to: '2026-11-02 25:00:00' is not a date (use YYYY-MM-DD or \"YYYY-MM-DD HH:MM:SS\", a real time in the years 0001–9999)"),
            (["report", "summary", "--direction", "inbound"], "Error: --direction: 'inbound' is not a direction (use dialin or dialout)"),
            (["calls", "--disposition", "lost"], "Error: --disposition: 'lost' is not a disposition (use answered, abandoned, no_answer, agent_no_answer, failed or unknown)"),
            (["calls", "--agent", ""], "Error: --agent: the value is empty"),
            (["calls", "--limit=-3"], "Error: The value '-3' is invalid for '--limit <n>': must be a whole number 0–1000000000 (0 lists them all)"),
            (["report", "summary", "--service-level=-1"], "Error: The value '-1' is invalid for '--service-level <seconds>': must be a whole number 0–86400 (seconds of wait allowed, at most a day)"),
            (["report", "weekly"], "summary"),
            (["calls", "--format", "xml"], "table"),
            (["report", "hourly", "--service-level-target", "101"], "Error: The value '101' is invalid for '--service-level-target <percent>': must be a whole number 0–100 (percent of dial-in calls answered in time)"),
            (["now", "--format", "html"], "Error: --format html is for report and calls; now takes table or json"),
            (["call", "abc", "--format", "html"], "Error: --format html is for report and calls; call takes table, csv or json"),
        ]
        for (arguments, message) in cases {
            // Usage is checked before the database is opened, so none is needed.
            let run = try await astercdr(arguments + ["--db", "/nonexistent/cdr.db"])
            #expect(run.status == 64, "\(arguments)")
            #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
    }

    @Test func theSampleDayListsNewestFirstAndSummarizesAsItsCallsSay() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("cdr.db").path
            let ingest = try await astercdr(["ingest", "samples/vendor-flows.txt", "samples/sample-day.txt", "--db", db, "--timezone", "Asia/Shanghai"], in: repositoryRoot)
            #expect(ingest.status == 0, "\(ingest.stderr)")

            let calls = try await astercdr(["calls", "--db", db])
            #expect(calls.status == 0, "\(calls.stderr)")
            let lines = calls.stdout.split(separator: "\n").map(String.init)
            #expect(lines[0].hasPrefix("start "))
            let newest = try query(db, "SELECT start_time, sessionid FROM calls ORDER BY start_time DESC, rowid DESC LIMIT 1")[0]
            #expect(lines[2].hasPrefix(newest[0]!) && lines[2].hasSuffix(newest[1]!))
            #expect(lines.count == 2 + 50 + 1)
            #expect(lines.last == "(the 50 newest shown; --limit N shows more, --limit 0 all)")

            // The figures, worked out here from the calls table itself.
            let rows = try query(db, "SELECT lower(direction), disposition, wait_seconds, talk_seconds, hold_seconds, acw_seconds FROM calls")
            let dialin = rows.filter { $0[0] == "dialin" }
            let answered = rows.filter { $0[1] == "answered" }
            let answeredIn = dialin.filter { $0[1] == "answered" }
            func int(_ value: String?) -> Int { Int(value!)! }
            func tenths(_ sum: Int, _ count: Int) -> Double { (Double(sum * 10) / Double(count)).rounded(.toNearestOrAwayFromZero) / 10 }

            let run = try await astercdr(["report", "summary", "--format", "json", "--db", db])
            #expect(run.status == 0, "\(run.stderr)")
            let summary = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]]).first!
            #expect(summary["calls"] as? Int == rows.count)
            #expect(summary["answered"] as? Int == answered.count)
            #expect(summary["abandoned"] as? Int == dialin.count - answeredIn.count)
            #expect(summary["unanswered"] as? Int == rows.filter { $0[0] == "dialout" && $0[1] != "answered" }.count)
            #expect(summary["answer_rate"] as? Double == tenths(answered.count * 100, rows.count))
            #expect(summary["asa_seconds"] as? Double == tenths(answeredIn.map { int($0[2]) }.reduce(0, +), answeredIn.count))
            let within = answeredIn.filter { int($0[2]) <= 20 }.count
            #expect(summary["service_level"] as? Double == tenths(within * 100, dialin.count))
            #expect(summary["aht_seconds"] as? Double == tenths(answered.map { int($0[3]) + int($0[4]) + int($0[5]) }.reduce(0, +), answered.count))
            #expect(summary["total_acw_seconds"] as? Int == rows.map { int($0[5]) }.reduce(0, +))
            #expect(rows.contains { int($0[5]) > 0 })
            #expect(summary["total_talk_seconds"] as? Int == rows.map { int($0[3]) }.reduce(0, +))
            #expect(summary["max_wait_seconds"] as? Int == dialin.map { int($0[2]) }.max())
        }
    }

    @Test func oneCallAndAMissingOne() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("cdr.db").path
            _ = try await astercdr(["ingest", "samples/vendor-flows.txt", "--db", db, "--timezone", "Asia/Shanghai"], in: repositoryRoot)
            let call = try await astercdr(["call", "efeb7b374a3408b0d0954f30a1504d83", "--db", db])
            #expect(call.status == 0)
            #expect(call.stdout.contains("wait 0:08") && call.stdout.contains("CALLEE"))
            let missing = try await astercdr(["call", "0000", "--db", db])
            #expect(missing.status == 1)
            #expect(missing.stderr == "astercdr: no call or event with sessionid '0000' in '\(db)'\n")
            let noDatabase = try await astercdr(["report", "summary", "--db", dir.appendingPathComponent("none.db").path])
            #expect(noDatabase.status == 1)
            #expect(noDatabase.stderr.hasPrefix("astercdr: no database at"))
            // Views of the second migration answer in the sqlite3 shell's place.
            #expect(try query(db, "SELECT day, agent, offered, answered, handled FROM agent_days ORDER BY day") == [["2010-01-01", "041139735857", "2", "2", "2"]])
        }
    }
}
