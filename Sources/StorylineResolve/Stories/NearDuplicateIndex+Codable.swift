/// The index's state is its articles' IDs, signatures and originals; the LSH buckets are rebuilt when
/// decoding.
extension NearDuplicateIndex: Codable {
    enum CodingKeys: String, CodingKey {
        case configuration, articles
    }

    /// One indexed article.
    struct Entry: Codable {
        var id: String
        var signature: [UInt32]
        var original: String?
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(configuration: try container.decode(Configuration.self, forKey: .configuration))
        let entries = try container.decode([Entry].self, forKey: .articles)
        for entry in entries {
            let original = entry.original.flatMap { positions[$0] }
            guard entry.signature.count == configuration.hashCount, positions[entry.id] == nil,
                entry.original == nil || original != nil
            else {
                throw DecodingError.dataCorruptedError(
                    forKey: .articles,
                    in: container,
                    debugDescription: "article \"\(entry.id)\" is repeated, names an original not indexed "
                        + "before it, or has a signature of \(entry.signature.count) values, not "
                        + "\(configuration.hashCount)"
                )
            }
            let position = articleIDs.count
            articleIDs.append(entry.id)
            signatures.append(contentsOf: entry.signature)
            positions[entry.id] = position
            originals.append(Int32(original ?? -1))
            if entry.signature.contains(where: { $0 != UInt32.max }) { file(position, entry.signature) }
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(configuration, forKey: .configuration)
        let n = configuration.hashCount
        let entries = articleIDs.indices.map { p in
            Entry(
                id: articleIDs[p],
                signature: Array(signatures[(p * n)..<((p + 1) * n)]),
                original: originals[p] >= 0 ? articleIDs[Int(originals[p])] : nil
            )
        }
        try container.encode(entries, forKey: .articles)
    }
}
