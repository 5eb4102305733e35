import CallStore
import Foundation
import SQLite
@_exported import TestSupport


/// The vendor's two example flows, verbatim from the seed page (dial-out, then dial-in).
let vendorFlowLines: [String] = {
    let url = repositoryRoot.appendingPathComponent("samples/vendor-flows.txt")
    let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").map(String.init)
}()
