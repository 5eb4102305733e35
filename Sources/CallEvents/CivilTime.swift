/// A wall-clock time as asterCC writes it: `YYYY-MM-DD HH:MM:SS`, with no zone.
public struct CivilTime: Sendable, Equatable {
    public let year: Int
    public let month: Int
    public let day: Int
    public let hour: Int
    public let minute: Int
    public let second: Int

    /// nil unless every field is in range: years 1...9999, real dates only, no leap second.
    public init?(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CivilDays.daysIn(month: month, year: year)).contains(day),
              (0..<24).contains(hour), (0..<60).contains(minute), (0..<60).contains(second)
        else { return nil }
        self.init(unchecked: year, month, day, hour, minute, second)
    }

    /// nil for anything but a real time in exactly that shape (surrounding spaces aside),
    /// which includes asterCC's "not set" value `0000-00-00 00:00:00`.
    public init?(parsing text: String) {
        var text = text
        let parsed = text.withUTF8 { utf8 in
            let bytes = UnsafeRawBufferPointer(utf8)
            let span = Bytes.trimmed(bytes, 0..<bytes.count)
            return span.count == 19
                ? Self.parsePrefix(UnsafeRawBufferPointer(rebasing: bytes[span]), dateTimeSeparator: UInt8(ascii: " "))
                : nil
        }
        guard let parsed else { return nil }
        self = parsed
    }

    /// `YYYY-MM-DD HH:MM:SS`, zero-padded.
    public var text: String {
        formatted(dateTimeSeparator: UInt8(ascii: " "), utcMillisecond: nil)
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// The time read as if it were UTC: Unix seconds once a zone's offset is subtracted.
    var localSeconds: Int64 {
        CivilDays.days(year: year, month: month, day: day) * CivilDays.secondsPerDay
            + Int64(hour * 3600 + minute * 60 + second)
    }

    init(localSeconds: Int64) {
        let (days, seconds) = CivilDays.floorDivide(localSeconds, CivilDays.secondsPerDay)
        let date = CivilDays.date(days: days)
        let secondOfDay = Int(seconds)
        self.init(unchecked: date.year, date.month, date.day, secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60)
    }

    /// Reads the 19 bytes `YYYY-MM-DD?HH:MM:SS` at the start of `bytes`.
    static func parsePrefix(_ bytes: UnsafeRawBufferPointer, dateTimeSeparator: UInt8) -> CivilTime? {
        guard bytes.count >= 19,
              bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == dateTimeSeparator,
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":")
        else { return nil }
        func number(_ start: Int, _ count: Int) -> Int? {
            var value = 0
            for index in start..<start + count {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2)
        else { return nil }
        return CivilTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    /// Writes the time with `dateTimeSeparator` between date and time, and `.mmmZ` when given a
    /// millisecond; a year outside 0...9999 is written with as many digits as it needs.
    func formatted(dateTimeSeparator: UInt8, utcMillisecond: Int?) -> String {
        String(unsafeUninitializedCapacity: 48) { buffer in
            var count = 0
            func put(_ byte: UInt8) {
                buffer[count] = byte
                count += 1
            }
            func put(_ value: Int, digits: Int) {
                var divisor = 1
                for _ in 1..<digits { divisor *= 10 }
                while divisor > 0 {
                    put(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                    divisor /= 10
                }
            }
            if year < 0 { put(UInt8(ascii: "-")) }
            let yearMagnitude = year.magnitude
            put(Int(yearMagnitude), digits: yearMagnitude < 10_000 ? 4 : String(yearMagnitude).utf8.count)
            put(UInt8(ascii: "-"))
            put(month, digits: 2)
            put(UInt8(ascii: "-"))
            put(day, digits: 2)
            put(dateTimeSeparator)
            put(hour, digits: 2)
            put(UInt8(ascii: ":"))
            put(minute, digits: 2)
            put(UInt8(ascii: ":"))
            put(second, digits: 2)
            if let utcMillisecond {
                put(UInt8(ascii: "."))
                put(utcMillisecond, digits: 3)
                put(UInt8(ascii: "Z"))
            }
            return count
        }
    }
}
