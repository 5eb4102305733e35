@testable import Ingest
import Testing

@Suite struct ChannelRedactionTests {
    @Test func pushStreamChannelInThePathIsHashed() {
        let redacted = ChannelRedaction.redact("http://10.0.0.5:8080/agentindesks/agentpull/8001_s3cret")
        #expect(redacted.hasPrefix("http://10.0.0.5:8080/agentindesks/agentpull/~"))
        #expect(!redacted.contains("s3cret"))
        #expect(redacted.count == "http://10.0.0.5:8080/agentindesks/agentpull/~".count + 12)
    }

    @Test func nchanChannelInTheQueryIsHashedAndThePathKept() {
        let redacted = ChannelRedaction.redact("http://127.0.0.1:8090/sub-multi?id=8001_s3cret")
        #expect(redacted.hasPrefix("http://127.0.0.1:8090/sub-multi?id=~"))
        #expect(!redacted.contains("s3cret"))
    }

    @Test func aCacheBustingQueryDoesNotUncoverThePathChannel() {
        let redacted = ChannelRedaction.redact("http://h/agentindesks/agentpull/8001_s3cret?_=1764050000")
        #expect(!redacted.contains("s3cret"))
        #expect(!redacted.contains("1764050000"))
        #expect(redacted.hasPrefix("http://h/agentindesks/agentpull/~"))
    }

    @Test func aPasswordInTheURLIsHashedAndTheFragmentDropped() {
        let redacted = ChannelRedaction.redact("http://agent:pw123@h/sub?id=x#frag")
        #expect(redacted.hasPrefix("http://agent:~"))
        #expect(!redacted.contains("pw123"))
        #expect(!redacted.contains("frag"))
    }

    /// The text keys the stored cursor: it must be the same in every process and version.
    @Test func theHashIsStableAndTellsChannelsApart() {
        let one = ChannelRedaction.redact("http://h/agentindesks/agentpull/8001_a")
        #expect(one == ChannelRedaction.redact("http://h/agentindesks/agentpull/8001_a"))
        #expect(one != ChannelRedaction.redact("http://h/agentindesks/agentpull/8001_b"))
        #expect(one == "http://h/agentindesks/agentpull/~ad8a27c91f50")
    }
}
