import StorylineCore

/// Groups articles into stories, incrementally and by content over time: each new article joins the most
/// similar story active around its date, or starts a new one; within a story it joins the closest thread.
///
/// An article's features (``StoryClusterer+Features.swift``) are its content terms (``ContentWords``: words
/// minus stop words) and its resolved entity names, weighted by TF-IDF with document frequencies that grow
/// with every article added, entities ``Configuration/entityWeight`` (2×) heavier; the vector is scaled to
/// unit length. A story's centroid is the sum of its articles' vectors, cut to its
/// ``Configuration/centroidTerms`` heaviest terms so that memory per story is bounded; a thread's likewise.
///
/// Adding an article:
/// 1. A near-duplicate of an earlier article (``NearDuplicateIndex``: a syndicated copy, a re-post) joins its
///    original's story and thread and leaves the centroids and document frequencies alone.
/// 2. Candidate stories are those whose centroid holds one of the article's ``Configuration/queryTerms``
///    heaviest terms (an inverted index, term → stories) and that are active around the article's date: their
///    articles span a period that comes within ``Configuration/activeDays`` (30) days of it. The article joins
///    the candidate with the highest cosine similarity to its centroid, if that reaches
///    ``Configuration/storyThreshold``; else it starts a story.
/// 3. Within the story it joins the thread with the highest cosine at or above
///    ``Configuration/threadThreshold``, else it starts a thread.
///
/// Stories whose last article is more than ``Configuration/retireDays`` (90) days older than the newest
/// article seen are retired: they keep their articles and label but drop their centroids and leave the
/// inverted index, so the index holds only live stories and the cost of an add stays flat as the archive
/// grows. Deterministic (sorted vectors, ties to the oldest story), and `Codable`: a decoded clusterer
/// continues exactly as the encoded one would have.
public struct StoryClusterer: Sendable {
    /// Thresholds and sizes.
    public struct Configuration: Sendable, Hashable, Codable {
        /// Minimum cosine similarity of an article to a story's centroid to join it.
        public var storyThreshold: Double
        /// Minimum cosine similarity of an article to a thread's centroid to join it.
        public var threadThreshold: Double
        /// How many days before its first or after its last article a story takes new articles.
        public var activeDays: Int
        /// How many days after its last article (counted from the newest article seen) a story is retired.
        public var retireDays: Int
        /// The most terms a centroid keeps.
        public var centroidTerms: Int
        /// How many of an article's heaviest terms look up candidate stories.
        public var queryTerms: Int
        /// The factor of entity features over content terms.
        public var entityWeight: Double
        /// The near-duplicate detector's parameters.
        public var duplicates: NearDuplicateIndex.Configuration

        /// The defaults: story 0.18, thread 0.3, active 30 days, retired after 90, 200 centroid terms, 40 query
        /// terms, entities 2×.
        public init(
            storyThreshold: Double = 0.18,
            threadThreshold: Double = 0.3,
            activeDays: Int = 30,
            retireDays: Int = 90,
            centroidTerms: Int = 200,
            queryTerms: Int = 40,
            entityWeight: Double = 2,
            duplicates: NearDuplicateIndex.Configuration = NearDuplicateIndex.Configuration()
        ) {
            self.storyThreshold = storyThreshold
            self.threadThreshold = threadThreshold
            self.activeDays = activeDays
            self.retireDays = retireDays
            self.centroidTerms = centroidTerms
            self.queryTerms = queryTerms
            self.entityWeight = entityWeight
            self.duplicates = duplicates
        }
    }

    /// One story and what clustering needs of it.
    struct StoryState: Sendable, Hashable, Codable {
        var story: Story
        var centroid: TermVector
        /// Entity feature → the name as first given, for labels (only the centroid's entities).
        var names: [String: String]
        var firstDay: Int?
        var lastDay: Int?
        var retired: Bool
    }

    /// One thread: its story and centroid.
    struct ThreadState: Sendable, Hashable, Codable {
        var story: StoryID
        var centroid: TermVector
    }

    /// The thresholds in use.
    public let configuration: Configuration
    var duplicates: NearDuplicateIndex
    /// Feature → number of (non-duplicate) articles that have it.
    var documentFrequency: [String: Int] = [:]
    /// Non-duplicate articles added.
    var documentCount = 0
    /// The latest publication day seen.
    var clock: Int?
    var storyStates: [StoryState] = []
    var threadStates: [ThreadState] = []
    /// Centroid term → live stories whose centroid has it.
    var postings: [String: Set<Int32>] = [:]
    /// Live (not retired) stories.
    var live: [Int32] = []
    var assignments: [String: StoryAssignment] = [:]

