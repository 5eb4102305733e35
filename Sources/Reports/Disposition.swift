/// How a call ended, as the assembler writes `calls.disposition` (SPEC 3.2).
public enum Disposition: String, CaseIterable, Sendable {
    case answered
    case abandoned
    case noAnswer = "no_answer"
    case agentNoAnswer = "agent_no_answer"
    case failed
    case unknown
}
