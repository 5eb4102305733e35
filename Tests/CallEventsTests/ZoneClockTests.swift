import CallEvents
import Foundation
import Testing

@Suite struct ZoneClockTests {
    func civil(_ text: String) throws -> CivilTime {
        try #require(CivilTime(parsing: text))
    }

    func clock(_ identifier: String) throws -> ZoneClock {
        ZoneClock(try #require(TimeZone(identifier: identifier)))
    }

    @Test func shanghaiReadsTheVendorsTimes() throws {
        let shanghai = try clock("Asia/Shanghai")
        #expect(shanghai.epoch(of: try civil("2010-01-01 08:22:01")) == 1_262_305_321)
        #expect(shanghai.epoch(of: try civil("2010-01-01 11:11:07")) == 1_262_315_467)
        #expect(shanghai.civilTime(at: 1_262_305_321).text == "2010-01-01 08:22:01")
    }

    @Test func berlinSpringForwardGapMapsForward() throws {
        let berlin = try clock("Europe/Berlin")
        #expect(berlin.epoch(of: try civil("2026-03-29 01:59:59")) == 1_774_745_999)
        #expect(berlin.epoch(of: try civil("2026-03-29 02:00:00")) == 1_774_746_000)
        #expect(berlin.epoch(of: try civil("2026-03-29 02:30:00")) == 1_774_747_800)
        #expect(berlin.epoch(of: try civil("2026-03-29 03:00:00")) == 1_774_746_000)
        #expect(berlin.civilTime(at: 1_774_745_999).text == "2026-03-29 01:59:59")
        #expect(berlin.civilTime(at: 1_774_746_000).text == "2026-03-29 03:00:00")
        #expect(berlin.civilTime(at: 1_774_747_800).text == "2026-03-29 03:30:00")
    }

    @Test func berlinFallBackRepeatTakesTheEarlierInstant() throws {
        let berlin = try clock("Europe/Berlin")
        #expect(berlin.epoch(of: try civil("2026-10-25 01:59:59")) == 1_792_886_399)
        #expect(berlin.epoch(of: try civil("2026-10-25 02:00:00")) == 1_792_886_400)
        #expect(berlin.epoch(of: try civil("2026-10-25 02:30:00")) == 1_792_888_200)
        #expect(berlin.epoch(of: try civil("2026-10-25 03:00:00")) == 1_792_893_600)
        #expect(berlin.civilTime(at: 1_792_888_200).text == "2026-10-25 02:30:00")
        #expect(berlin.civilTime(at: 1_792_891_800).text == "2026-10-25 02:30:00")
        #expect(berlin.civilTime(at: 1_792_893_599).text == "2026-10-25 02:59:59")
        #expect(berlin.civilTime(at: 1_792_893_600).text == "2026-10-25 03:00:00")
    }

    @Test(arguments: ["Asia/Shanghai", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "UTC"])
    func agreesWithFoundationAndRoundTrips(_ identifier: String) throws {
        let zone = try #require(TimeZone(identifier: identifier))
        let clock = ZoneClock(zone)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        // 1925 to 2095, in steps that land on every hour and minute over the years.
        for epoch in stride(from: Int64(-1_420_000_000), to: 3_960_000_000, by: 86_400 * 3 + 3_600 * 5 + 60 * 7 + 11) {
            let civil = clock.civilTime(at: epoch)
            let parts = calendar.dateComponents(
                [.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: Double(epoch)))
            #expect([civil.year, civil.month, civil.day, civil.hour, civil.minute, civil.second]
                == [parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second].map { $0 ?? -1 },
                "\(identifier) at \(epoch)")
            let back = clock.epoch(of: civil)
            // Only the second reading of a repeated time maps to an earlier instant.
            #expect(back == epoch || (back < epoch && clock.civilTime(at: back) == civil), "\(identifier) at \(epoch)")
        }
    }

    @Test func timesBefore1970AndFarAheadConvert() throws {
        let utc = try clock("UTC")
        #expect(utc.civilTime(at: -1).text == "1969-12-31 23:59:59")
        #expect(utc.epoch(of: try civil("0001-01-01 00:00:00")) == -62_135_596_800)
        #expect(utc.civilTime(at: 253_402_300_799).text == "9999-12-31 23:59:59")
        #expect(utc.civilTime(at: 253_402_300_800).text == "10000-01-01 00:00:00")
    }

    /// Outside 1900–2100 the offset at the nearer end of that span applies.
    @Test func timesOutsideTheTableUseTheOffsetAtItsEdge() throws {
        let shanghai = try clock("Asia/Shanghai")
        // Local mean time, +08:05:43, as Foundation has it before 1901.
        #expect(shanghai.civilTime(at: -2_240_524_800).text == "1899-01-01 08:05:43")
        let berlin = try clock("Europe/Berlin")
        // Central European winter time, the offset in force at the end of 2099, not summer time.
        #expect(berlin.civilTime(at: 5_854_176_000).text == "2155-07-06 17:00:00")
    }
}
