import ArgumentParser

/// `--stale-after`, which `ingest` and `assemble` share.
struct StaleAfterOption: ParsableArguments {
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            withDefault(
                "A session without its CONVERSATION hangup is assembled, incomplete, once its newest event is this old (30s, 15m, 4h or seconds).",
                TimeSpan.staleAfterDefault.defaultValueDescription),
            valueName: "duration"),
        transform: TimeSpan.init(parsing:))
    var staleAfter: TimeSpan = .staleAfterDefault

    var seconds: Int64 { staleAfter.seconds }
}
