extension StoryClusterer {
    /// The prefix of entity features, which no content term (ASCII letters and digits) can start with.
    static let entityPrefix = "@"

    /// The feature of an entity name: its lower-cased, trimmed name after ``entityPrefix``; nil when blank.
    static func entityFeature(_ name: String) -> String? {
        let trimmed = name.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
        return trimmed.isEmpty ? nil : entityPrefix + trimmed.lowercased()
    }

    /// The article's unit TF-IDF vector; counts the article in the document frequencies first.
    ///
    /// A feature's weight is `(1 + ln tf) × idf`, with `idf = ln((N + 1) / (df + 1)) + 1` over the `N`
    /// articles seen so far (this one included), times ``Configuration/entityWeight`` for entities.
    mutating func features(text: String, entities: [String]) -> TermVector {
        var counts = ContentWords.termCounts(of: text)
        for name in entities {
            if let feature = Self.entityFeature(name) { counts[feature, default: 0] += 1 }
        }
        documentCount += 1
        for feature in counts.keys { documentFrequency[feature, default: 0] += 1 }
        let n = Double(documentCount)
        var weights: [String: Double] = [:]
        weights.reserveCapacity(counts.count)
        for (feature, tf) in counts {
            let df = Double(documentFrequency[feature] ?? 1)
            var weight = (1 + Self.ln(Double(tf))) * (Self.ln((n + 1) / (df + 1)) + 1)
            if feature.hasPrefix(Self.entityPrefix) { weight *= configuration.entityWeight }
            weights[feature] = weight
        }
        return TermVector(weights).normalized()
    }

    /// Adds an article's vector to its story's and thread's centroids, keeps the index and label current.
    mutating func absorb(_ vector: TermVector, entities: [String], story: Int, thread: Int) {
        let limit = configuration.centroidTerms
        threadStates[thread].centroid = threadStates[thread].centroid.adding(vector).truncated(to: limit)

        var state = storyStates[story]
        let old = state.centroid
        state.centroid = old.adding(vector).truncated(to: limit)
        let id = Int32(story)
        let (removed, added) = Self.difference(old.terms, state.centroid.terms)
        for term in removed {
            postings[term]?.remove(id)
            if postings[term]?.isEmpty == true { postings[term] = nil }
        }
        for term in added { postings[term, default: []].insert(id) }

        for name in entities {
            if let feature = Self.entityFeature(name), state.names[feature] == nil { state.names[feature] = name }
        }
        let centroid = state.centroid
        state.names = state.names.filter { centroid.contains($0.key) }
        state.story.label = Self.label(state.centroid, names: state.names)
        storyStates[story] = state
    }

    /// The terms only in `old` and only in `new` (both sorted).
    static func difference(_ old: [String], _ new: [String]) -> (removed: [String], added: [String]) {
        var removed: [String] = []
        var added: [String] = []
        var i = 0
        var j = 0
        while i < old.count || j < new.count {
            if j == new.count || (i < old.count && old[i] < new[j]) {
                removed.append(old[i])
                i += 1
            } else if i == old.count || new[j] < old[i] {
                added.append(new[j])
                j += 1
            } else {
                i += 1
                j += 1
            }
        }
        return (removed, added)
    }

    /// A story's label: its three heaviest entities as first named, then its two heaviest terms that are not
    /// words of those names, joined by " · ".
    static func label(_ centroid: TermVector, names: [String: String]) -> String {
        let entities = centroid.top(3) { $0.hasPrefix(entityPrefix) }.map {
            names[$0.term] ?? String($0.term.dropFirst())
        }
        var nameWords = Set<String>()
        for name in entities {
            ContentWords.forEach(in: name) { nameWords.insert(String(decoding: $0, as: UTF8.self)) }
        }
        let terms = centroid.top(2) { !$0.hasPrefix(entityPrefix) && !nameWords.contains($0) }
        return (entities + terms.map(\.term)).joined(separator: " · ")
    }

    /// The natural logarithm (without Foundation): range reduction to [1, 2) and the atanh series, exact to
    /// the last bits for the ratios TF-IDF needs.
    static func ln(_ x: Double) -> Double {
        guard x > 0 else { return -Double.infinity }
        let m = x.significand
        let y = (m - 1) / (m + 1)
        let y2 = y * y
        var term = y
        var sum = 0.0
        var k = 1.0
        while k < 60 {
            sum += term / k
            term *= y2
            k += 2
        }
        return 2 * sum + Double(x.exponent) * 0.693_147_180_559_945_3
    }
}
