import Foundation

/// This moment (or `moment`) plus `offset` seconds as asterCC writes an `eventTime` in `zone`: `YYYY-MM-DD HH:MM:SS`.
public func wallClock(_ offset: TimeInterval = 0, from moment: Date = Date(), in zone: String) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: zone)
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
    return formatter.string(from: moment.addingTimeInterval(offset))
}
