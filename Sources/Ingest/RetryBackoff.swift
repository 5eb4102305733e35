/// The wait before a source's next attempt after `failures` failures in a row (1, 2, ...): 0.25 s,
/// doubling up to `cap`. Every retrying source uses it, so they all back off alike.
enum RetryBackoff {
    static func delay(afterFailures failures: Int, cap: Duration) -> Duration {
        min(cap, .milliseconds(250) * (1 << min(failures - 1, 16)))
    }
}
