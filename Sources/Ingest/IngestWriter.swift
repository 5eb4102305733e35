import CallStore
import Foundation

/// The one writer of an ingesting process. Sources hand it deliveries; a thread of its own stores
/// them, many deliveries to a transaction (group commit), and each source is answered only after
/// the commit that made its events durable.
///
/// A transaction takes what is queued and commits as soon as the queue is empty, so input that
/// pauses is committed at once; while deliveries keep coming, it commits after 100 ms of work.
/// SPEC 4.1 allows a bulk read up to a second, but measured here larger transactions are slower
/// (their dirty pages outgrow the page cache) and grow the memory with them.
///
/// SQLite calls block, so they run on this dedicated thread rather than on the concurrency pool.
public final class IngestWriter: @unchecked Sendable {
    // @unchecked: `writer` is used only on the writer thread; everything else is guarded by `condition`.
    private let writer: EventWriter
    private let batchEvents: Int
    static let budget: TimeInterval = 0.1
    private let staleCheckInterval: TimeInterval?
    private let condition = NSCondition()
    private var queue: [(Delivery, PendingDelivery)] = []
    /// The events of `queue`.
    private var queuedEvents = 0
    private let metrics: IngestMetrics
    /// Reads a source needs before it starts (its cursor), run on the writer thread between batches.
    private var lookups: [(EventWriter) -> Void] = []
    private var finishing = false
    private var assembleStaleAtFinish = false
    private var finished = false
    private var finishWaiters: [CheckedContinuation<IngestCounts, Never>] = []
    private var committed = IngestCounts()
    /// Resumable sources whose delivery failed: their later deliveries would move the cursor past
    /// the lost events, so they fail too until the source reads its stored cursor again.
    private var failedOrigins: Set<String> = []

    /// Starts the writer thread. `batchEvents`: at most this many events to a transaction (the
    /// 100 ms budget bounds it first; tests set a small one). `staleCheckInterval`: how often open
    /// sessions are checked for staleness (nil: never). `metrics`: where commits and the queue are counted.
    public init(writer: EventWriter, batchEvents: Int = 1 << 20, staleCheckInterval: Duration? = nil, metrics: IngestMetrics = .none) {
        self.writer = writer
        self.batchEvents = batchEvents
        self.staleCheckInterval = staleCheckInterval?.inSeconds
        self.metrics = metrics
        let thread = Thread { [self] in run() }
        thread.name = "astercdr-writer"
        thread.start()
    }

    /// Stores the delivery; returns once it is committed. Throws the store's error when the commit failed:
    /// nothing of the delivery is stored then, and the source must not acknowledge it.
    public func deliver(_ delivery: Delivery) async throws -> DeliveryReceipt {
        try await enqueue(delivery).receipt()
    }

    /// Queues the delivery behind everything queued before it; await its `receipt()` to know it is stored.
    public func enqueue(_ delivery: Delivery) -> PendingDelivery {
        condition.lock()
        defer { condition.unlock() }
        guard !finishing else { return PendingDelivery(failed: CancellationError()) }
        let pending = PendingDelivery()
        queue.append((delivery, pending))
        queuedEvents += delivery.lines.count
        metrics.waiting(events: queuedEvents)
        condition.signal()
        return pending
    }

    /// The stored position of a resumable source, read on the writer thread.
    public func cursorPosition(for origin: String) async throws -> String? {
        try await withCheckedThrowingContinuation { continuation in
            condition.lock()
            defer { condition.unlock() }
            guard !finishing else {
                continuation.resume(throwing: CancellationError())
                return
            }
            failedOrigins.remove(origin)
            lookups.append { writer in
                continuation.resume(with: Result { () throws(StoreError) in try writer.cursorPosition(for: origin) })
            }
            condition.signal()
        }
    }

    /// Everything committed so far.
    public var totals: IngestCounts {
        condition.lock()
        defer { condition.unlock() }
        return committed
    }

    /// Stores what is queued, stops the thread and returns the totals. `assemblingStale`: first
    /// assembles the sessions that went stale, as a run that reads files to their end does once.
    public func finish(assemblingStale: Bool = false) async -> IngestCounts {
        await withCheckedContinuation { continuation in
            condition.lock()
            defer { condition.unlock() }
            if finished {
                continuation.resume(returning: committed)
                return
            }
            finishing = true
            assembleStaleAtFinish = assembleStaleAtFinish || assemblingStale
            finishWaiters.append(continuation)
            condition.signal()
        }
    }

