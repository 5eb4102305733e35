import Testing
@testable import AgentStates

@Suite("An agent's state at a moment and since when (SPEC 6.4, 6.5)")
struct AgentStateTests {
    private func state(at moment: Int64, _ intervals: [AgentInterval], _ calls: [CallSpan] = []) -> State? {
        AgentTime.state(at: moment, intervals: intervals, calls: calls).map { State($0.activity, since: $0.since) }
    }

    /// The tuple AgentTime gives, as something #expect can compare.
    struct State: Equatable {
        let activity: AgentActivity
        let since: Int64

        init(_ activity: AgentActivity, since: Int64) {
            self.activity = activity
            self.since = since
        }
    }

    @Test func signedInAndIdleIsAvailableSinceTheLogin() {
        let intervals = [span(.loggedIn, 100, nil, group: "100")]
        #expect(state(at: 100, intervals) == State(.available, since: 100))
        #expect(state(at: 150, intervals) == State(.available, since: 100))
        #expect(state(at: 99, intervals) == nil)
    }

    @Test func availableSinceTheEndOfTheLastAfterCallWork() {
        let intervals = [span(.loggedIn, 100, nil), span(.acw, 150, 200)]
        #expect(state(at: 170, intervals) == State(.acw, since: 150))
        #expect(state(at: 199, intervals) == State(.acw, since: 150))
        #expect(state(at: 200, intervals) == State(.available, since: 200))
        #expect(state(at: 250, intervals) == State(.available, since: 200))
    }

    /// Rows read later may have closed after the moment asked about: open then.
    @Test func intervalsAsTheyStoodThen() {
        let intervals = [span(.loggedIn, 100, 500), span(.acw, 150, 300)]
        #expect(state(at: 200, intervals) == State(.acw, since: 150))
        #expect(state(at: 499, intervals) == State(.available, since: 300))
        #expect(state(at: 500, intervals) == nil)
    }

    @Test func pausedAndAfterCallWorkDuringAPause() {
        let intervals = [span(.loggedIn, 100, nil), span(.paused, 120, 400), span(.acw, 200, 250)]
        #expect(state(at: 130, intervals) == State(.paused, since: 120))
        #expect(state(at: 220, intervals) == State(.acw, since: 200))
        #expect(state(at: 260, intervals) == State(.paused, since: 250))
        #expect(state(at: 400, intervals) == State(.available, since: 400))
    }

    @Test func aCallRingsTalksHoldsAndResumes() {
        let intervals = [span(.loggedIn, 0, nil)]
        let calls = [CallSpan(ring: 100, talkStart: 110, end: 200, holds: [130..<150])]
        #expect(state(at: 99, intervals, calls) == State(.available, since: 0))
        #expect(state(at: 100, intervals, calls) == State(.ringing, since: 100))
        #expect(state(at: 105, intervals, calls) == State(.ringing, since: 100))
        #expect(state(at: 120, intervals, calls) == State(.talking, since: 110))
        #expect(state(at: 130, intervals, calls) == State(.onHold, since: 130))
        #expect(state(at: 149, intervals, calls) == State(.onHold, since: 130))
        #expect(state(at: 160, intervals, calls) == State(.talking, since: 150))
        #expect(state(at: 200, intervals, calls) == State(.available, since: 200))
    }

    /// The agent answered a dial-out call but the customer is still ringing.
    @Test func answeredButTheCustomerNotYetTalkingIsRinging() {
        let calls = [CallSpan(ring: 100, talkStart: 108, end: nil)]
        #expect(state(at: 104, [span(.loggedIn, 0, nil)], calls) == State(.ringing, since: 100))
        #expect(state(at: 108, [span(.loggedIn, 0, nil)], calls) == State(.talking, since: 108))
    }

    /// A hold before the talk began is still ringing.
    @Test func onHoldOnlyOnceTalking() {
        let calls = [CallSpan(ring: 90, talkStart: 100, end: nil, holds: [95..<105])]
        #expect(state(at: 97, [], calls) == State(.ringing, since: 90))
        #expect(state(at: 102, [], calls) == State(.onHold, since: 100))
        #expect(state(at: 105, [], calls) == State(.talking, since: 105))
    }

    @Test func aCallBeatsAfterCallWorkAndPause() {
        let intervals = [span(.loggedIn, 0, nil), span(.paused, 50, nil), span(.acw, 80, nil)]
        let calls = [CallSpan(ring: 100, talkStart: 100, end: 150)]
        #expect(state(at: 120, intervals, calls) == State(.talking, since: 100))
        #expect(state(at: 150, intervals, calls) == State(.acw, since: 150))
    }

    @Test func anAgentOnACallIsListedSignedInOrNot() {
        let calls = [CallSpan(ring: 100, talkStart: 100, end: 200)]
        #expect(state(at: 150, [], calls) == State(.talking, since: 100))
        #expect(state(at: 250, [span(.loggedIn, 0, 50)], calls) == nil)
    }

    @Test func signedOutAndOnNoCallIsNotListed() {
        #expect(state(at: 100, []) == nil)
        #expect(state(at: 300, [span(.loggedIn, 100, 200), span(.acw, 150, 200)]) == nil)
        // After-call work or a pause without a sign-in shows nothing either.
        #expect(state(at: 300, [span(.acw, 250, nil), span(.paused, 260, nil)]) == nil)
    }

    @Test func twoCallsAtOnceShowTheHigherState() {
        let intervals = [span(.loggedIn, 0, nil)]
        let talk = CallSpan(ring: 100, talkStart: 100, end: 300, holds: [150..<180])
        let ring = CallSpan(ring: 160, talkStart: nil, end: 200)
        // Another call ringing changes nothing while the first is talking or on hold.
        #expect(state(at: 170, intervals, [talk, ring]) == State(.onHold, since: 150))
        #expect(state(at: 190, intervals, [ring, talk]) == State(.talking, since: 180))
        // Talking on a second call beats holding the first.
        let consult = CallSpan(ring: 155, talkStart: 165, end: 175)
        #expect(state(at: 170, intervals, [talk, consult]) == State(.talking, since: 165))
        #expect(state(at: 176, intervals, [talk, consult]) == State(.onHold, since: 175))
    }

    @Test func movingFromOneGroupToAnotherStaysAvailable() {
        let overlapping = [span(.loggedIn, 0, 200, group: "100"), span(.loggedIn, 100, nil, group: "101")]
        #expect(state(at: 300, overlapping) == State(.available, since: 0))
        let withAGap = [span(.loggedIn, 0, 100, group: "100"), span(.loggedIn, 150, nil, group: "101")]
        #expect(state(at: 300, withAGap) == State(.available, since: 150))
    }

    @Test func theArrayOrderNeverMatters() {
        let intervals = [span(.loggedIn, 0, 400, group: "100"), span(.loggedIn, 50, nil, group: "101"), span(.acw, 210, 260), span(.paused, 240, 330)]
        let calls = [CallSpan(ring: 100, talkStart: 105, end: 210), CallSpan(ring: 330, talkStart: nil, end: 345)]
        let expected: [Int64: State] = [
            102: State(.ringing, since: 100), 150: State(.talking, since: 105), 230: State(.acw, since: 210),
            300: State(.paused, since: 260), 340: State(.ringing, since: 330), 500: State(.available, since: 345),
        ]
        for order in orderings(of: intervals.count, count: 6) {
            for (moment, state) in expected {
                #expect(self.state(at: moment, order.map { intervals[$0] }, calls.reversed()) == state)
            }
        }
    }
}
