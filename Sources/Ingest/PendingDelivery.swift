import Foundation

/// A delivery queued at the writer: its place in the queue is taken when it is made, and its
/// receipt is awaited later, so a source can queue several in order and wait for them in turn.
public final class PendingDelivery: @unchecked Sendable {
    // @unchecked: `outcome` and `waiter` are only touched under `lock`.
    private let lock = NSLock()
    private var outcome: Result<DeliveryReceipt, any Error>?
    private var waiter: CheckedContinuation<DeliveryReceipt, any Error>?
    private var isTaken = false
    private var takenWaiter: CheckedContinuation<Void, Never>?

    init() {}

    init(failed error: any Error) {
        outcome = .failure(error)
        isTaken = true
    }

    /// Returns once the writer has taken the delivery into a transaction (or it failed): its
    /// bytes are then no longer held, though it is not yet committed. A reader ahead of the writer
    /// waits for this, so a large transaction never holds more than a few read buffers.
    public func taken() async {
        await withCheckedContinuation { continuation in
            lock.lock()
            if isTaken {
                lock.unlock()
                continuation.resume()
            } else {
                takenWaiter = continuation
                lock.unlock()
            }
        }
    }

    /// Whether the receipt is there to be had without waiting.
    var isSettled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return outcome != nil
    }

    func markTaken() {
        lock.lock()
        isTaken = true
        let waiting = takenWaiter
        takenWaiter = nil
        lock.unlock()
        waiting?.resume()
    }

    /// The receipt once the delivery is committed; the store's error when the commit failed.
    public func receipt() async throws -> DeliveryReceipt {
        try await withCheckedThrowingContinuation { continuation in
            lock.lock()
            if let outcome {
                lock.unlock()
                continuation.resume(with: outcome)
            } else {
                waiter = continuation
                lock.unlock()
            }
        }
    }

    func settle(_ result: Result<DeliveryReceipt, any Error>) {
        markTaken()
        lock.lock()
        let waiting = waiter
        waiter = nil
        outcome = result
        lock.unlock()
        waiting?.resume(with: result)
    }
}
