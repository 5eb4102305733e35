import CallEvents
import CallStore
import Foundation
import Reports
import Testing
import TestSupport

/// `--format html`: one page that parses as XML, fetches nothing, holds the figures of
/// `--format json` cell by cell, and draws charts whose bars stand as high as their figures.
@Suite struct HTMLReportTests {
    func page(_ text: String) throws -> HTMLElement {
        #expect(text.hasPrefix("<!DOCTYPE html>\n"))
        return try HTMLDocument.parse(text)
    }

    func report(_ fixture: ReportFixture, _ kind: ReportKind, _ filter: CallFilter = CallFilter(), target: Int = 80) throws -> HTMLElement {
        let buffer = TextBuffer()
        try fixture.reports.writeReport(kind, filter: filter, serviceLevelTarget: target, format: .html, to: buffer)
        return try page(buffer.text)
    }

    @Test(arguments: ReportKind.allCases)
    func theTableHoldsTheFiguresOfJSON(kind: ReportKind) throws {
        try withFixture { fixture in
            let json = try JSONRows.array(fixture.report(kind, .json))
            let rows = HTMLReport.rows(try report(fixture, kind))
            #expect(rows.count == json.count && !json.isEmpty)
            for (index, (row, want)) in zip(rows, json).enumerated() {
                #expect(HTMLReport.differences(row, want) == [], "row \(index)")
            }
        }
    }

    @Test func theListingHoldsTheFiguresOfJSON() throws {
        try withFixture { fixture in
            let json = try JSONRows.array(fixture.listing(limit: 80, .json))
            let html = try page(fixture.listing(limit: 80, .html))
            let rows = HTMLReport.rows(html)
            #expect(rows.count == 80 && json.count == 80)
            for (row, want) in zip(rows, json) {
                #expect(HTMLReport.differences(row, want) == [], "\(want["sessionid"] ?? "")")
            }
            #expect(html.all("p").contains { $0.text == "(the 80 newest shown; --limit N shows more, --limit 0 all)" })
            #expect(html.all("svg").isEmpty)
        }
    }

    @Test func groupedReportsTotalTheWholeRange() throws {
        try withFixture { fixture in
            let summary = try JSONRows.array(fixture.report(.summary, .json))[0]
            for kind in [ReportKind.teams, .groups, .hourly, .daily] {
                let totals = try #require(HTMLReport.totals(report(fixture, kind)))
                #expect(totals["calls"]?.value == "\(summary["calls"]!)")
                #expect(totals["aht_seconds"]?.value == "\(summary["aht_seconds"]!)")
            }
        }
    }

    /// Nothing fetched: no script, no stylesheet, image or frame from elsewhere, no URL in the styles.
    @Test(arguments: ReportKind.allCases)
    func everyPageStandsAlone(kind: ReportKind) throws {
        try withFixture { fixture in
            let buffer = TextBuffer()
            try fixture.reports.writeReport(kind, filter: CallFilter(), format: .html, to: buffer)
            let html = try page(buffer.text)
            #expect(html.name == "html")
            let fetching: Set = ["script", "link", "img", "iframe", "object", "embed", "image", "use"]
            #expect(html.descendants.allSatisfy { !fetching.contains($0.name) && $0["src"] == nil && $0["href"] == nil })
            let style = html.all("style").map(\.text).joined()
            #expect(!style.isEmpty && !style.contains("url(") && !style.contains("@import"))
        }
    }