    /// An empty clusterer.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        duplicates = NearDuplicateIndex(configuration: configuration.duplicates)
    }

    /// The stories, by ID.
    public var stories: [Story] { storyStates.map(\.story) }

    /// The story with this ID; nil for an ID never handed out.
    public func story(_ id: StoryID) -> Story? {
        guard id.rawValue >= 0, id.rawValue < storyStates.count else { return nil }
        return storyStates[id.rawValue].story
    }

    /// Where an added article was put; nil for an article never added.
    public func assignment(of articleID: String) -> StoryAssignment? { assignments[articleID] }

    /// Adds an article and returns its story and thread.
    ///
    /// - Parameters:
    ///   - articleID: the article's stable ID; adding an ID again changes nothing and returns its assignment.
    ///   - published: the publication date, when known (an undated article is placed at the newest date seen).
    ///   - text: the article's text (title and body).
    ///   - entities: the resolved names of the entities it mentions, once per mention or once each.
    @discardableResult
    public mutating func add(articleID: String, published: PublicationDate?, text: String, entities: [String])
        -> StoryAssignment
    {
        if let known = assignments[articleID] { return known }
        let day = published?.dayNumber
        if let day, day > (clock ?? Int.min) {
            clock = day
            retire()
        }
        let original = duplicates.add(articleID: articleID, text: text)
        if let original, let copied = assignments[original] {
            let assignment = StoryAssignment(story: copied.story, thread: copied.thread, duplicateOf: original)
            record(articleID, published, in: copied.story.rawValue)
            assignments[articleID] = assignment
            return assignment
        }

        let vector = features(text: text, entities: entities)
        let story = bestStory(for: vector, day: day ?? clock) ?? newStory()
        let thread = bestThread(for: vector, in: story) ?? newThread(in: story)
        record(articleID, published, in: story)
        absorb(vector, entities: entities, story: story, thread: thread)
        let assignment = StoryAssignment(
            story: StoryID(rawValue: story),
            thread: ThreadID(rawValue: thread),
            duplicateOf: original
        )
        assignments[articleID] = assignment
        return assignment
    }

    /// The live story most similar to a vector, at or above the story threshold, among those active at `day`.
    func bestStory(for vector: TermVector, day: Int?) -> Int? {
        var candidates = Set<Int32>()
        for entry in vector.top(configuration.queryTerms) {
            if let ids = postings[entry.term] { candidates.formUnion(ids) }
        }
        var best: (id: Int, score: Double)?
        for candidate in candidates {
            let id = Int(candidate)
            let state = storyStates[id]
            if let day, let first = state.firstDay, let last = state.lastDay {
                let window = configuration.activeDays
                guard day >= first - window, day <= last + window else { continue }
            }
            let score = vector.cosine(state.centroid)
            guard score >= configuration.storyThreshold else { continue }
            if let b = best, b.score > score || (b.score == score && b.id < id) { continue }
            best = (id, score)
        }
        return best?.id
    }

    /// The thread of a story most similar to a vector, at or above the thread threshold.
    func bestThread(for vector: TermVector, in story: Int) -> Int? {
        var best: (id: Int, score: Double)?
        for thread in storyStates[story].story.threads {
            let score = vector.cosine(threadStates[thread.rawValue].centroid)
            guard score >= configuration.threadThreshold else { continue }
            if let b = best, b.score >= score { continue }
            best = (thread.rawValue, score)
        }
        return best?.id
    }

    mutating func newStory() -> Int {
        let id = storyStates.count
        let story = Story(id: StoryID(rawValue: id), label: "", articleIDs: [], threads: [])
        storyStates.append(
            StoryState(story: story, centroid: TermVector(), names: [:], firstDay: nil, lastDay: nil, retired: false)
        )
        live.append(Int32(id))
        return id
    }

    mutating func newThread(in story: Int) -> Int {
        let id = threadStates.count
        threadStates.append(ThreadState(story: StoryID(rawValue: story), centroid: TermVector()))
        storyStates[story].story.threads.append(ThreadID(rawValue: id))
        return id
    }

    /// Adds an article to a story's list and date span.
    mutating func record(_ articleID: String, _ published: PublicationDate?, in story: Int) {
        storyStates[story].story.articleIDs.append(articleID)
        guard let published else { return }
        let day = published.dayNumber
        var state = storyStates[story]
        if state.story.firstPublished.map({ published < $0 }) ?? true { state.story.firstPublished = published }
        if state.story.lastPublished.map({ $0 < published }) ?? true { state.story.lastPublished = published }
        state.firstDay = min(state.firstDay ?? day, day)
        state.lastDay = max(state.lastDay ?? day, day)
        storyStates[story] = state
    }

    /// Retires the live stories whose last article is more than ``Configuration/retireDays`` before the clock.
    mutating func retire() {
        guard let clock else { return }
        let cutoff = clock - configuration.retireDays
        var kept: [Int32] = []
        for id in live {
            let state = storyStates[Int(id)]
            guard let last = state.lastDay, last < cutoff else {
                kept.append(id)
                continue
            }
            for term in state.centroid.terms {
                postings[term]?.remove(id)
                if postings[term]?.isEmpty == true { postings[term] = nil }
            }
            storyStates[Int(id)].centroid = TermVector()
            storyStates[Int(id)].names = [:]
            storyStates[Int(id)].retired = true
            for thread in state.story.threads { threadStates[thread.rawValue].centroid = TermVector() }
        }
        live = kept
    }
}
