@testable import Reports
import Testing

@Suite struct FilterParsingTests {
    @Test func datesAndTimesBecomeStartTimeBounds() throws {
        let day = try CallFilter(from: "2026-11-02", to: "2026-11-02")
        #expect(day.startFrom == "2026-11-02 00:00:00")
        #expect(day.startBefore == "2026-11-03 00:00:00")
        let times = try CallFilter(from: "2026-11-02 08:30:00", to: "2026-11-02 09:00:00")
        #expect(times.startFrom == "2026-11-02 08:30:00")
        #expect(times.startBefore == "2026-11-02 09:00:00")
        #expect(try CallFilter(to: "2026-11-30").startBefore == "2026-12-01 00:00:00")
        #expect(try CallFilter(to: "2026-12-31").startBefore == "2027-01-01 00:00:00")
        #expect(try CallFilter(to: "2028-02-28").startBefore == "2028-02-29 00:00:00")
        #expect(try CallFilter(to: "2026-02-28").startBefore == "2026-03-01 00:00:00")
        #expect(try CallFilter(to: "9999-12-31").startBefore == nil)
        #expect(try CallFilter(from: " 2026-11-02 ").startFrom == "2026-11-02 00:00:00")
    }

    @Test(arguments: ["2026-13-01", "2026-02-30", "2026-11-02 24:00:00", "2026-11-02T08:00:00", "2026-11-2", "yesterday", "", "2026-11-02 08:00", "0000-00-00 00:00:00"])
    func aBadTimeIsAUsageErrorNamingTheOption(text: String) {
        #expect(throws: FilterError.notATime(option: "--from", value: text)) { try CallFilter(from: text) }
        #expect(throws: FilterError.notATime(option: "--to", value: text)) { try CallFilter(to: text) }
    }

    @Test func messagesSayWhatIsWrongAndWhatToUse() {
        #expect(FilterError.notATime(option: "--from", value: "2026-13-01").description
            == "--from: '2026-13-01' is not a date (use YYYY-MM-DD or \"YYYY-MM-DD HH:MM:SS\", a real time in the years 0001–9999)")
        #expect(throws: FilterError.notOneOf(option: "--direction", value: "inbound", noun: "a direction", allowed: ["dialin", "dialout"])) {
            try CallFilter(direction: "inbound")
        }
        #expect(FilterError.notOneOf(option: "--direction", value: "inbound", noun: "a direction", allowed: ["dialin", "dialout"]).description
            == "--direction: 'inbound' is not a direction (use dialin or dialout)")
        do {
            _ = try CallFilter(disposition: "lost")
            Issue.record("an unknown disposition was accepted")
        } catch {
            #expect(error.description == "--disposition: 'lost' is not a disposition (use answered, abandoned, no_answer, agent_no_answer, failed or unknown)")
        }
        #expect(throws: FilterError.empty(option: "--agent")) { try CallFilter(agent: "") }
        #expect(FilterError.empty(option: "--team").description == "--team: the value is empty")
    }

    @Test func choicesIgnoreCase() throws {
        #expect(try CallFilter(direction: "DialIn").direction == .dialin)
        #expect(try CallFilter(disposition: "NO_ANSWER").disposition == .noAnswer)
    }

    @Test func everyValueIsAParameterNeverSQLText() throws {
        let filter = try CallFilter(
            from: "2026-11-01", to: "2026-11-02", agent: "a'", number: "n'", direction: "dialin", disposition: "answered",
            team: "t'", group: "g'", campaign: "c'", did: "d'")
        var parameters = SQLParameters()
        let sql = filter.whereClause(on: "c", &parameters)
        #expect(!sql.contains("'2026") && !sql.contains("a'") && !sql.contains("dialin"))
        #expect(sql.contains("?10"))
    }
}