    @Test func theHourlyChartHasABarPerHourAsHighAsItsCalls() throws {
        try withFixture { fixture in
            let json = try JSONRows.array(fixture.report(.hourly, .json))
            let chart = SVGChart(try #require(report(fixture, .hourly).chart("chart-calls")))
            #expect(chart.groups.count == 24)
            #expect(chart.perUnit > 0)
            for (group, row) in zip(chart.groups, json) {
                let calls = (row["calls"] as! NSNumber).doubleValue, answered = (row["answered"] as! NSNumber).doubleValue
                #expect(group["data-key"] == row["hour"] as? String)
                let solid = try #require(chart.bar(group, "answered")), rest = try #require(chart.bar(group, "not_answered"))
                #expect(Double(solid["data-value"]!) == answered)
                #expect(chart.isProportional(solid, answered), "\(row["hour"]!): \(solid["height"]!) for \(answered)")
                #expect(chart.isProportional(rest, calls - answered), "\(row["hour"]!): \(rest["height"]!) for \(calls - answered)")
                // Stacked: answered on the baseline, the rest on top of it.
                #expect(abs(Double(solid["y"]!)! + Double(solid["height"]!)! - chart.baseline) < 1e-9)
                #expect(abs(Double(rest["y"]!)! + Double(rest["height"]!)! - Double(solid["y"]!)!) < 1e-9)
            }
        }
    }

    @Test func theDailyChartHasABarPerDateOfTheRange() throws {
        try withFixture { fixture in
            let range = try CallFilter(from: "2026-10-31", to: "2026-11-03")
            let json = try JSONRows.array(fixture.report(.daily, range, .json))
            #expect(json.count == 4)
            let chart = SVGChart(try #require(report(fixture, .daily, range).chart("chart-calls")))
            #expect(chart.groups.map { $0["data-key"] } == json.map { $0["date"] as? String })
            for (group, row) in zip(chart.groups, json) {
                let calls = (row["calls"] as! NSNumber).doubleValue, answered = (row["answered"] as! NSNumber).doubleValue
                #expect(chart.isProportional(try #require(chart.bar(group, "answered")), answered))
                #expect(chart.isProportional(try #require(chart.bar(group, "not_answered")), calls - answered))
            }
            // The quiet day has its place, with bars of no height.
            #expect(chart.groups[0].all("rect").allSatisfy { $0["height"] == "0.0" })
        }
    }

    @Test func theAgentsChartHasTalkACWAndAvailableSideBySide() throws {
        let series = ["talk_seconds", "acw_seconds", "available_seconds"]
        try withFixture { fixture in
            let json = try JSONRows.array(fixture.report(.agents, .json))
            let chart = SVGChart(try #require(report(fixture, .agents).chart("chart-agents-time")))
            #expect(chart.groups.map { $0["data-key"] } == json.map { $0["agent"] as? String })
            for group in chart.groups {
                #expect(group.all("rect").map { $0["data-series"] } == series)
                let x = group.all("rect").map { Double($0["x"]!)! }
                #expect(x == x.sorted() && Set(x).count == 3)
            }
        }
        // The hand-worked shift: talk 120 s, ACW 50 s, available 3,425 s.
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("cdr.db").path
            try EventWriter(store: CallStore(path: path, access: .create, timeZone: "UTC")).ingest(AgentShift.lines)
            let buffer = TextBuffer()
            try CallReports(CallStore(path: path, access: .read, timeZone: nil)).writeReport(.agents, filter: CallFilter(), format: .html, to: buffer)
            let chart = SVGChart(try #require(page(buffer.text).chart("chart-agents-time")))
            let group = try #require(chart.groups.first)
            for (name, seconds) in zip(series, [120.0, 50, 3425]) {
                let bar = try #require(chart.bar(group, name))
                #expect(bar["data-value"] == "\(Int(seconds))")
                #expect(chart.isProportional(bar, seconds), "\(name): \(bar["height"]!)")
            }
        }
    }

    @Test(arguments: [80, 50])
    func theServiceLevelIsDrawnAgainstItsTarget(target: Int) throws {
        try withFixture { fixture in
            for kind in [ReportKind.summary, .hourly, .daily] {
                let json = try JSONRows.array(fixture.report(kind, .json))
                let chart = SVGChart(try #require(report(fixture, kind, target: target).chart("chart-service-level")))
                let line = try #require(chart.svg.all("line").first { $0.classes.contains("target") })
                #expect(line["data-value"] == "\(target).0")
                #expect(abs(Double(line["y1"]!)! - chart.y(Double(target))) <= 0.05, "\(kind)")
                #expect(line["y1"] == line["y2"])
                #expect(chart.svg.all("text").contains { $0.text == "target \(target).0%" })
                #expect(chart.groups.count == json.count)
                for (group, row) in zip(chart.groups, json) {
                    let bars = group.all("rect")
                    guard let level = row["service_level"] as? NSNumber else {
                        #expect(bars.isEmpty)
                        continue
                    }
                    #expect(bars.count == 1 && chart.isProportional(bars[0], level.doubleValue), "\(kind) \(level)")
                }
            }
        }
    }

    /// A team id or customer number is text: shown as written, never taken for markup.
    @Test func valuesAreTextNeverMarkup() throws {
        let hostile = "<script>alert(1)</script>&\"'"
        var calls = Dataset.generate(count: 30)
        calls[7].team = hostile
        calls[7].customer = "</td><b>&amp;"
        try withFixture(calls: calls) { fixture in
            let pages = [
                try report(fixture, .teams),
                try report(fixture, .summary, try CallFilter(team: hostile)),
                try page(fixture.listing(CallFilter(), .html)),
            ]
            for html in pages {
                #expect(html.descendants.allSatisfy { $0.name != "script" && $0.name != "b" })
            }
            #expect(HTMLReport.rows(pages[0]).contains { $0["team_id"]?.shown == hostile })
            #expect(pages[1].all("p").contains { $0.text == "Calls team \(hostile)." })
            let listed = HTMLReport.rows(pages[2])
            #expect(listed.contains { $0["team_id"]?.shown == hostile && $0["customer_number"]?.shown == "</td><b>&amp;" })
            let text = try fixture.listing(CallFilter(), .html)
            #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;"))
            #expect(!text.contains("<script"))
        }
    }
}
