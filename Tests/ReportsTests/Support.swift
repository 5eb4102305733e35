import CallStore
import Foundation
import Reports
import SQLite
import TestSupport

/// A database of generated calls, opened for reports, and the calls themselves.
struct ReportFixture {
    let calls: [GeneratedCall]
    let reports: CallReports
    let path: String

    init(_ directory: URL, calls: [GeneratedCall] = Dataset.generate()) throws {
        path = directory.appendingPathComponent("cdr.db").path
        try Dataset.write(calls, to: path)
        self.calls = calls
        reports = try CallReports(CallStore(path: path, access: .read, timeZone: nil))
    }

    /// Rows of `SELECT columns FROM rest` as the sqlite3 shell user reads them, keyed by column, NULL as "".
    func rows(_ columns: [String], _ rest: String) throws -> [[String: String]] {
        try Database(path: path, mode: .readOnly).rows("SELECT \(columns.joined(separator: ", ")) FROM \(rest)")
            .map { Dictionary(uniqueKeysWithValues: zip(columns, $0.map { $0 ?? "" })) }
    }

    func report(_ kind: ReportKind, serviceLevel: Int = 20, _ format: OutputFormat) throws -> String {
        try report(kind, CallFilter(), serviceLevel: serviceLevel, format)
    }

    func report(_ kind: ReportKind, _ filter: CallFilter, serviceLevel: Int = 20, _ format: OutputFormat) throws -> String {
        let buffer = TextBuffer()
        try reports.writeReport(kind, filter: filter, serviceLevel: serviceLevel, format: format, to: buffer)
        return buffer.text
    }

    func listing(_ filter: CallFilter = CallFilter(), limit: Int? = nil, _ format: OutputFormat = .json) throws -> String {
        let buffer = TextBuffer()
        try reports.writeCalls(filter: filter, limit: limit, format: format, to: buffer)
        return buffer.text
    }

    /// The sessionids `calls` lists, in its order.
    func listed(_ filter: CallFilter, limit: Int? = nil) throws -> [String] {
        try JSONRows.array(listing(filter, limit: limit)).map { $0["sessionid"] as! String }
    }
}

func withFixture<T>(calls: [GeneratedCall] = Dataset.generate(), _ body: (ReportFixture) throws -> T) throws -> T {
    try withTemporaryDirectory { try body(ReportFixture($0, calls: calls)) }
}


/// The vendor's two flows, written through EventWriter as an ingest writes them, plus one
/// session that has an event but no hangup yet; `body` gets the database's path and its reports.
func withVendorFlows<T>(_ body: (String, CallReports) throws -> T) throws -> T {
    try withTemporaryDirectory { dir in
        let path = dir.appendingPathComponent("cdr.db").path
        let store = try CallStore(path: path, access: .create, timeZone: "Asia/Shanghai")
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("samples/vendor-flows.txt"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
            + ["sessionid=open1&source=AGENT&event=ringing&activenum=1001&uniqueid=9&eventTime=2026-11-02 09:00:00&from=dialin"]
        try EventWriter(store: store).ingest(lines, receivedMillis: 1_793_581_200_000)
        return try body(path, CallReports(CallStore(path: path, access: .read, timeZone: nil)))
    }
}
