@testable import Reports
import Testing

@Suite struct FormattingTests {
    @Test func durationsReadAsMinutesAndSecondsThenHours() {
        #expect(Clock.text(seconds: 0) == "0:00")
        #expect(Clock.text(seconds: 9) == "0:09")
        #expect(Clock.text(seconds: 75) == "1:15")
        #expect(Clock.text(seconds: 3599) == "59:59")
        #expect(Clock.text(seconds: 3600) == "1:00:00")
        #expect(Clock.text(seconds: 36_061) == "10:01:01")
        #expect(Clock.text(seconds: -5) == "-0:05")
        #expect(Clock.text(tenths: 124) == "0:12")
        #expect(Clock.text(tenths: 125) == "0:13")
        #expect(Clock.text(tenths: 35_995) == "1:00:00")
    }

    @Test func averagesAndRatesRoundHalfUpToOneDecimal() {
        #expect(Tenths.ratio(49, 4) == 123)        // 12.25
        #expect(Tenths.ratio(43, 20) == 22)        // 2.15, not 2.1 through a binary fraction
        #expect(Tenths.ratio(1, 3) == 3)
        #expect(Tenths.ratio(2, 3) == 7)
        #expect(Tenths.ratio(5, 0) == nil)
        #expect(Tenths.percent(1, of: 8) == 125)
        #expect(Tenths.percent(2, of: 3) == 667)
        #expect(Tenths.percent(0, of: 0) == nil)
        #expect(Tenths.text(125) == "12.5")
        #expect(Tenths.text(0) == "0.0")
        #expect(Tenths.text(1000) == "100.0")
        #expect(Tenths.text(-5) == "-0.5")
    }

    @Test func csvQuotesOnlyWhatNeedsIt() {
        #expect(CSV.record(["a", "b c", ""]) == "a,b c,\r\n")
        #expect(CSV.field("x,y") == "\"x,y\"")
        #expect(CSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSV.field("two\nlines") == "\"two\nlines\"")
        #expect(CSV.field("cr\r") == "\"cr\r\"")
        #expect(CSV.field("中文") == "中文")
        #expect(CSVReader.records(CSV.record(["a,\"b\"", "c\r\nd", ""]) + CSV.record(["e"])) == [["a,\"b\"", "c\r\nd", ""], ["e"]])
    }

    @Test func jsonRowsHoldTextsAndNumbersAsTheyAre() throws {
        let row: [ReportValue] = [.text("x' OR \"1\"=\"1"), .integer(42), .tenths(125), .null]
        let columns = [Column("a", .text), Column("b", .number), Column("c", .percent), Column("d", .seconds)]
        let decoded = try JSONRows.object(JSONRowWriter.object(columns, row))
        #expect(decoded["a"] as? String == "x' OR \"1\"=\"1")
        #expect(decoded["b"] as? Int == 42)
        #expect(decoded["c"] as? Double == 12.5)
        #expect(decoded["d"] is NSNull)
    }

    @Test func tableColumnsAlignAndFallBackToOneSpaceWhenTwoWouldNotFit() {
        let layout = TableLayout(headers: ["agent", "calls"], alignments: [.left, .right], rows: [["1001", "7"], ["1002", "12345"]])
        #expect(layout.line(["agent", "calls"]) == "agent  calls")
        #expect(layout.line(["1001", "7"]) == "1001       7")
        #expect(layout.rule() == "-----  -----")
        #expect(layout.line(["x", ""]) == "x")
        let wide = TableLayout(headers: [String(repeating: "a", count: 40), String(repeating: "b", count: 39)], alignments: [.left, .left], rows: [])
        #expect(wide.separator == " ")
        #expect(wide.width == 80)
    }

    @Test func cellsReadAsASupervisorExpects() {
        #expect(TableCell.text(.null, .averageSeconds) == "-")
        #expect(TableCell.text(.integer(3725), .seconds) == "1:02:05")
        #expect(TableCell.text(.tenths(875), .percent) == "87.5%")
        #expect(TableCell.text(.tenths(169), .averageSeconds) == "0:17")
        #expect(TableCell.text(.integer(12), .number) == "12")
        #expect(TableCell.text(.text("tab\there"), .text) == "tab here")
    }

    @Test func barsScaleToTheLargestAndShowTheAnsweredShare() {
        #expect(Bar.text(part: 10, total: 10, largest: 10, width: 10) == String(repeating: "█", count: 10))
        #expect(Bar.text(part: 5, total: 10, largest: 10, width: 10) == String(repeating: "█", count: 5) + String(repeating: "░", count: 5))
        #expect(Bar.text(part: 0, total: 5, largest: 10, width: 10) == String(repeating: "░", count: 5))
        #expect(Bar.text(part: 1, total: 1, largest: 1000, width: 20) == "█")
        #expect(Bar.text(part: 0, total: 1, largest: 1000, width: 20) == "░")
        #expect(Bar.text(part: 0, total: 0, largest: 10, width: 10) == "")
    }

    @Test func chartAxesStepAsAPersonCounts() {
        let axes = [(37, Column.Kind.number), (0, .number), (1200, .number), (3425, .seconds), (40, .seconds), (200_000, .seconds), (0, .percent)]
            .map { ChartAxis(largest: Int64($0.0), kind: $0.1) }
        #expect(axes.map(\.step) == [10, 1, 500, 900, 10, 72_000, 200])
        #expect(axes.map(\.top) == [40, 1, 1500, 3600, 40, 216_000, 1000])
        #expect(axes[3].ticks == [0, 900, 1800, 2700, 3600])
    }

    @Test func htmlEscapingLeavesTextAsText() {
        #expect(HTMLEscape.text("<a href=\"x\">Tom & 'Jerry'</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
        #expect(HTMLEscape.text("tab\there\nand 中文") == "tab\there\nand 中文")
        // Not even a reference to these is XML: they are replaced.
        #expect(HTMLEscape.text("a\u{0}b\u{1B}c\u{FFFF}") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}")
    }
}

import Foundation
