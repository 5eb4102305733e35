extension CallFilter {
    /// The filters in words, for the top of an HTML page.
    var scope: String {
        var conditions: [String] = []
        switch (startFrom, startBefore) {
        case let (from?, before?): conditions.append("started at or after \(from) and before \(before)")
        case let (from?, nil): conditions.append("started at or after \(from)")
        case let (nil, before?): conditions.append("started before \(before)")
        case (nil, nil): break
        }
        if let agent { conditions.append("offered to agent \(agent)") }
        if let number { conditions.append("customer number \(number)") }
        if let direction { conditions.append(direction.rawValue) }
        if let disposition { conditions.append(disposition.rawValue) }
        if let team { conditions.append("team \(team)") }
        if let group { conditions.append("agent group \(group)") }
        if let campaign { conditions.append("campaign \(campaign)") }
        if let did { conditions.append("DID \(did)") }
        return conditions.isEmpty ? "All calls in the database." : "Calls " + conditions.joined(separator: ", ") + "."
    }
}
