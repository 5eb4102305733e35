import CallStore
import Foundation
import SQLite

/// A fresh folder for one test's files, removed afterwards.
func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("astercdr-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try body(directory)
}

/// The vendor's two example flows, verbatim from the seed page (dial-out, then dial-in).
let vendorFlowLines: [String] = {
    let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("samples/vendor-flows.txt")
    let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").map(String.init)
}()

extension EventWriter {
    /// Stores `lines` as one batch received at `millis`.
    @discardableResult
    func ingest(_ lines: [String], origin: String = "test", receivedMillis: Int64 = 1_764_046_800_000) throws -> IngestCounts {
        try begin()
        for line in lines {
            var bytes = Array(line.utf8)
            try bytes.withUnsafeMutableBytes { try record(UnsafeRawBufferPointer($0), origin: origin, received: Received(millis: receivedMillis)) }
        }
        return try commit()
    }

    func ingest(bytes: [UInt8], origin: String = "test") throws {
        try begin()
        try bytes.withUnsafeBytes { try record($0, origin: origin, received: Received(millis: 1_764_046_800_000)) }
        try commit()
    }
}

extension Database {
    /// Every row of `sql`, each column as text (NULL as nil).
    func rows(_ sql: String) throws -> [[String?]] {
        let statement = try prepare(sql)
        var rows: [[String?]] = []
        while try statement.step() {
            rows.append((0..<statement.columnCount).map { statement.text(at: $0) })
        }
        return rows
    }
}
