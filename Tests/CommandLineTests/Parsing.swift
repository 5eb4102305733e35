import ArgumentParser
@testable import astercdr

/// The command `arguments` parse into (validated, as a run would), or the refusal astercdr prints
/// after `Error: `.
enum Parsed {
    case command(any ParsableCommand)
    case refused(String)

    init(_ arguments: [String]) {
        do {
            self = .command(try AsterCDR.parseAsRoot(arguments))
        } catch {
            self = .refused(AsterCDR.message(for: error))
        }
    }

    var refusal: String? {
        if case .refused(let message) = self { message } else { nil }
    }

    func command<C: ParsableCommand>(_ type: C.Type) -> C? {
        if case .command(let command) = self { command as? C } else { nil }
    }
}
