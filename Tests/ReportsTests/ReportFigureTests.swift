import Foundation
import Reports
import Testing

@Suite struct ReportFigureTests {
    @Test func theSummaryMatchesTheGeneratedCallsInEveryFormat() throws {
        try withFixture { fixture in
            let expected = Expected.summary(fixture.calls)
            #expect(CSVReader.rows(try fixture.report(.summary, .csv)) == [expected])
            let json = try JSONRows.array(fixture.report(.summary, .json))
            #expect(json.count == 1)
            #expect(JSONRows.differences(json[0], expected) == [])

            let table = try fixture.report(.summary, .table).split(separator: "\n").map(String.init)
            #expect(table.allSatisfy { $0.count <= 80 })
            func figure(_ label: String) -> String? {
                table.first { $0.hasPrefix(label + " ") }.map { $0.dropFirst(label.count).trimmingCharacters(in: .whitespaces) }
            }
            #expect(figure("calls") == expected["calls"])
            #expect(figure("answer rate") == expected["answer_rate"]! + "%")
            #expect(figure("average speed of answer (ASA)") == clock(expected["asa_seconds"]!))
            #expect(figure("average handle time (AHT)") == clock(expected["aht_seconds"]!))
            #expect(figure("total talk") == clock(expected["total_talk_seconds"]!))
            #expect(figure("longest dial-in wait") == clock(expected["max_wait_seconds"]!))
            #expect(figure("service level (answered within 20s)") == expected["service_level"]! + "%")
        }
    }

    @Test func serviceLevelFollowsTheThreshold() throws {
        try withFixture { fixture in
            for threshold in [10, 30] {
                let expected = Expected.summary(fixture.calls, serviceLevel: Int64(threshold))
                let row = CSVReader.rows(try fixture.report(.summary, serviceLevel: threshold, .csv))[0]
                #expect(row["service_level"] == expected["service_level"])
                #expect(row["service_level_answered"] == expected["service_level_answered"])
                let table = try fixture.report(.summary, serviceLevel: threshold, .table)
                #expect(table.contains("service level (answered within \(threshold)s)"))
            }
            let at10 = CSVReader.rows(try fixture.report(.summary, serviceLevel: 10, .csv))[0]
            let at30 = CSVReader.rows(try fixture.report(.summary, serviceLevel: 30, .csv))[0]
            #expect(Double(at10["service_level"]!)! < Double(at30["service_level"]!)!)
        }
    }

    static func keys(_ kind: ReportKind) -> (names: [String], key: (GeneratedCall) -> [String?]) {
        switch kind {
        case .teams: (["team_id"], { [$0.team] })
        case .groups: (["group_id"], { [$0.group] })
        case .campaigns: (["modeltype", "model_id"], { [$0.modeltype, $0.campaign] })
        default: (["did"], { [$0.did] })
        }
    }

    @Test(arguments: [ReportKind.teams, .groups, .campaigns, .dids])
    func eachGroupedReportMatchesInEveryFormat(kind: ReportKind) throws {
        try withFixture { fixture in
            let (names, key) = Self.keys(kind)
            let expected = Expected.grouped(fixture.calls, keys: names, by: key)
            #expect(expected.count > 2)
            #expect(CSVReader.rows(try fixture.report(kind, .csv)) == expected)
            let json = try JSONRows.array(fixture.report(kind, .json))
            #expect(json.count == expected.count)
            for (row, want) in zip(json, expected) {
                #expect(JSONRows.differences(row, want) == [])
            }

            let table = TableText(try fixture.report(kind, .table))
            #expect(table.body.count == expected.count)
            let totals = Expected.summary(fixture.calls)
            let totalCells = table.cells(table.totals ?? "")
            #expect(totalCells["calls"] == totals["calls"])
            #expect(totalCells["answered"] == totals["answered"])
            #expect(totalCells["rate"] == totals["answer_rate"]! + "%")
            #expect(totalCells["AHT"] == clock(totals["aht_seconds"]!))
            for title in ["calls", "answered", "abandoned", "unanswered", "rate", "ASA", "SL 20s", "AHT"] {
                #expect(table.rightAligned(title), "\(title)")
            }
            for (line, want) in zip(table.body, expected) {
                let cells = table.cells(line)
                #expect(cells["calls"] == want["calls"])
                #expect(cells["ASA"] == clock(want["asa_seconds"]!))
            }
        }
    }

    @Test func hourlyHasEveryHourAndABar() throws {
        try withFixture { fixture in
            let expected = Expected.hourly(fixture.calls)
            #expect(CSVReader.rows(try fixture.report(.hourly, .csv)) == expected)
            let json = try JSONRows.array(fixture.report(.hourly, .json))
            #expect(zip(json, expected).allSatisfy { JSONRows.differences($0, $1).isEmpty })
            #expect(json.count == 24)

            let text = try fixture.report(.hourly, .table)
            let table = TableText(text)
            #expect(table.lines.allSatisfy { $0.count <= 80 })
            #expect(table.body.count == 24)
            // The busiest hour has the longest bar, every hour with calls has one.
            let bars = table.body.map { $0.filter { $0 == "█" || $0 == "░" }.count }
            let calls = expected.map { Int($0["calls"]!)! }
            #expect(bars.firstIndex(of: bars.max()!) == calls.firstIndex(of: calls.max()!))
            #expect(zip(bars, calls).allSatisfy { ($0 > 0) == ($1 > 0) })
            #expect(text.contains("█ answered ░ not answered"))
            #expect(table.cells(table.totals ?? "")["calls"] == "\(fixture.calls.count)")
        }
    }

