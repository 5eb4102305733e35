import Foundation
import Reports
import Testing

@Suite struct FilterTests {
    /// Each filter alone, against the calls the test chose, in the listing's order.
    @Test func eachFilterAloneListsExactlyItsCalls() throws {
        try withFixture { fixture in
            let calls = fixture.calls
            let customer = calls.map(\.customer).first { number in calls.filter { $0.customer == number }.count > 2 }!
            let cases: [(CallFilter, (GeneratedCall) -> Bool)] = [
                (try CallFilter(agent: "1003"), { $0.parties.contains { ["AGENT", "CONSULT"].contains($0.role) && $0.number == "1003" } }),
                (try CallFilter(agent: "2001"), { $0.parties.contains { $0.role == "CONSULT" } }),
                (try CallFilter(number: customer), { $0.customer == customer }),
                (try CallFilter(direction: "dialin"), { $0.direction?.lowercased() == "dialin" }),
                (try CallFilter(direction: "DIALOUT"), { $0.direction == "dialout" }),
                (try CallFilter(disposition: "agent_no_answer"), { $0.disposition == "agent_no_answer" }),
                (try CallFilter(team: "20"), { $0.team == "20" }),
                (try CallFilter(team: "Team \"A\", east"), { $0.team == "Team \"A\", east" }),
                (try CallFilter(group: "101"), { $0.group == "101" }),
                (try CallFilter(campaign: "12"), { $0.campaign == "12" }),
                (try CallFilter(did: "800888"), { $0.did == "800888" }),
            ]
            for (filter, matches) in cases {
                let wanted = Expected.newestFirst(calls.filter(matches))
                #expect(!wanted.isEmpty)
                #expect(try fixture.listed(filter) == wanted, "\(filter)")
                #expect(CSVReader.rows(try fixture.report(.summary, filter, .csv)) == [Expected.summary(calls.filter(matches))], "\(filter)")
            }
        }
    }

