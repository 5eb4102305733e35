/// Turns one session's events into its call record (SPEC 3).
public enum CallAssembler {
    /// The call record of one session, or nil when the session has no non-duplicate event.
    ///
    /// Events may come in any order: the result depends only on the set of events (their
    /// `rawID`s being distinct, as they are in the store). Duplicates are ignored entirely.
    ///
    /// `asOf`: a call still going on, looked at from that moment (`astercdr now`): without its
    /// CONVERSATION hangup it lasts past that moment, not only until its latest event, so a
    /// party that answered and has not hung up is talking then, even in its answer's second.
    public static func assemble(sessionid: String, events: [SessionEvent], asOf: Int64? = nil) -> CallRecord? {
        let ordered = SessionOrder.sorted(events.filter { !$0.isDuplicate })
        guard let startEpoch = ordered.map(\.epoch).min(), let latestEpoch = ordered.map(\.epoch).max() else {
            return nil
        }
        let recognized = ordered.enumerated().compactMap { position, event -> RecognizedEvent? in
            guard let source = EventSource(event.source), let kind = EventKind(event.event) else { return nil }
            return RecognizedEvent(position: position, source: source, kind: kind, event: event)
        }

        // The first CONVERSATION hangup ends the call; a copy with another eventid changes nothing.
        let conversationEnd = recognized.first { $0.source == .conversation && $0.kind == .hangup }
        let endEpoch = conversationEnd?.event.epoch ?? max(latestEpoch, asOf.map { $0 + 1 } ?? latestEpoch)

        let parties = assembleParties(recognized, callEnd: endEpoch)
        let answerEpoch = CallRules.answerEpoch(parties)
        let partyTalk = CallRules.partyTalk(parties)
        let handlingAgent = CallRules.handlingAgent(parties)

        func firstPresent(_ field: (SessionEvent) -> String?) -> String? {
            for recognized in recognized {
                if let value = field(recognized.event).present { return value }
            }
            return nil
        }
        let direction = firstPresent(\.direction)
        let customerNumber = parties.first(where: \.isCustomer)?.number ?? firstPresent(\.calleridnum)

        return CallRecord(
            sessionid: sessionid,
            direction: direction,
            disposition: CallRules.disposition(answered: answerEpoch != nil, direction: direction, parties: parties),
            complete: conversationEnd != nil,
            customerNumber: customerNumber,
            agentNumber: handlingAgent?.number,
            agent: handlingAgent.map { $0.agentno ?? $0.number } ?? nil,
            agentsRung: parties.filter { $0.role == .agent }.count,
            did: firstPresent(\.didnumber),
            teamID: firstPresent(\.teamID),
            groupID: firstPresent(\.groupID),
            modeltype: firstPresent(\.modeltype),
            modelID: firstPresent(\.modelID),
            startEpoch: startEpoch,
            answerEpoch: answerEpoch,
            endEpoch: endEpoch,
            durationSeconds: max(0, endEpoch - startEpoch),
            waitSeconds: max(0, (answerEpoch ?? endEpoch) - startEpoch),
            talkSeconds: CallRules.callTalkSeconds(parties),
            holdSeconds: CallRules.callHoldSeconds(parties),
            hangupBy: CallRules.hangupBy(parties),
            eventCount: ordered.count,
            parties: zip(parties, partyTalk).map { $0.record(talk: $1, callEnd: endEpoch) }
        )
    }

    private static func assembleParties(_ recognized: [RecognizedEvent], callEnd: Int64) -> [AssembledParty] {
        let groups = PartyIdentity.parties(of: recognized)
        // Only a real `answer` of the agent side bridges a waiting CALLER (SPEC 3.1); a `join` is
        // a leg entering an existing conversation, not the moment the queue call was picked up.
        let bridgeMoments = groups
            .filter { !$0.role.isCustomer }
            .flatMap { $0.events.filter { $0.kind == .answer }.map(\.event.epoch) }
            .sorted()
        return groups.enumerated().map { index, group in
            AssembledParty(
                ordinal: index + 1,
                role: group.role,
                number: PartyIdentity.number(of: group),
                uniqueid: group.key.uniqueid,
                channel: PartyIdentity.channel(of: group),
                agentno: group.events.lazy.compactMap { $0.event.agentno.present }.first,
                timeline: PartyTimeline(events: group.events, role: group.role, bridgeMoments: bridgeMoments, callEnd: callEnd)
            )
        }
    }
}
