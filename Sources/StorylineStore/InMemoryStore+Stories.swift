import Foundation
import StorylineCore

/// Stories and merged events in the in-memory store: what the caller's story clusterer and event merger
/// computed, kept by id beside the articles, with the same checks and order as the persistent stores.
extension InMemoryStore {
    public func storyArticles() async throws -> [ArticleStory] {
        state.withLock { state in
            state.storyArticles.values.sorted { Self.precedes($0.articleID, $1.articleID) }
        }
    }

    public func storedStories() async throws -> [StoredStory] {
        state.withLock { state in state.stories.values.sorted { $0.id < $1.id } }
    }

    public func storyEvents(matching query: StoryEventQuery) async throws -> [StoredStoryEvent] {
        state.withLock { state in
            state.storyEvents.values.filter(query.matches).sorted { a, b in
                switch (a.firstDay, b.firstDay) {
                case let (x?, y?) where x != y: return x < y
                case (_?, nil): return true
                case (nil, _?): return false
                default: return Self.precedes(a.id, b.id)
                }
            }
        }
    }

    /// Writes stories, assignments and events into `state` by id, after `check` accepted each assigned
    /// article id; an assignment of an article that is not stored is refused.
    static func apply(
        _ stories: StoryResolution,
        to state: inout State,
        check: (String) throws -> Void
    ) throws {
        for assignment in stories.articles {
            try check(assignment.articleID)
            guard state.hashByID[assignment.articleID] != nil else { throw notInserted(assignment.articleID) }
            state.storyArticles[assignment.articleID] = assignment
        }
        for story in stories.stories { state.stories[story.id] = story }
        for event in stories.events { state.storyEvents[event.id] = event }
    }

    /// Forgets every story, assignment and merged event.
    static func clearStories(_ state: inout State) {
        state.storyArticles = [:]
        state.stories = [:]
        state.storyEvents = [:]
    }
}
