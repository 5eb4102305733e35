import CallStore

extension EventWriter {
    /// Stores `lines` as one batch received at `millis`.
    @discardableResult
    public func ingest(_ lines: [String], origin: String = "test", receivedMillis: Int64 = 1_764_046_800_000) throws -> IngestCounts {
        try begin()
        for line in lines {
            var bytes = Array(line.utf8)
            try bytes.withUnsafeMutableBytes { try record(UnsafeRawBufferPointer($0), origin: origin, received: Received(millis: receivedMillis)) }
        }
        return try commit()
    }

    public func ingest(bytes: [UInt8], origin: String = "test") throws {
        try begin()
        try bytes.withUnsafeBytes { try record($0, origin: origin, received: Received(millis: 1_764_046_800_000)) }
        try commit()
    }
}
