import StorylineCore

/// The merger's state is its statements and aliases; the index and the per-report features are derived
/// from the reports' wordings and rebuilt when decoding, so the encoded form is small and, with
/// `JSONEncoder.OutputFormatting.sortedKeys`, byte-for-byte deterministic.
extension StatementMerger: Codable {
    enum CodingKeys: String, CodingKey {
        case configuration, idCount, statements, aliases
    }

    /// One alias: a folded statement's ID and the ID it was folded into.
    struct Alias: Codable {
        var from: StatementID
        var to: StatementID
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(configuration: try container.decode(Configuration.self, forKey: .configuration))
        let idCount = try container.decode(Int.self, forKey: .idCount)
        let statements = try container.decode([Statement].self, forKey: .statements)
        let aliases = try container.decode([Alias].self, forKey: .aliases)
        slots = Array(repeating: nil, count: idCount)
        infos = Array(repeating: [], count: idCount)
        folded = Array(repeating: -1, count: idCount)
        for statement in statements {
            let id = statement.id.rawValue
            guard id >= 0, id < idCount, !statement.reports.isEmpty else {
                throw DecodingError.dataCorruptedError(
                    forKey: .statements,
                    in: container,
                    debugDescription: "statement \(statement.id) is empty or outside the \(idCount) IDs handed out"
                )
            }
            slots[id] = statement
            infos[id] = statement.reports.map(makeInfo)
        }
        for alias in aliases {
            let from = alias.from.rawValue
            guard from < idCount, alias.to.rawValue >= 0, alias.to < alias.from, slots[from] == nil else {
                throw DecodingError.dataCorruptedError(
                    forKey: .aliases,
                    in: container,
                    debugDescription:
                        "alias \(alias.from) → \(alias.to) must point to an older ID, of the \(idCount) handed out"
                )
            }
            folded[from] = alias.to.rawValue
        }
        for (id, statement) in slots.enumerated() {
            guard let statement else { continue }
            for (n, report) in statement.reports.enumerated() {
                reportIDs[ReportKey(articleID: report.source.articleID, range: report.range)] = id
                for shingle in infos[id][n].features.shingles where index[shingle]?.last != Int32(id) {
                    index[shingle, default: []].append(Int32(id))
                }
            }
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(configuration, forKey: .configuration)
        try container.encode(slots.count, forKey: .idCount)
        try container.encode(statements, forKey: .statements)
        let sorted = folded.indices.filter { folded[$0] >= 0 }.map {
            Alias(from: StatementID(rawValue: $0), to: StatementID(rawValue: folded[$0]))
        }
        try container.encode(sorted, forKey: .aliases)
    }
}
