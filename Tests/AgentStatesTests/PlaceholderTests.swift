import Testing
@testable import AgentStates
