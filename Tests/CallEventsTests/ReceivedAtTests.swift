import CallEvents
import Testing

@Suite struct ReceivedAtTests {
    @Test(arguments: [
        (Int64(1_795_582_800_123), "2026-11-25T05:00:00.123Z"),
        (0, "1970-01-01T00:00:00.000Z"),
        (-1, "1969-12-31T23:59:59.999Z"),
        (951_782_400_007, "2000-02-29T00:00:00.007Z"),
    ] as [(Int64, String)])
    func roundTrips(_ millis: Int64, _ text: String) {
        #expect(ReceivedAt.text(millis: millis) == text)
        #expect(ReceivedAt.millis(text) == millis)
    }

    @Test func fractionsOfOtherLengthsAreReadToTheMillisecond() {
        #expect(ReceivedAt.millis("2026-11-25T05:00:00Z") == 1_795_582_800_000)
        #expect(ReceivedAt.millis("2026-11-25T05:00:00.5Z") == 1_795_582_800_500)
        #expect(ReceivedAt.millis("2026-11-25T05:00:00.123999999Z") == 1_795_582_800_123)
    }

    @Test(arguments: [
        "2026-11-25 05:00:00.123Z", "2026-11-25T05:00:00.123", "2026-11-25T05:00:00.Z",
        "2026-11-25T05:00:00.1234567890Z", "2026-02-30T00:00:00.000Z", "2026-11-25T05:00:00.123+00:00",
        "2026-11-25T05:00:00.123Zx", "",
    ])
    func rejectsOtherShapes(_ text: String) {
        #expect(ReceivedAt.millis(text) == nil)
    }
}
