import CallEvents
import Testing

@Suite struct DedupeKeyTests {
    static let keyValue =
        "sessionid=s1&source=AGENT&event=ringing&eventTime=2026-11-25 13:00:00&uniqueid=1556&calleridnum=0138888888888&custom=x"

    @Test func jsonAndKeyValueCopiesOfOneEventShareAKey() throws {
        let json = try parsed(
            #"{'SessionID':'s1','source':'agent','event':'RINGING','eventTime':'2026-11-25 13:00:00','uniqueid':1556,'calleridnum':'0138888888888','custom':'x','channel':null,'didnumber':''}"#)
        let keyValue = try parsed(Self.keyValue)
        let wrapped = try parsed("message=\"\(Self.keyValue)&\";")
        #expect(json.dedupeKey == keyValue.dedupeKey)
        #expect(wrapped.dedupeKey == keyValue.dedupeKey)
    }

    @Test func reorderedPairsShareAKey() throws {
        let reordered = try parsed(
            "custom=x&calleridnum=0138888888888&uniqueid=1556&eventTime=2026-11-25 13:00:00&event=ringing&source=AGENT&sessionid=s1")
        #expect(reordered.dedupeKey == (try parsed(Self.keyValue)).dedupeKey)
        let a = try parsed("event=ringing&b=2&a=1")
        let b = try parsed("a=1&event=ringing&b=2")
        #expect(a.dedupeKey == b.dedupeKey)
    }

    @Test(arguments: [
        "sessionid=s2&source=AGENT&event=ringing&eventTime=2026-11-25 13:00:00&uniqueid=1556&calleridnum=0138888888888&custom=x",
        "sessionid=s1&source=AGENT&event=ringing&eventTime=2026-11-25 13:00:01&uniqueid=1556&calleridnum=0138888888888&custom=x",
        "sessionid=s1&source=AGENT&event=ringing&eventTime=2026-11-25 13:00:00&uniqueid=1556&calleridnum=0138888888888&custom=y",
        "sessionid=s1&source=AGENT&event=ringing&eventTime=2026-11-25 13:00:00&uniqueid=1556&calleridnum=0138888888888&Custom=x",
        "sessionid=s1&source=AGENT&event=ringing&eventTime=2026-11-25 13:00:00&uniqueid=1556&calleridnum=0138888888888",
        "sessionid=s1&source=AGENT&event=ringing&eventTime=2026-11-25 13:00:00&uniqueid=1556&activenum=0138888888888&custom=x",
        "sessionid=s1&source=AGENT&event=ringing&eventTime=2026-11-25 13:00:00&uniqueid=1556&calleridnum=0138888888888&custom=x&channel=c",
    ])
    func anyDifferingPairGivesAnotherKey(_ line: String) throws {
        #expect(try parsed(line).dedupeKey != (try parsed(Self.keyValue)).dedupeKey)
    }

    @Test func keysAndValuesCannotRunIntoEachOther() throws {
        #expect(try parsed("event=a&ab=c").dedupeKey != (try parsed("event=a&a=bc")).dedupeKey)
        #expect(try parsed("event=a&x=1&y=2").dedupeKey != (try parsed("event=a&x=1y=2")).dedupeKey)
    }

    @Test func theEventidDecidesWhenPresent() throws {
        let first = try parsed("sessionid=s1&eventid=42&event=ringing&eventTime=2026-11-25 13:00:00")
        let retry = try parsed("sessionid=s1&eventid=42&event=ringing&eventTime=2026-11-25 13:00:05&note=retry")
        let next = try parsed("sessionid=s1&eventid=43&event=ringing&eventTime=2026-11-25 13:00:00")
        let otherCall = try parsed("sessionid=s2&eventid=42&event=ringing&eventTime=2026-11-25 13:00:00")
        #expect(first.dedupeKey == retry.dedupeKey)
        #expect(first.dedupeKey != next.dedupeKey)
        #expect(first.dedupeKey != otherCall.dedupeKey)
    }

    /// Keys are compared across runs and versions, so the hash must never change.
    @Test func theKeyIsStableAcrossProcesses() throws {
        #expect(try parsed(Self.keyValue).dedupeKey == -6_205_531_520_463_875_334)
        #expect(try parsed("sessionid=s1&eventid=42&event=ringing").dedupeKey == -6_444_838_656_678_122_781)
    }
}