    private func run() {
        var nextStaleCheck = staleCheckInterval.map { Date().addingTimeInterval($0) }
        while true {
            condition.lock()
            while queue.isEmpty, lookups.isEmpty, !finishing, !(nextStaleCheck.map { Date() >= $0 } ?? false) {
                if let nextStaleCheck { _ = condition.wait(until: nextStaleCheck) } else { condition.wait() }
            }
            let pendingLookups = lookups
            lookups = []
            if !pendingLookups.isEmpty {
                condition.unlock()
                for lookup in pendingLookups { lookup(writer) }
                continue
            }
            if queue.isEmpty, finishing, assembleStaleAtFinish {
                assembleStaleAtFinish = false
                condition.unlock()
                transaction(checkStale: true)
                continue
            }
            if queue.isEmpty, finishing {
                finished = true
                let waiters = finishWaiters
                finishWaiters = []
                let totals = committed
                condition.unlock()
                for waiter in waiters { waiter.resume(returning: totals) }
                return
            }
            condition.unlock()
            var checkStale = false
            if let interval = staleCheckInterval, let due = nextStaleCheck, Date() >= due {
                checkStale = true
                nextStaleCheck = Date().addingTimeInterval(interval)
            }
            transaction(checkStale: checkStale)
        }
    }

    /// The next queued delivery for the open transaction, nil when there is none or it is full.
    /// Deliveries of a source that must resume are refused on the way.
    private func nextDelivery(eventsSoFar: Int) -> (Delivery, PendingDelivery)? {
        condition.lock()
        defer { condition.unlock() }
        while let next = queue.first, eventsSoFar == 0 || eventsSoFar + next.0.lines.count <= batchEvents {
            queue.removeFirst()
            queuedEvents -= next.0.lines.count
            metrics.waiting(events: queuedEvents)
            if let origin = next.0.cursor?.origin, failedOrigins.contains(origin) {
                next.1.settle(.failure(SourceMustResume()))
                continue
            }
            return next
        }
        return nil
    }

    /// One transaction: deliveries are stored as they are taken, their bytes let go, until the
    /// queue is empty or the budget is spent; then one commit answers them all.
    private func transaction(checkStale: Bool) {
        // A delivery is in `taken` before it is stored, so a failure half-way through it answers it too.
        var taken: [(pending: PendingDelivery, receipt: DeliveryReceipt, origin: String?)] = []
        var events = 0
        let result: Result<IngestCounts, any Error>
        do {
            try writer.begin()
            // From when the write lock is held: a wait for it (a shell's write, `assemble --all`)
            // does not count against the transaction.
            let started = Date()
            while events == 0 || Date().timeIntervalSince(started) < Self.budget,
                  let (delivery, pending) = nextDelivery(eventsSoFar: events) {
                taken.append((pending, DeliveryReceipt(), delivery.cursor?.origin))
                taken[taken.count - 1].receipt = try record(delivery, received: .now())
                pending.markTaken()
                events += max(1, delivery.lines.count)
            }
            if checkStale { try writer.assembleStale(now: .now()) }
            let clock = ContinuousClock()
            let committing = clock.now
            let counts = try writer.commit()
            metrics.committed(counts, took: clock.now - committing)
            result = .success(counts)
        } catch {
            writer.rollback()
            // No transaction could start (a disk gone read-only, a lock never released): what is
            // queued now is answered with the failure, as a failed commit would answer it, rather
            // than waiting for a transaction that may never come.
            if taken.isEmpty {
                while let (delivery, pending) = nextDelivery(eventsSoFar: events) {
                    taken.append((pending, DeliveryReceipt(), delivery.cursor?.origin))
                    events += max(1, delivery.lines.count)
                }
            }
            result = .failure(error)
        }
        condition.lock()
        switch result {
        case .success(let counts): committed += counts
        case .failure: failedOrigins.formUnion(taken.compactMap(\.origin))
        }
        condition.unlock()
        for (pending, receipt, _) in taken {
            pending.settle(result.map { _ in receipt })
        }
    }

    private func record(_ delivery: Delivery, received: Received) throws -> DeliveryReceipt {
        var receipt = DeliveryReceipt()
        try delivery.bytes.withUnsafeBytes { bytes in
            for line in delivery.lines {
                let parsed = try writer.record(
                    UnsafeRawBufferPointer(rebasing: bytes[line.range]), origin: delivery.origin,
                    received: received, cutShort: line.cutShort)
                receipt.received += 1
                if parsed { receipt.parsed += 1 } else { receipt.rejected += 1 }
            }
        }
        if let cursor = delivery.cursor {
            try writer.saveCursor(origin: cursor.origin, position: cursor.position, now: received)
        }
        return receipt
    }
}

/// A delivery refused because an earlier one of the same source failed: the source must start
/// again from its stored cursor, or events would be skipped.
public struct SourceMustResume: Error, CustomStringConvertible {
    public var description: String { "an earlier delivery of this source was not stored; resume from the stored position" }
}
