import Testing
@testable import AgentStates

@Suite("After-call work of a call (SPEC 6.3)")
struct AcwOwnershipTests {
    private let call1 = AnsweredParty(session: 1, party: 2, end: 200)
    private let call2 = AnsweredParty(session: 2, party: 1, end: 400)

    private func owners(
        _ intervals: [AgentInterval], signOuts: [Int64] = [], _ parties: [AnsweredParty],
        previousAcwEnd: Int64? = nil, lastSignOut: Int64? = nil
    ) -> [Int: AnsweredParty] {
        AcwOwnership.owners(
            of: intervals, signOuts: signOuts, parties: parties, previousAcwEnd: previousAcwEnd, lastSignOut: lastSignOut
        )
    }

    @Test func afterCallWorkWithNoCallBeforeItBelongsToNone() {
        #expect(owners([span(.acw, 100, 150)], [call1]).isEmpty)
        #expect(owners([span(.acw, 100, 150)], []).isEmpty)
    }

    @Test func afterCallWorkBelongsToTheCallJustBeforeIt() {
        #expect(owners([span(.acw, 205, 230)], [call1]) == [0: call1])
    }

    @Test func aCallEndingAtTheVerySecondTheWorkStartsCounts() {
        #expect(owners([span(.acw, 200, 230)], [call1]) == [0: call1])
        #expect(owners([span(.acw, 199, 230)], [call1]).isEmpty)
    }

    @Test func theLatestCallBeforeTheWorkWinsAndALaterOneIsNotLookedAt() {
        let call = AnsweredParty(session: 3, party: 1, end: 150)
        #expect(owners([span(.acw, 300, 330)], [call2, call1, call]) == [0: call1])
    }

    @Test func eachWorkAfterItsOwnCall() {
        let intervals = [span(.loggedIn, 100, nil, group: "100"), span(.acw, 205, 230), span(.paused, 240, 250), span(.acw, 410, 420)]
        #expect(owners(intervals, [call2, call1]) == [1: call1, 3: call2])
    }

    @Test func aSecondWorkAfterOneCallBelongsToNone() {
        let intervals = [span(.acw, 205, 230), span(.acw, 240, 250)]
        #expect(owners(intervals, [call1]) == [0: call1])
    }

    /// The previous work counts by its end even when it belonged to no call.
    @Test func theBoundIsThePreviousWorkEvenWithoutACall() {
        let intervals = [span(.acw, 150, 210), span(.acw, 220, 250)]
        #expect(owners(intervals, [call1]).isEmpty)
        let endingBefore = [span(.acw, 150, 190), span(.acw, 220, 250)]
        #expect(owners(endingBefore, [call1]) == [1: call1])
    }

    @Test func thePreviousWorkMayComeFromEarlierRows() {
        #expect(owners([span(.acw, 205, 230)], [call1], previousAcwEnd: 200).isEmpty)
        #expect(owners([span(.acw, 205, 230)], [call1], previousAcwEnd: 199) == [0: call1])
    }

    @Test func aSignOutBetweenTheCallAndTheWorkMeansNoCall() {
        let acw = [span(.acw, 260, 300)]
        #expect(owners(acw, signOuts: [230], [call1]).isEmpty)
        // Both ends count: signed out as the call ended, or as the work began.
        #expect(owners(acw, signOuts: [200], [call1]).isEmpty)
        #expect(owners(acw, signOuts: [260], [call1]).isEmpty)
        // Outside: before the call ended, or after the work began.
        #expect(owners(acw, signOuts: [199, 261], [call1]) == [0: call1])
    }

    @Test func aSignOutFromEarlierRowsCountsToo() {
        let acw = [span(.acw, 260, 300)]
        #expect(owners(acw, [call1], lastSignOut: 230).isEmpty)
        #expect(owners(acw, [call1], lastSignOut: 150) == [0: call1])
    }

    /// The agent hung up at t1 and the customer went on (a transfer) until t2: the party ends at
    /// its own hangup, so work starting at t1 is this call's.
    @Test func afterCallWorkOfATransferredCall() {
        let transferred = AnsweredParty(session: 7, party: 2, end: 300)  // the call itself ended at 480
        #expect(owners([span(.acw, 300, 340)], [transferred]) == [0: transferred])
    }

    @Test func stillOpenWorkGetsItsCallToo() {
        #expect(owners([span(.acw, 205, nil)], [call1]) == [0: call1])
    }

    @Test func callsEndingInOneSecondGoToTheLaterCallThenTheLaterParty() {
        let first = AnsweredParty(session: 4, party: 3, end: 200)
        let second = AnsweredParty(session: 5, party: 1, end: 200)
        let secondLaterParty = AnsweredParty(session: 5, party: 2, end: 200)
        for parties in [[first, second, secondLaterParty], [secondLaterParty, first, second], [second, secondLaterParty, first]] {
            #expect(owners([span(.acw, 210, 230)], parties) == [0: secondLaterParty])
        }
        #expect(owners([span(.acw, 210, 230)], [second, first]) == [0: second])
    }

    /// The whole chain from events: a call, its work, a sign-out, another call, work without a
    /// call in between.
    @Test func fromTheMachine() {
        let machine = AgentMachine.run([
            ev(1, "login", at: 100, group: "100"),
            ev(2, "hangupacw", at: 200),
            ev(3, "acwstop", at: 230),
            ev(4, "logoff", at: 250),
            ev(5, "login", at: 260, group: "100"),
            ev(6, "hangupacw", at: 270),
            ev(7, "acwstop", at: 280),
            ev(8, "hangupacw", at: 400),
        ])
        let early = AnsweredParty(session: 1, party: 1, end: 245)
        let owned = AcwOwnership.owners(of: machine.intervals, signOuts: machine.signOuts, parties: [call1, early, call2])
        // The acw at 270 would be `early`'s but for the sign-out at 250.
        #expect(machine.intervals.map(\.kind) == [.loggedIn, .acw, .loggedIn, .acw, .acw])
        #expect(owned == [1: call1, 4: call2])
    }
}
