import Foundation

/// This moment plus `offset` seconds as asterCC writes an `eventTime` in `zone`: `YYYY-MM-DD HH:MM:SS`.
public func wallClock(_ offset: TimeInterval = 0, in zone: String) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: zone)
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
    return formatter.string(from: Date().addingTimeInterval(offset))
}
