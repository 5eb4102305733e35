import CallStore
import Foundation
import Reports
import SQLite
import Testing
import TestSupport

@Suite struct CallDetailTests {
    func show(_ reports: CallReports, _ id: String, _ format: OutputFormat) throws -> String? {
        let buffer = TextBuffer()
        return try reports.writeCall(id, format: format, to: buffer) ? buffer.text : nil
    }

    @Test func jsonIsOneObjectOfTheRecordItsPartiesAndItsEvents() throws {
        try withVendorFlows { _, reports in
            let json = try JSONRows.object(#require(try show(reports, "efeb7b374a3408b0d0954f30a1504d83", .json)))
            let call = try #require(json["call"] as? [String: Any])
            #expect(call["disposition"] as? String == "answered")
            #expect(call["wait_seconds"] as? Int == 8)
            #expect(call["talk_seconds"] as? Int == 38)
            #expect(call["agent_number"] as? String == "041139735857")
            let parties = try #require(json["parties"] as? [[String: Any]])
            #expect(parties.map { $0["role"] as? String } == ["AGENT", "CALLEE"])
            #expect(parties.map { $0["ring_seconds"] as? Int } == [0, 8])
            let events = try #require(json["events"] as? [[String: Any]])
            #expect(events.count == 7)
            #expect(events.last?["source"] as? String == "CONVERSATION")
        }
    }

    @Test func csvIsThreeTablesAndTheTableReadsAtAGlance() throws {
        try withVendorFlows { _, reports in
            let csv = try #require(try show(reports, "efeb7b374a3408b0d0954f30a1504d83", .csv))
            let blocks = csv.components(separatedBy: "\r\n\r\n")
            #expect(blocks.count == 3)
            #expect(CSVReader.rows(blocks[0] + "\r\n").first?["duration_seconds"] == "46")
            #expect(CSVReader.rows(blocks[1] + "\r\n").map { $0["number"] } == ["041139735857", "0138888888888"])
            #expect(CSVReader.rows(blocks[2]).count == 7)

            let table = try #require(try show(reports, "1f10eab01f5b1b36230b8e91aef34810", .table))
            #expect(table.contains("disposition   answered"))
            #expect(table.contains("2010-01-01 11:11:10  wait 0:03"))
            #expect(table.contains("duration 1:47"))
            #expect(table.contains("time estimated"))
            #expect(table.contains("11:11:07~"))
            #expect(table.split(separator: "\n").allSatisfy { $0.count <= 80 })
        }
    }

    @Test func anOpenSessionShowsItsEventsAndAnUnknownOneIsNotFound() throws {
        try withVendorFlows { _, reports in
            let json = try JSONRows.object(#require(try show(reports, "open1", .json)))
            #expect(json["call"] is NSNull)
            #expect((json["events"] as? [Any])?.count == 1)
            #expect(try show(reports, "open1", .table)?.contains("not assembled yet") == true)
            #expect(try show(reports, "nope' OR '1'='1", .json) == nil)
        }
    }
}
