import Foundation

/// A delivery queued at the writer: its place in the queue is taken when it is made, and its
/// receipt is awaited later, so a source can queue several in order and wait for them in turn.
public final class PendingDelivery: @unchecked Sendable {
    // @unchecked: `outcome` and `waiter` are only touched under `lock`.
    private let lock = NSLock()
    private var outcome: Result<DeliveryReceipt, any Error>?
    private var waiter: CheckedContinuation<DeliveryReceipt, any Error>?

    init() {}

    init(failed error: any Error) {
        outcome = .failure(error)
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
        lock.lock()
        let waiting = waiter
        waiter = nil
        if waiting == nil { outcome = result }
        lock.unlock()
        waiting?.resume(with: result)
    }
}
