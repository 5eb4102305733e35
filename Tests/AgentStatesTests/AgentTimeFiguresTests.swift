import Testing
@testable import AgentStates

/// Figures from named seconds, to compare whole results at once.
func figures(
    login: Int64 = 0, acw: Int64 = 0, pause: Int64 = 0, available: Int64 = 0, busy: Int64 = 0, ringing: Int64 = 0
) -> AgentTimeFigures {
    var figures = AgentTimeFigures()
    figures.loginSeconds = login
    figures.acwSeconds = acw
    figures.pauseSeconds = pause
    figures.availableSeconds = available
    figures.busySeconds = busy
    figures.ringingSeconds = ringing
    return figures
}

@Suite("An agent's time over a range (SPEC 6.4)")
struct AgentTimeFiguresTests {
    private func time(_ intervals: [AgentInterval], _ calls: [CallSpan] = [], over range: Range<Int64> = 0..<1000) -> AgentTimeFigures {
        AgentTime.figures(intervals: intervals, calls: calls, over: range)
    }

    @Test func signedInAndIdleIsAvailable() {
        #expect(time([span(.loggedIn, 100, 400, group: "100")]) == figures(login: 300, available: 300))
    }

    @Test func twoGroupsAtOnceCountOnce() {
        let intervals = [span(.loggedIn, 100, 300, group: "100"), span(.loggedIn, 200, 500, group: "101")]
        #expect(time(intervals) == figures(login: 400, available: 400))
    }

    @Test func anOpenIntervalRunsToTheRangesEnd() {
        #expect(time([span(.loggedIn, 100, nil), span(.paused, 550, nil)], over: 0..<600) == figures(login: 500, pause: 50, available: 450))
    }

    @Test func aCallStillGoingOnRunsToTheRangesEnd() {
        let calls = [CallSpan(ring: 500, talkStart: 510, end: nil)]
        #expect(time([span(.loggedIn, 0, nil)], calls, over: 0..<600) == figures(login: 600, available: 500, busy: 90, ringing: 10))
    }

    @Test func everythingIsClippedToTheRange() {
        let intervals = [span(.loggedIn, 100, 400), span(.acw, 200, 300), span(.paused, 380, 700)]
        let calls = [CallSpan(ring: 240, talkStart: 260, end: 280), CallSpan(ring: 390, talkStart: 395, end: 900)]
        // [250, 390): ringing 250-260, busy 260-280, acw 280-300, available 300-380, paused 380-390;
        // the second call rings only from 390.
        #expect(time(intervals, calls, over: 250..<390) == figures(login: 140, acw: 20, pause: 10, available: 80, busy: 20, ringing: 10))
    }

    @Test func nothingInsideTheRangeCountsNothing() {
        let intervals = [span(.loggedIn, 100, 200), span(.acw, 600, nil)]
        #expect(time(intervals, [CallSpan(ring: 150, talkStart: 160, end: 190)], over: 300..<500) == figures())
    }

    @Test func anEmptyRangeCountsNothing() {
        #expect(time([span(.loggedIn, 100, nil)], [CallSpan(ring: 100, talkStart: nil, end: nil)], over: 500..<500) == figures())
    }

    @Test func aCallRingsThenIsBusyHoldsIncluded() {
        let calls = [CallSpan(ring: 100, talkStart: 110, end: 200, holds: [150..<170])]
        #expect(time([span(.loggedIn, 0, 1000)], calls) == figures(login: 1000, available: 900, busy: 90, ringing: 10))
    }

    /// The agent answered a dial-out call at 101 but the customer only picked up at 108: ringing
    /// until then, as the vendor's toolbar shows it.
    @Test func answeredButTheCustomerNotYetTalkingIsRinging() {
        let calls = [CallSpan(ring: 100, talkStart: 108, end: 150)]
        #expect(time([span(.loggedIn, 0, 1000)], calls) == figures(login: 1000, available: 950, busy: 42, ringing: 8))
    }

    @Test func aMissedCallRingsToItsEnd() {
        let calls = [CallSpan(ring: 100, talkStart: nil, end: 120)]
        #expect(time([span(.loggedIn, 0, 1000)], calls) == figures(login: 1000, available: 980, ringing: 20))
    }

    @Test func afterCallWorkDuringACallIsBusy() {
        let calls = [CallSpan(ring: 100, talkStart: 100, end: 200)]
        #expect(time([span(.loggedIn, 0, 1000), span(.acw, 150, 260)], calls) == figures(login: 1000, acw: 60, available: 840, busy: 100))
    }

