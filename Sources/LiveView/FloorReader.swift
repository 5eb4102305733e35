import CallStore
import Dispatch
import Reports

/// The live view's reads of the database: over a read-only connection of its own, so an ingester's
/// writer connection is never used nor waited for, and on a serial queue of its own, since SQLite
/// calls block and must not hold a thread of the concurrency pool. Each read is one read
/// transaction begun when it runs, so it sees every commit made before it.
public final class FloorReader: @unchecked Sendable {
    // @unchecked: `reports` is used only on `queue`, one read at a time.
    private let reports: CallReports
    private let queue = DispatchQueue(label: "astercdr-floor-reader")

    /// `store`: opened with `.read` access; the reader owns its connection from now on.
    public init(_ store: CallStore) throws(StoreError) {
        reports = try CallReports(store)
    }

    /// Runs `body` on the reader's queue, after the reads queued before it.
    func read<T: Sendable>(_ body: @escaping @Sendable (CallReports) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body(self.reports) }) }
        }
    }
}
