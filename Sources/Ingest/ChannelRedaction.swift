import CallEvents
import Foundation

/// A subscription URL fit for logs and for the database. asterCC puts the agent's password in the
/// channel name: the last path segment for push-stream (`/agentindesks/agentpull/CHANNEL`), a query
/// argument for nchan (`/sub?id=CHANNEL`). Such parts become `~` and a hash of them, so two channels
/// stay apart (their cursors are keyed by this text) while no secret is kept.
///
/// Every query value is hashed, and so is the last path segment unless the query names the channel
/// itself: a push-stream URL copied from a browser may carry a cache-busting `?_=...`.
///
/// The hash is 48 bits of FNV-1a: stable across processes and versions, as a cursor key must be.
/// It hides the channel from whoever reads a log, not from someone who tries every short password.
enum ChannelRedaction {
    /// Query arguments that carry the channel in nchan's and push-stream's documented setups.
    private static let channelArguments: Set<Substring> = ["id", "channel", "channels"]

    static func redact(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return "~" + hash(url) }
        components.fragment = nil
        if let password = components.percentEncodedPassword {
            components.percentEncodedPassword = "~" + hash(password)
        }
        var channelInQuery = false
        if let query = components.percentEncodedQuery, !query.isEmpty {
            components.percentEncodedQuery = query.split(separator: "&", omittingEmptySubsequences: false)
                .map { argument -> String in
                    guard let equals = argument.firstIndex(of: "=") else { return "~" + hash(argument) }
                    if channelArguments.contains(argument[..<equals]) { channelInQuery = true }
                    return String(argument[...equals]) + "~" + hash(argument[argument.index(after: equals)...])
                }
                .joined(separator: "&")
        }
        if !channelInQuery {
            var segments = components.percentEncodedPath.split(separator: "/", omittingEmptySubsequences: false)
            if let last = segments.lastIndex(where: { !$0.isEmpty }) {
                segments[last] = Substring("~" + hash(segments[last]))
                components.percentEncodedPath = segments.joined(separator: "/")
            }
        }
        return components.string ?? "~" + hash(url)
    }

    private static func hash(_ text: some StringProtocol) -> String {
        let hex = String(FNV1a.hash(text.utf8) >> 16, radix: 16)
        return String(repeating: "0", count: 12 - hex.count) + hex
    }
}
