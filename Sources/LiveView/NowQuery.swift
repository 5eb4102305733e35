import CallEvents
import Foundation

/// The query of `GET /api/now`: `at=YYYY-MM-DD HH:MM:SS` in the database's zone, or nothing for
/// the present moment, as `astercdr now --at` takes it.
enum NowQuery {
    struct Refusal: Error {
        let message: String
    }

    /// The moment asked for (nil: now). `value` is `at` percent-decoded; a `+` is a space, as a form writes it.
    static func moment(_ value: String?) -> Result<CivilTime?, Refusal> {
        guard let value else { return .success(nil) }
        let text = value.replacingOccurrences(of: "+", with: " ").trimmingCharacters(in: .whitespaces)
        guard let time = CivilTime(parsing: text) else {
            return .failure(Refusal(message:
                "at=\(value) is not a time: use at=YYYY-MM-DD HH:MM:SS in the database's zone (e.g. ?at=2026-11-25%2009:30:00), or leave it out for now"))
        }
        return .success(time)
    }
}
