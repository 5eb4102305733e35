import Testing
@testable import AgentStates

@Suite("agent_states (SPEC 6.2): what opens and closes an interval")
struct AgentMachineTests {
    @Test func loginOpensAndLogoffOfItsGroupClosesIt() {
        let machine = AgentMachine.run([ev(1, "login", at: 100, group: "100"), ev(2, "logoff", at: 160, group: "100")])
        #expect(machine.intervals == [interval(.loggedIn, group: "100", from: (100, 1), to: (160, 2))])
        #expect(machine.intervals[0].seconds == 60)
        #expect(machine.signOuts == [160])
        #expect(machine.lastSignOut == 160)
    }

    @Test func twoGroupsAtOnceAreSignedOutOfOneByOne() {
        let machine = AgentMachine.run([
            ev(1, "login", at: 100, group: "100"),
            ev(2, "login", at: 110, group: "101"),
            ev(3, "logoff", at: 150, group: "100"),
            ev(4, "logoff", at: 200, group: "101"),
        ])
        #expect(machine.intervals == [
            interval(.loggedIn, group: "100", from: (100, 1), to: (150, 3)),
            interval(.loggedIn, group: "101", from: (110, 2), to: (200, 4)),
        ])
        // Out of group 100 the agent was still in 101: only the second logoff signs it out.
        #expect(machine.signOuts == [200])
    }

    @Test func logoffOfOneGroupLeavesTheOtherOpen() {
        let machine = AgentMachine.run([
            ev(1, "login", at: 100, group: "100"),
            ev(2, "login", at: 110, group: "101"),
            ev(3, "logoff", at: 150, group: "101"),
        ])
        #expect(machine.intervals == [
            interval(.loggedIn, group: "100", from: (100, 1)),
            interval(.loggedIn, group: "101", from: (110, 2), to: (150, 3)),
        ])
        #expect(machine.signOuts.isEmpty)
        #expect(machine.lastSignOut == nil)
    }

    @Test func logoffWithoutAGroupClosesEveryGroupAndIsOneSignOut() {
        let machine = AgentMachine.run([
            ev(1, "login", at: 100, group: "100"),
            ev(2, "login", at: 110, group: "101"),
            ev(3, "logoff", at: 150),
        ])
        #expect(machine.intervals == [
            interval(.loggedIn, group: "100", from: (100, 1), to: (150, 3)),
            interval(.loggedIn, group: "101", from: (110, 2), to: (150, 3)),
        ])
        #expect(machine.signOuts == [150])
        #expect(machine.lastSignOut == 150)
    }

    @Test func aBlankGroupIsNoGroup() {
        let machine = AgentMachine.run([
            ev(1, "login", at: 100, group: "100"),
            ev(2, "login", at: 110, group: "101"),
            ev(3, "logoff", at: 150, group: " "),
        ])
        #expect(machine.intervals.map(\.end) == [150, 150])
        #expect(machine.signOuts == [150])
    }

    @Test func aLoginWithoutAGroupIsItsOwnGroup() {
        let machine = AgentMachine.run([
            ev(1, "login", at: 100),
            ev(2, "login", at: 105, group: "100"),
            ev(3, "login", at: 110),
            ev(4, "logoff", at: 150, group: "100"),
            ev(5, "logoff", at: 170),
        ])
        #expect(machine.intervals == [
            interval(.loggedIn, from: (100, 1), to: (170, 5)),
            interval(.loggedIn, group: "100", from: (105, 2), to: (150, 4)),
        ])
        #expect(machine.signOuts == [170])
    }

    @Test func logoffAlsoClosesPauseAndAfterCallWork() {
        let machine = AgentMachine.run([
            ev(1, "login", at: 100, group: "100"),
            ev(2, "hangupacw", at: 120),
            ev(3, "paused", at: 130, reason: "lunch"),
            ev(4, "logoff", at: 150, group: "100"),
        ])
        #expect(machine.intervals == [
            interval(.loggedIn, group: "100", from: (100, 1), to: (150, 4)),
            interval(.acw, from: (120, 2), to: (150, 4)),
            interval(.paused, reason: "lunch", from: (130, 3), to: (150, 4)),
        ])
        #expect(machine.lastAcwEnd == 150)
    }

    /// Out of one group while still in another: pause and after-call work end all the same, and
    /// the agent has not signed out.
    @Test func logoffOfOneGroupClosesPauseAndAfterCallWorkToo() {
        let machine = AgentMachine.run([
            ev(1, "login", at: 100, group: "100"),
            ev(2, "login", at: 100, group: "101"),
            ev(3, "paused", at: 130),
            ev(4, "hangupacw", at: 135),
            ev(5, "logoff", at: 150, group: "101"),
        ])
        #expect(machine.intervals == [
            interval(.loggedIn, group: "100", from: (100, 1)),
            interval(.loggedIn, group: "101", from: (100, 2), to: (150, 5)),
            interval(.paused, from: (130, 3), to: (150, 5)),
            interval(.acw, from: (135, 4), to: (150, 5)),
        ])
        #expect(machine.signOuts.isEmpty)
    }

    @Test func logoffOfAGroupNotSignedInToClosesNoLoginAndIsNoSignOut() {
        let machine = AgentMachine.run([
            ev(1, "login", at: 100, group: "100"),
            ev(2, "paused", at: 120),
            ev(3, "logoff", at: 150, group: "101"),
        ])
        #expect(machine.intervals == [
            interval(.loggedIn, group: "100", from: (100, 1)),
            interval(.paused, from: (120, 2), to: (150, 3)),
        ])
        #expect(machine.signOuts.isEmpty)
    }

    @Test func pausedAndNopaused() {
        let machine = AgentMachine.run([ev(1, "paused", at: 100, reason: "training"), ev(2, "nopaused", at: 190)])
        #expect(machine.intervals == [interval(.paused, reason: "training", from: (100, 1), to: (190, 2))])
        #expect(machine.intervals[0].seconds == 90)
    }

    @Test func hangupacwAndAcwstop() {
        let machine = AgentMachine.run([
            ev(1, "hangupacw", at: 100), ev(2, "acwstop", at: 130),
            ev(3, "hangupacw", at: 200), ev(4, "acwstop", at: 215),
        ])
        #expect(machine.intervals == [interval(.acw, from: (100, 1), to: (130, 2)), interval(.acw, from: (200, 3), to: (215, 4))])
        #expect(machine.lastAcwEnd == 215)
    }

    @Test func closingEventsWithNothingOpenOpenNothing() {
        let machine = AgentMachine.run([
            ev(1, "nopaused", at: 100), ev(2, "acwstop", at: 101), ev(3, "logoff", at: 102, group: "100"), ev(4, "logoff", at: 103),
        ])
        #expect(machine.intervals.isEmpty)
        #expect(machine.signOuts.isEmpty)
        #expect(machine.lastSignOut == nil)
        #expect(machine.lastAcwEnd == nil)
    }

    @Test func aSecondLogoffIsNoSecondSignOut() {
        let machine = AgentMachine.run([ev(1, "login", at: 100, group: "100"), ev(2, "logoff", at: 150), ev(3, "logoff", at: 160)])
        #expect(machine.intervals == [interval(.loggedIn, group: "100", from: (100, 1), to: (150, 2))])
        #expect(machine.signOuts == [150])
    }

    @Test func opensOfWhatIsAlreadyOpenAreIgnored() {
        let machine = AgentMachine.run([
            ev(1, "login", at: 100, group: "100"),
            ev(2, "login", at: 105, group: "100"),
            ev(3, "paused", at: 110, reason: "lunch"),
            ev(4, "paused", at: 115, reason: "meeting"),
            ev(5, "hangupacw", at: 120),
            ev(6, "hangupacw", at: 125),
            ev(7, "logoff", at: 150),
        ])
        #expect(machine.intervals == [
            interval(.loggedIn, group: "100", from: (100, 1), to: (150, 7)),
            interval(.paused, reason: "lunch", from: (110, 3), to: (150, 7)),
            interval(.acw, from: (120, 5), to: (150, 7)),
        ])
    }

    @Test func aClosedIntervalCanOpenAgain() {
        let machine = AgentMachine.run([
            ev(1, "login", at: 100, group: "100"), ev(2, "logoff", at: 110, group: "100"),
            ev(3, "login", at: 120, group: "100"), ev(4, "logoff", at: 130),
            ev(5, "login", at: 140, group: "100"),
        ])
        #expect(machine.intervals == [
            interval(.loggedIn, group: "100", from: (100, 1), to: (110, 2)),
            interval(.loggedIn, group: "100", from: (120, 3), to: (130, 4)),
            interval(.loggedIn, group: "100", from: (140, 5)),
        ])
        #expect(machine.signOuts == [110, 130])
        #expect(machine.lastSignOut == 130)
    }

    @Test func modeChangesAndUnknownEventsDoNothing() {
        let names = ["acwring", "acwanswer", "acwoff", "workwayall", "workwaydialin", "workwaydialout", "ringing", "LOGIN"]
        let machine = AgentMachine.run(names.enumerated().map { ev(Int64($0.offset + 1), $0.element, at: 100, group: "100") })
        #expect(machine == AgentMachine())
    }

    @Test func anIntervalClosedInItsOwnSecondLastsZeroSeconds() {
        let machine = AgentMachine.run([ev(1, "hangupacw", at: 100), ev(2, "acwstop", at: 100)])
        #expect(machine.intervals == [interval(.acw, from: (100, 1), to: (100, 2))])
        #expect(machine.intervals[0].seconds == 0)
    }

    @Test func intervalsStayInTheOrderTheyOpened() {
        let machine = AgentMachine.run([
            ev(1, "paused", at: 90),
            ev(2, "login", at: 100, group: "101"),
            ev(3, "nopaused", at: 110),
            ev(4, "login", at: 120, group: "100"),
            ev(5, "hangupacw", at: 130),
            ev(6, "paused", at: 140),
        ])
        #expect(machine.intervals.map(\.kind) == [.paused, .loggedIn, .loggedIn, .acw, .paused])
        #expect(machine.intervals.map(\.start) == [90, 100, 120, 130, 140])
        #expect(machine.intervals.map(\.end) == [110, nil, nil, nil, nil])
    }
}
