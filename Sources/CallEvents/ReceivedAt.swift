/// `received_at`: UTC ISO-8601 with milliseconds, `2026-11-25T05:00:00.123Z`.
public enum ReceivedAt {
    public static func text(millis: Int64) -> String {
        let (seconds, millisecond) = CivilDays.floorDivide(millis, 1000)
        return CivilTime(localSeconds: seconds)
            .formatted(dateTimeSeparator: UInt8(ascii: "T"), utcMillisecond: Int(millisecond))
    }

    /// Reads `YYYY-MM-DDTHH:MM:SSZ` with an optional fraction of 1 to 9 digits, cut to
    /// milliseconds; nil for anything else.
    public static func millis(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { utf8 in
            let bytes = UnsafeRawBufferPointer(utf8)
            guard let civil = CivilTime.parsePrefix(bytes, dateTimeSeparator: UInt8(ascii: "T")) else { return nil }
            var index = 19
            var millisecond: Int64 = 0
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                let first = index
                var scale: Int64 = 100
                while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10, index - first < 9 {
                    millisecond += Int64(bytes[index] &- UInt8(ascii: "0")) * scale
                    scale /= 10
                    index += 1
                }
                guard index > first else { return nil }
            }
            guard index == bytes.count - 1, bytes[index] == UInt8(ascii: "Z") else { return nil }
            return civil.localSeconds * 1000 + millisecond
        }
    }
}
