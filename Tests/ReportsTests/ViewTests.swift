import Foundation
import Reports
import Testing

/// The views of migration 0002 give the sqlite3 shell user the figures `astercdr report` gives.
@Suite struct ViewTests {
    static let summaryColumns = [
        "calls", "answered", "abandoned", "unanswered", "answer_rate", "asa_seconds", "avg_abandon_seconds",
        "service_level", "service_level_answered", "avg_talk_seconds", "aht_seconds", "total_talk_seconds", "total_acw_seconds", "max_wait_seconds",
    ]

    @Test func summariesByDayAndHourMatchTheGeneratedCalls() throws {
        try withFixture { fixture in
            let days = try fixture.rows(["day"] + Self.summaryColumns, "call_summary_by_day ORDER BY day")
            let expected = Expected.daily(fixture.calls, dates: ["2026-11-01", "2026-11-02", "2026-11-03"]).map { row in
                row.filter { $0.key != "date" }.merging(["day": row["date"]!]) { $1 }
            }
            #expect(days == expected)

            let hours = try fixture.rows(["hour"] + Self.summaryColumns, "call_summary_by_hour WHERE day = '2026-11-02' ORDER BY hour")
            let wanted = Expected.hourly(fixture.calls.filter { $0.start.hasPrefix("2026-11-02") }).filter { $0["calls"] != "0" }
            #expect(hours == wanted)
        }
    }

    @Test func agentDaysAndAgentPartiesMatchTheParties() throws {
        try withFixture { fixture in
            // The dataset has calls but no events: no time has passed, so the time figures are 0.
            let columns = ["agent", "offered", "answered", "missed", "handled", "talk_seconds", "avg_talk_seconds", "hold_seconds",
                           "avg_ring_seconds", "acw_seconds", "aht_seconds", "login_seconds", "pause_seconds", "available_seconds", "occupancy"]
            for day in ["2026-11-01", "2026-11-02", "2026-11-03"] {
                let rows = try fixture.rows(columns, "agent_days WHERE day = '\(day)' ORDER BY CAST(agent AS INTEGER)")
                #expect(rows == Expected.agents(fixture.calls.filter { $0.start.hasPrefix(day) }))
            }
            let parties = try fixture.rows(["sessionid", "role", "answered", "handled"], "agent_parties WHERE agent = '1004'")
            let wanted = fixture.calls.flatMap { call in
                call.parties.filter { $0.number == "1004" }.map { _ in call.sessionid }
            }
            #expect(parties.map { $0["sessionid"]! }.sorted() == wanted.sorted())
            #expect(parties.filter { $0["handled"] == "1" }.count >= fixture.calls.filter { $0.agent == "1004" }.count)
        }
    }

    @Test func openCallsListIncompleteRecordsAndSessionsNotYetAssembled() throws {
        try withFixture { fixture in
            let open = try fixture.rows(["sessionid", "state"], "open_calls")
            #expect(Set(open.map { $0["sessionid"]! }) == Set(fixture.calls.filter { !$0.complete }.map(\.sessionid)))
            #expect(open.allSatisfy { $0["state"] == "incomplete" })
        }
        try withVendorFlows { path, _ in
            let statement = try SQLite.Database(path: path, mode: .readOnly).prepare("SELECT sessionid, state, event_count FROM open_calls")
            #expect(try statement.step())
            #expect(statement.text(at: 0) == "open1")
            #expect(statement.text(at: 1) == "not assembled")
            #expect(statement.int64(at: 2) == 1)
            #expect(try !statement.step())
        }
    }
}

import SQLite
