/// The wait before a next attempt after `failures` failures in a row (1, 2, ...): `first`, doubling
/// up to `cap`. Every retrying part of astercdr uses it, so they all back off alike.
public enum RetryBackoff {
    public static func delay(afterFailures failures: Int, first: Duration = .milliseconds(250), cap: Duration) -> Duration {
        min(cap, first * (1 << min(max(failures, 1) - 1, 16)))
    }
}
