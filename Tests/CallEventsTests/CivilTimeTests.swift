import CallEvents
import Testing

@Suite struct CivilTimeTests {
    @Test func parsesTheVendorsShape() throws {
        let time = try #require(CivilTime(parsing: "2010-01-01 08:22:01"))
        #expect([time.year, time.month, time.day, time.hour, time.minute, time.second] == [2010, 1, 1, 8, 22, 1])
        #expect(time.text == "2010-01-01 08:22:01")
        #expect(CivilTime(parsing: " 2010-01-01 08:22:01\t") == time)
    }

    @Test(arguments: [
        "0000-00-00 00:00:00", "2026-13-45 99:99:99", "2025-02-29 12:00:00", "2026-02-30 00:00:00",
        "2026-04-31 00:00:00", "1900-02-29 00:00:00", "2026-00-10 00:00:00", "2026-01-00 00:00:00",
        "2026-01-01 24:00:00", "2026-01-01 23:60:00", "2026-01-01 23:59:60", "2026-01-01T00:00:00",
        "2026-1-1 1:1:1", "2026-01-01", "2026-01-01 00:00:00.5", "2026-01-01 00:00:0x", "+026-01-01 00:00:00",
        "", "not a time",
    ])
    func rejectsWhatIsNotARealTime(_ text: String) {
        #expect(CivilTime(parsing: text) == nil)
    }

    @Test(arguments: ["2024-02-29 12:00:00", "2000-02-29 00:00:00", "0001-01-01 00:00:00", "9999-12-31 23:59:59"])
    func acceptsRealTimesAtTheEdges(_ text: String) {
        #expect(CivilTime(parsing: text)?.text == text)
    }

    @Test func componentsAreValidated() {
        #expect(CivilTime(year: 7, month: 1, day: 2, hour: 3, minute: 4, second: 5)?.text == "0007-01-02 03:04:05")
        #expect(CivilTime(year: 2025, month: 2, day: 29, hour: 0, minute: 0, second: 0) == nil)
        #expect(CivilTime(year: 10_000, month: 1, day: 1, hour: 0, minute: 0, second: 0) == nil)
        #expect(CivilTime(year: 2026, month: 1, day: 1, hour: -1, minute: 0, second: 0) == nil)
    }
}
