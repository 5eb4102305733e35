import CallStore
import Dispatch
import Foundation
import Reports

/// The live view's reads of the database: over a read-only connection of its own, so an ingester's
/// writer connection is never used nor waited for, and on a serial queue of its own, since SQLite
/// calls block and must not hold a thread of the concurrency pool. Each read is one read
/// transaction begun when it runs, so it sees every commit made before it.
public final class FloorReader: @unchecked Sendable {
    // @unchecked: `reports` and `presentWallboard` are used only on `queue`, one read at a time.
    private let reports: CallReports
    private let queue = DispatchQueue(label: "astercdr-floor-reader")
    /// The wallboard's JSON of the present as last read: its second, and what the ingester had
    /// committed then.
    private var presentWallboard: (moment: Int64, commits: Int64, json: String)?

    /// `store`: opened with `.read` access; the reader owns its connection from now on.
    public init(_ store: CallStore) throws(StoreError) {
        reports = try CallReports(store)
    }

    /// The wallboard's JSON of this second. Every screen polls twice a second: those that ask within
    /// the same second, with nothing committed in between, share one read of the floor.
    func wallboardNow() async throws -> String {
        try await read { reports in
            let second = Int64(Date().timeIntervalSince1970)
            let commits = try reports.commitsSeen()
            if let last = self.presentWallboard, last.moment == second, last.commits == commits { return last.json }
            let json = TextBuffer()
            let moment = try reports.writeWallboard(at: nil, to: json)
            self.presentWallboard = (moment, commits, json.text)
            return json.text
        }
    }

    /// Runs `body` on the reader's queue, after the reads queued before it.
    func read<T: Sendable>(_ body: @escaping @Sendable (CallReports) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body(self.reports) }) }
        }
    }
}
