/// The clusterer's state is its stories and threads with their centroids, the document frequencies, the
/// assignments and the near-duplicate index; the inverted index and the list of live stories are rebuilt
/// when decoding. With `JSONEncoder.OutputFormatting.sortedKeys` the encoding is byte-for-byte deterministic.
extension StoryClusterer: Codable {
    enum CodingKeys: String, CodingKey {
        case configuration, duplicates, documentFrequency, documentCount, clock, stories, threads, assignments
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(configuration: try container.decode(Configuration.self, forKey: .configuration))
        duplicates = try container.decode(NearDuplicateIndex.self, forKey: .duplicates)
        documentFrequency = try container.decode([String: Int].self, forKey: .documentFrequency)
        documentCount = try container.decode(Int.self, forKey: .documentCount)
        clock = try container.decodeIfPresent(Int.self, forKey: .clock)
        storyStates = try container.decode([StoryState].self, forKey: .stories)
        threadStates = try container.decode([ThreadState].self, forKey: .threads)
        assignments = try container.decode([String: StoryAssignment].self, forKey: .assignments)
        for (n, state) in storyStates.enumerated() {
            let badThread = state.story.threads.first { $0.rawValue < 0 || $0.rawValue >= threadStates.count }
            guard state.story.id.rawValue == n, badThread == nil else {
                throw DecodingError.dataCorruptedError(
                    forKey: .stories,
                    in: container,
                    debugDescription: "story \(n) has ID \(state.story.id) or names thread "
                        + "\(badThread.map(String.init(describing:)) ?? "-") of \(threadStates.count)"
                )
            }
            guard !state.retired else { continue }
            live.append(Int32(n))
            for term in state.centroid.terms { postings[term, default: []].insert(Int32(n)) }
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(configuration, forKey: .configuration)
        try container.encode(duplicates, forKey: .duplicates)
        try container.encode(documentFrequency, forKey: .documentFrequency)
        try container.encode(documentCount, forKey: .documentCount)
        try container.encodeIfPresent(clock, forKey: .clock)
        try container.encode(storyStates, forKey: .stories)
        try container.encode(threadStates, forKey: .threads)
        try container.encode(assignments, forKey: .assignments)
    }
}