    @Test func dailyListsTheDatesWithCallsOrEveryDateOfANamedRange() throws {
        try withFixture { fixture in
            let expected = Expected.daily(fixture.calls, dates: ["2026-11-01", "2026-11-02", "2026-11-03"])
            #expect(CSVReader.rows(try fixture.report(.daily, .csv)) == expected)
            let json = try JSONRows.array(fixture.report(.daily, .json))
            #expect(zip(json, expected).allSatisfy { JSONRows.differences($0, $1).isEmpty })

            let named = try CallFilter(from: "2026-10-30", to: "2026-11-02")
            let inRange = fixture.calls.filter { $0.start >= "2026-10-30 00:00:00" && $0.start < "2026-11-03 00:00:00" }
            let wanted = Expected.daily(inRange, dates: ["2026-10-30", "2026-10-31", "2026-11-01", "2026-11-02"])
            #expect(CSVReader.rows(try fixture.report(.daily, named, .csv)) == wanted)
            let table = TableText(try fixture.report(.daily, named, .table))
            #expect(table.body.map { String($0.prefix(10)) } == ["2026-10-30", "2026-10-31", "2026-11-01", "2026-11-02"])
            #expect(table.lines.allSatisfy { $0.count <= 80 })
            #expect(table.body[0].contains(" - "))
        }
    }

    /// A date range alone is answered from the parties' own index; with another filter, through
    /// the matching calls. Both give the figures of the calls that started in the range.
    @Test func agentsOverADateRangeByEitherPath() throws {
        try withFixture { fixture in
            let day = "2026-11-01"
            let ofTheDay = fixture.calls.filter { $0.start.hasPrefix(day) }
            #expect(!ofTheDay.isEmpty)
            let dates = try CallFilter(from: day, to: day)
            #expect(CSVReader.rows(try fixture.report(.agents, dates, .csv)) == Expected.agents(ofTheDay))
            let oneAgent = try CallFilter(from: day, to: day, agent: "1003")
            #expect(CSVReader.rows(try fixture.report(.agents, oneAgent, .csv))
                    == Expected.agents(ofTheDay.filter { $0.parties.contains { $0.number == "1003" } }, only: "1003"))
            let dialIn = try CallFilter(from: day, to: day, direction: "dialin")
            #expect(CSVReader.rows(try fixture.report(.agents, dialIn, .csv))
                    == Expected.agents(ofTheDay.filter { $0.direction?.lowercased() == "dialin" }))
        }
    }

    @Test func agentsMatchTheirPartiesInEveryFormat() throws {
        try withFixture { fixture in
            let expected = Expected.agents(fixture.calls)
            #expect(expected.count == Dataset.agents.count)
            #expect(CSVReader.rows(try fixture.report(.agents, .csv)) == expected)
            let json = try JSONRows.array(fixture.report(.agents, .json))
            #expect(json.count == expected.count)
            for (row, want) in zip(json, expected) {
                #expect(JSONRows.differences(row, want) == [])
            }
            // An agent rung twice in one call it then answered has handled it once.
            #expect(fixture.calls.contains { call in
                call.agent.map { agent in call.parties.filter { $0.role == "AGENT" && $0.number == agent }.count > 1 } ?? false
            })

            let table = TableText(try fixture.report(.agents, .table))
            #expect(table.lines.allSatisfy { $0.count <= 80 })
            let totals = table.cells(table.totals ?? "")
            let offered = expected.map { Int($0["offered"]!)! }.reduce(0, +)
            let talk = expected.map { Int($0["talk_seconds"]!)! }.reduce(0, +)
            let answered = expected.map { Int($0["answered"]!)! }.reduce(0, +)
            #expect(totals["offered"] == "\(offered)")
            #expect(totals["talk"] == clock("\(talk)"))
            let handle = fixture.calls.flatMap(\.parties).filter { $0.role == "AGENT" && $0.answered }.map { $0.talk + $0.hold + $0.acw }
            #expect(totals["AHT"] == clock(Expected.tenths(handle.reduce(0, +), Int64(answered))))
            #expect(totals["handled"] == "\(fixture.calls.filter { $0.agent != nil }.count)")
            for title in ["offered", "answered", "handled", "talk", "AHT", "ACW", "login", "pause", "avail", "occ"] {
                #expect(table.rightAligned(title), "\(title)")
            }
        }
    }

    @Test func openCallsCountAsTheyStand() throws {
        let calls = Dataset.generate()
        #expect(calls.contains { !$0.complete })
        try withFixture(calls: calls) { fixture in
            let expected = Expected.summary(calls)
            let csv = try fixture.report(.summary, .csv)
            #expect(CSVReader.rows(csv) == [expected])
            #expect(expected["calls"] == "\(calls.count)")
        }
    }
}