    @Test func filtersCombineWithAnd() throws {
        try withFixture { fixture in
            let calls = fixture.calls
            let filter = try CallFilter(from: "2026-11-02", to: "2026-11-03", direction: "dialin", team: "3")
            let matches = calls.filter {
                $0.start >= "2026-11-02 00:00:00" && $0.start < "2026-11-04 00:00:00" && $0.isDialin && $0.team == "3"
            }
            #expect(matches.count > 5)
            #expect(try fixture.listed(filter) == Expected.newestFirst(matches))
            #expect(CSVReader.rows(try fixture.report(.summary, filter, .csv)) == [Expected.summary(matches)])
            #expect(CSVReader.rows(try fixture.report(.groups, filter, .csv))
                == Expected.grouped(matches, keys: ["group_id"]) { [$0.group] })

            let agentAnswered = try CallFilter(agent: "1002", disposition: "answered")
            let theirs = calls.filter { call in call.answered && call.parties.contains { $0.number == "1002" } }
            #expect(try fixture.listed(agentAnswered) == Expected.newestFirst(theirs))
            // With --agent, the agents report keeps that agent's row only.
            #expect(CSVReader.rows(try fixture.report(.agents, agentAnswered, .csv)) == Expected.agents(theirs, only: "1002"))
        }
    }

    @Test func fromIsInclusiveToIsExclusiveAndADateOnlyToTakesTheWholeDay() throws {
        try withFixture { fixture in
            func listed(_ from: String?, _ to: String?) throws -> Set<String> {
                let ids = try fixture.listed(CallFilter(from: from, to: to))
                return Set(ids.map { id in fixture.calls.first { $0.sessionid == id }!.start })
                    .filter { ["2026-11-01 23:59:59", "2026-11-02 00:00:00", "2026-11-02 12:00:00", "2026-11-02 23:59:59", "2026-11-03 00:00:00"].contains($0) }
            }
            #expect(try listed("2026-11-02", nil) == ["2026-11-02 00:00:00", "2026-11-02 12:00:00", "2026-11-02 23:59:59", "2026-11-03 00:00:00"])
            #expect(try listed("2026-11-01 23:59:59", "2026-11-02 00:00:00") == ["2026-11-01 23:59:59"])
            #expect(try listed("2026-11-02", "2026-11-02 12:00:00") == ["2026-11-02 00:00:00"])
            #expect(try listed("2026-11-02", "2026-11-02") == ["2026-11-02 00:00:00", "2026-11-02 12:00:00", "2026-11-02 23:59:59"])
            #expect(try listed(nil, "2026-11-02 23:59:59") == ["2026-11-01 23:59:59", "2026-11-02 00:00:00", "2026-11-02 12:00:00"])

            let day = fixture.calls.filter { $0.start.hasPrefix("2026-11-02") }
            let filter = try CallFilter(from: "2026-11-02", to: "2026-11-02")
            #expect(CSVReader.rows(try fixture.report(.summary, filter, .csv)) == [Expected.summary(day)])
            #expect(CSVReader.rows(try fixture.report(.hourly, filter, .csv)) == Expected.hourly(day))
        }
    }

    @Test func anEmptyRangeGivesZeroCountsAndNoAverages() throws {
        try withFixture { fixture in
            let empty = try CallFilter(from: "2027-01-01", to: "2027-01-02")
            let zero = Expected.summary([])
            #expect(zero["answer_rate"] == "" && zero["max_wait_seconds"] == "" && zero["total_talk_seconds"] == "0")
            #expect(CSVReader.rows(try fixture.report(.summary, empty, .csv)) == [zero])
            #expect(try fixture.report(.summary, empty, .csv).hasSuffix("\r\n0,0,0,0,,,,,,,,0,0,\r\n"))
            let json = try JSONRows.array(fixture.report(.summary, empty, .json))
            #expect(json.count == 1 && JSONRows.differences(json[0], zero).isEmpty)
            #expect(json[0]["asa_seconds"] is NSNull)
            let table = try fixture.report(.summary, empty, .table)
            #expect(table.contains("average talk") && table.split(separator: "\n").filter { $0.hasSuffix(" -") }.count == 8)

            for kind in [ReportKind.teams, .groups, .campaigns, .dids, .agents] {
                #expect(try JSONRows.array(fixture.report(kind, empty, .json)).isEmpty)
                #expect(CSVReader.records(try fixture.report(kind, empty, .csv)).count == 1)
                #expect(TableText(try fixture.report(kind, empty, .table)).totals?.contains("total") == true)
            }
            #expect(CSVReader.rows(try fixture.report(.hourly, empty, .csv)) == Expected.hourly([]))
            #expect(CSVReader.rows(try fixture.report(.daily, empty, .csv)) == Expected.daily([], dates: ["2027-01-01", "2027-01-02"]))
            #expect(try fixture.listed(empty).isEmpty)
            #expect(try fixture.listing(empty, .table).contains("(no calls match)"))
        }
    }

    @Test func aValueHoldingQuotesAndSQLMatchesNothingAndBreaksNothing() throws {
        try withFixture { fixture in
            for value in ["x' OR 1=1 --", "1001' --", "\"; DROP TABLE calls; --", "%", "1001%"] {
                let filters = [
                    try CallFilter(agent: value), try CallFilter(number: value), try CallFilter(team: value),
                    try CallFilter(group: value), try CallFilter(campaign: value), try CallFilter(did: value),
                ]
                for filter in filters {
                    #expect(try fixture.listed(filter).isEmpty)
                    #expect(CSVReader.rows(try fixture.report(.summary, filter, .csv)) == [Expected.summary([])])
                    #expect(try JSONRows.array(fixture.report(.agents, filter, .json)).isEmpty)
                }
            }
            #expect(try fixture.listed(CallFilter()).count == fixture.calls.count)
        }
    }

    @Test func theListingIsNewestFirstAndStopsAtItsLimit() throws {
        try withFixture { fixture in
            let newest = Expected.newestFirst(fixture.calls)
            #expect(try fixture.listed(CallFilter(), limit: 5) == Array(newest.prefix(5)))
            #expect(try CSVReader.rows(fixture.listing(CallFilter(), limit: 3, .csv)).map { $0["sessionid"]! } == Array(newest.prefix(3)))
            let table = try fixture.listing(CallFilter(), limit: 4, .table)
            #expect(TableText(table).body.count == 4)
            #expect(table.contains("(the 4 newest shown; --limit N shows more, --limit 0 all)"))
            #expect(!(try fixture.listing(CallFilter(), limit: fixture.calls.count, .table)).contains("newest shown"))
        }
    }

    @Test func theListingHasEveryCallsColumnTypedAsStored() throws {
        try withFixture { fixture in
            let rows = try JSONRows.array(fixture.listing(CallFilter(), limit: 1))
            #expect(Array(rows[0].keys).sorted() == [
                "acw_seconds", "agent", "agent_number", "agents_rung", "answer_epoch", "answer_time", "assembled_at", "complete", "customer_number",
                "did", "direction", "disposition", "duration_seconds", "end_epoch", "end_time", "event_count", "group_id",
                "hangup_by", "hold_seconds", "model_id", "modeltype", "sessionid", "start_epoch", "start_time",
                "talk_seconds", "team_id", "wait_seconds",
            ])
            let call = fixture.calls.first { $0.sessionid == rows[0]["sessionid"] as? String }!
            #expect(rows[0]["wait_seconds"] as? Int == Int(call.wait))
            #expect(rows[0]["customer_number"] as? String == call.customer)
            // Identifiers are text, as sent, even when they look like numbers.
            let teams = try JSONRows.array(fixture.report(.teams, .json))
            #expect(teams.contains { $0["team_id"] as? String == "3" })

            let csv = try fixture.listing(CallFilter(team: "Team \"A\", east"), .csv)
            #expect(csv.contains(",\"Team \"\"A\"\", east\","))
            #expect(CSVReader.rows(csv).allSatisfy { $0["team_id"] == "Team \"A\", east" })
            let table = try fixture.listing(CallFilter(), .table)
            let open = fixture.calls.contains { !$0.complete }
            #expect(table.contains("* still open") == open)
        }
    }
}
