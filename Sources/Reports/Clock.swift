/// Durations the way a supervisor reads them: `m:ss`, or `h:mm:ss` from an hour up.
enum Clock {
    static func text(seconds: Int64) -> String {
        let sign = seconds < 0 ? "-" : ""
        let total = seconds.magnitude
        let hours = total / 3600, minutes = total / 60 % 60, secs = total % 60
        if hours > 0 {
            return "\(sign)\(hours):\(twoDigits(minutes)):\(twoDigits(secs))"
        }
        return "\(sign)\(minutes):\(twoDigits(secs))"
    }

    /// An average held in tenths of a second, to the nearest second (half up).
    static func text(tenths: Int64) -> String {
        text(seconds: tenths >= 0 ? (tenths + 5) / 10 : -((-tenths + 5) / 10))
    }

    private static func twoDigits(_ value: UInt64) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
