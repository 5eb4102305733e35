import CallStore
import Foundation
import SQLite
@_exported import TestSupport


/// The vendor's two example flows, verbatim from the seed page (dial-out, then dial-in).
let vendorFlowLines: [String] = {
    let url = repositoryRoot.appendingPathComponent("samples/vendor-flows.txt")
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
