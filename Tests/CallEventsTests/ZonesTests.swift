import CallEvents
import Foundation
import Testing

@Suite struct ZonesTests {
    @Test(arguments: [
        ("UTC", "Etc/UTC", true), ("UTC", "GMT", true), ("Asia/Shanghai", "PRC", true),
        ("Asia/Shanghai", "Asia/Shanghai", true), ("Europe/Berlin", "Europe/Berlin", true),
        ("Asia/Shanghai", "Asia/Tokyo", false), ("Europe/London", "Europe/Lisbon", false),
        ("Europe/Berlin", "Europe/Paris", false), ("UTC", "Europe/London", false),
    ])
    func aliasesAreTheSameZone(_ a: String, _ b: String, _ same: Bool) throws {
        let first = try #require(TimeZone(identifier: a))
        let second = try #require(TimeZone(identifier: b))
        #expect(Zones.same(first, second) == same)
        #expect(Zones.same(second, first) == same)
    }

    @Test func aFixedOffsetMatchesAZoneThatNeverChanged() throws {
        let fixed = try #require(TimeZone(secondsFromGMT: 0))
        #expect(Zones.same(fixed, try #require(TimeZone(identifier: "Etc/UTC"))))
        #expect(!Zones.same(try #require(TimeZone(secondsFromGMT: 8 * 3600)), try #require(TimeZone(identifier: "Asia/Shanghai"))))
    }
}