    @Test func aPauseDuringAfterCallWorkIsAfterCallWork() {
        let intervals = [span(.loggedIn, 0, 1000), span(.acw, 100, 200), span(.paused, 150, 300)]
        #expect(time(intervals) == figures(login: 1000, acw: 100, pause: 100, available: 800))
    }

    @Test func aCallDuringAPauseIsBusy() {
        let calls = [CallSpan(ring: 90, talkStart: 100, end: 200)]
        #expect(time([span(.loggedIn, 0, 1000), span(.paused, 0, 1000)], calls) == figures(login: 1000, pause: 890, busy: 100, ringing: 10))
    }

    @Test func anotherCallRingingDuringATalkIsBusy() {
        let calls = [CallSpan(ring: 100, talkStart: 100, end: 200), CallSpan(ring: 150, talkStart: nil, end: 230)]
        #expect(time([span(.loggedIn, 0, 1000)], calls) == figures(login: 1000, available: 870, busy: 100, ringing: 30))
    }

    /// A call on while signed out still counts, and login time is only what the logins say.
    @Test func callsAndWorkOutsideASignInStillCount() {
        let calls = [CallSpan(ring: 500, talkStart: 505, end: 560)]
        #expect(time([span(.loggedIn, 0, 400), span(.acw, 560, 600)], calls) == figures(login: 400, acw: 40, available: 400, busy: 55, ringing: 5))
    }

    @Test func aWholeShift() {
        let intervals = [
            span(.loggedIn, 0, 700, group: "100"), span(.loggedIn, 300, 900, group: "101"),
            span(.acw, 160, 200), span(.paused, 400, 480), span(.acw, 620, 650),
        ]
        let calls = [
            CallSpan(ring: 100, talkStart: 105, end: 160, holds: [120..<130]),
            CallSpan(ring: 500, talkStart: nil, end: 520),
            CallSpan(ring: 560, talkStart: 570, end: 620),
        ]
        let shift = time(intervals, calls)
        #expect(shift == figures(login: 900, acw: 70, pause: 80, available: 610, busy: 105, ringing: 35))
        // (105 + 70) * 1000 / (105 + 70 + 35 + 610) = 213.41 tenths: 21.3 %.
        #expect(shift.occupancyTenths == 213)
    }
}

@Suite("Occupancy in tenths of a percent, rounded half up (SPEC 6.4)")
struct OccupancyTests {
    @Test func roundsToTheNearestTenth() {
        #expect(figures(available: 2, busy: 1).occupancyTenths == 333)
        #expect(figures(busy: 2, ringing: 1).occupancyTenths == 667)
        #expect(figures(available: 1, busy: 1).occupancyTenths == 500)
    }

    @Test func halvesRoundUp() {
        #expect(figures(available: 15, busy: 1).occupancyTenths == 63)  // 62.5
        #expect(figures(acw: 1, available: 1999).occupancyTenths == 1)  // 0.5
        #expect(figures(available: 2000, busy: 1).occupancyTenths == 0)  // 0.4998
    }

    @Test func afterCallWorkIsOccupiedAndPauseAndLoginAreNotCounted() {
        #expect(figures(login: 9999, acw: 3, pause: 500, available: 1).occupancyTenths == 750)
        #expect(figures(busy: 5).occupancyTenths == 1000)
    }

    @Test func nothingToDivideByIsNoFigure() {
        #expect(figures().occupancyTenths == nil)
        #expect(figures(login: 1000, pause: 1000).occupancyTenths == nil)
    }

    @Test func anIntervalThatLastsNoTimeIsStillAnInterval() {
        var spans = AgentTimeSpans(over: 0..<1000)
        spans.add(CallSpan(ring: 100, talkStart: 110, end: 200))
        #expect(!spans.hasIntervals)
        // It gives the agent a row in `report agents`, with nothing counted from it.
        spans.add(span(.acw, 300, 300))
        #expect(spans.hasIntervals)
        #expect(spans.figures == figures(busy: 90, ringing: 10))
    }

    @Test func figuresAddUp() {
        var total = figures(login: 1, acw: 2, pause: 3, available: 4, busy: 5, ringing: 6)
        total += figures(login: 10, acw: 20, pause: 30, available: 40, busy: 50, ringing: 60)
        #expect(total == figures(login: 11, acw: 22, pause: 33, available: 44, busy: 55, ringing: 66))
    }
}
