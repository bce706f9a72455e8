extension EntityResolver: Codable {
    private enum CodingKeys: String, CodingKey {
        case version, aliases, configuration, entities
    }

    /// The snapshot format's version.
    static let snapshotVersion = 1

    /// Restores a resolver from a snapshot: its alias table, thresholds and entities; the lookup tables are
    /// rebuilt from the entities, so the restored resolver continues exactly as the saved one would have.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let version = try container.decode(Int.self, forKey: .version)
        guard version == Self.snapshotVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .version,
                in: container,
                debugDescription:
                    "entity resolver snapshot version \(version); this build reads version \(Self.snapshotVersion)"
            )
        }
        aliases = try container.decode(EntityAliasTable.self, forKey: .aliases)
        configuration = try container.decode(Configuration.self, forKey: .configuration)
        records = try container.decode([ResolvedEntity].self, forKey: .entities)
        for (n, entity) in records.enumerated() where entity.id != Int64(n + 1) {
            throw DecodingError.dataCorruptedError(
                forKey: .entities,
                in: container,
                debugDescription: "entity \(n) of the snapshot has ID \(entity.id); IDs must run 1, 2, 3…"
            )
        }
        rebuildIndex()
    }

    /// Saves the alias table, thresholds and entities (not the lookup tables, which derive from them).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.snapshotVersion, forKey: .version)
        try container.encode(aliases, forKey: .aliases)
        try container.encode(configuration, forKey: .configuration)
        try container.encode(records, forKey: .entities)
    }
}
