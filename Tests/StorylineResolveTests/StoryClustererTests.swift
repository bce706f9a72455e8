import Foundation
import StorylineCore
import Testing

@testable import StorylineResolve

/// Near-duplicate detection and story clustering on the five articles of `Examples/corpus` and texts written
/// for these tests.
@Suite struct StoryClustererTests {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples/corpus")

    /// A corpus article's text by file-name prefix ("000").
    static func article(_ prefix: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path)
        let name = try #require(names.first { $0.hasPrefix(prefix + "_") }, "no corpus file \(prefix)_*")
        return try String(contentsOf: corpus.appendingPathComponent(name), encoding: .utf8)
    }

    static func date(_ text: String) -> PublicationDate? { PublicationDate(iso8601: text) }

    /// Entities as the resolver would name them for each corpus article.
    static let entities: [String: [String]] = [
        "000": ["Keir Starmer", "Donald Trump", "Volodymyr Zelensky", "Ukraine", "White House", "Kursk"],
        "001": ["Keir Starmer", "Donald Trump", "Volodymyr Zelensky", "Ukraine", "White House", "Russia"],
        "002": ["Donald Trump", "Keir Starmer", "Ukraine", "Vladimir Putin", "White House", "King Charles"],
        "003": ["Volodymyr Zelensky", "Keir Starmer", "Donald Trump", "Vladimir Putin", "Alaska", "Anchorage"],
        "004": ["Keir Starmer", "Volodymyr Zelensky", "Ukraine", "Emmanuel Macron", "Donald Trump"],
    ]

    static let publication: [String: String] = [
        "000": "2025-02-27", "001": "2025-02-27", "002": "2025-02-28", "003": "2025-08-14", "004": "2025-03-03",
    ]

    static let football = """
        Manchester City beat Arsenal 3-1 at the Etihad Stadium on Sunday to move level on points at the top of \
        the Premier League. Erling Haaland scored twice in the first half and Phil Foden added a third after the \
        break, before Bukayo Saka pulled one back for the visitors with a curling shot from the edge of the box. \
        Pep Guardiola said his side had defended well and that the title race was far from over. Arsenal \
        manager Mikel Arteta said his players had lacked sharpness in front of goal and would need to recover \
        quickly before the midweek Champions League tie in Munich.
        """

    // MARK: Near-duplicates

    @Test func anExactCopyIsANearDuplicate() throws {
        var index = NearDuplicateIndex()
        let text = try Self.article("002")
        #expect(index.add(articleID: "straits-times", text: text) == nil)
        #expect(index.add(articleID: "yahoo-copy", text: text) == "straits-times")
        #expect(index.original(of: "yahoo-copy") == "straits-times")
        #expect(index.original(of: "straits-times") == nil)
        #expect(index.count == 2)
    }

    @Test func aCopyWithAChangedHeadlineAndSentenceIsANearDuplicate() throws {
        var index = NearDuplicateIndex()
        let text = try Self.article("002")
        let sentence =
            "Starmer also delivered an invitation from King Charles for a future state visit, which Trump accepted."
        #expect(text.contains(sentence))
        let edited =
            "Trump brushes aside Starmer's plea for US backstop\n"
            + text.replacingOccurrences(
                of: sentence,
                with: "The prime minister also brought a letter from King Charles inviting Trump to a state visit."
            )
        index.add(articleID: "original", text: text)
        #expect(index.similarity(text, edited) >= 0.8)
        #expect(index.add(articleID: "edited", text: edited) == "original")
        // A copy of the copy names the first article of the family.
        #expect(index.add(articleID: "edited-again", text: edited + "\nShare this story.") == "original")
    }

    @Test func differentArticlesOnTheSameTopicAreNotNearDuplicates() throws {
        var index = NearDuplicateIndex()
        for prefix in ["000", "001", "002", "003", "004"] {
            #expect(index.add(articleID: prefix, text: try Self.article(prefix)) == nil, "article \(prefix)")
        }
        #expect(index.add(articleID: "football", text: Self.football) == nil)
        #expect(index.add(articleID: "empty", text: " — ") == nil)
        #expect(index.add(articleID: "empty-too", text: "") == nil)
    }

    @Test func aSavedNearDuplicateIndexResumes() throws {
        var index = NearDuplicateIndex()
        index.add(articleID: "a", text: try Self.article("000"))
        index.add(articleID: "b", text: try Self.article("001"))
        var resumed = try JSONDecoder().decode(NearDuplicateIndex.self, from: JSONEncoder().encode(index))
        #expect(resumed.count == 2)
        #expect(resumed.add(articleID: "c", text: try Self.article("001")) == "b")
        #expect(resumed.add(articleID: "a", text: "anything") == nil)
    }

    // MARK: Stories

    /// Adds the corpus articles in publication order (and any extra ones) and returns the clusterer.
    static func cluster(_ prefixes: [String]) throws -> (StoryClusterer, [String: StoryAssignment]) {
        var clusterer = StoryClusterer()
        var out: [String: StoryAssignment] = [:]
        for prefix in prefixes {
            out[prefix] = clusterer.add(
                articleID: prefix,
                published: date(publication[prefix]!),
                text: try article(prefix),
                entities: entities[prefix]!
            )
        }
        return (clusterer, out)
    }

    @Test func articlesOnOneTopicClusterAndSportStartsAStory() throws {
        var (clusterer, placed) = try Self.cluster(["000", "001", "002", "004"])
        let sport = clusterer.add(
            articleID: "football",
            published: Self.date("2025-03-02"),
            text: Self.football,
            entities: ["Manchester City", "Arsenal", "Erling Haaland", "Pep Guardiola", "Mikel Arteta"]
        )
        let ukraine = try #require(placed["000"]).story
        #expect(placed["001"]?.story == ukraine)
        #expect(placed["002"]?.story == ukraine)
        #expect(placed["004"]?.story == ukraine)
        #expect(sport.story != ukraine)
        #expect(sport.duplicateOf == nil)
        #expect(clusterer.stories.count == 2)

        let story = try #require(clusterer.story(ukraine))
        #expect(story.articleIDs == ["000", "001", "002", "004"])
        #expect(story.firstPublished == Self.date("2025-02-27"))
        #expect(story.lastPublished == Self.date("2025-03-03"))
        #expect(story.label.contains("Keir Starmer"))
        #expect(story.label.contains("Donald Trump"))
        let thread = try #require(placed["002"]).thread
        #expect(story.threads.contains(thread))
        #expect(clusterer.story(sport.story)?.label.contains("Arsenal") == true)
    }

    @Test func aStoryTakesNoArticlesMonthsLater() throws {
        let (clusterer, placed) = try Self.cluster(["000", "001", "002", "003"])
        #expect(placed["003"]?.story != placed["000"]?.story)
        #expect(clusterer.stories.count == 2)
        #expect(clusterer.stories[1].label.contains("Alaska") || clusterer.stories[1].label.contains("Putin"))
    }

    @Test func aSyndicatedCopyJoinsItsOriginal() throws {
        var (clusterer, placed) = try Self.cluster(["000", "002"])
        let copy = clusterer.add(
            articleID: "copy",
            published: Self.date("2025-02-28"),
            text: "Trump says minerals deal is Ukraine's security guarantee\n" + (try Self.article("002")),
            entities: []
        )
        #expect(copy.duplicateOf == "002")
        #expect(copy.story == placed["002"]?.story)
        #expect(copy.thread == placed["002"]?.thread)
        #expect(clusterer.add(articleID: "copy", published: nil, text: "", entities: []) == copy)
        #expect(clusterer.assignment(of: "copy") == copy)
    }

    @Test func aSavedClustererResumesExactly() throws {
        let order = ["000", "001", "002", "004"]
        let (straight, _) = try Self.cluster(order + ["003"])
        let (saved, _) = try Self.cluster(Array(order.prefix(2)))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for (codec, restored) in try Codecs.roundTrips(saved) {
            var first = saved
            var resumed = restored
            for prefix in order.dropFirst(2) + ["003"] {
                let a = resumed.add(
                    articleID: prefix,
                    published: Self.date(Self.publication[prefix]!),
                    text: try Self.article(prefix),
                    entities: Self.entities[prefix]!
                )
                #expect(a == straight.assignment(of: prefix), "\(codec)")
                first.add(
                    articleID: prefix,
                    published: Self.date(Self.publication[prefix]!),
                    text: try Self.article(prefix),
                    entities: Self.entities[prefix]!
                )
            }
            #expect(resumed.stories == straight.stories, "\(codec)")
            #expect(try encoder.encode(resumed) == encoder.encode(straight), "\(codec)")
            #expect(try encoder.encode(first) == encoder.encode(straight), "\(codec)")
        }
    }

    @Test func centroidsKeepAtMostTheConfiguredTerms() throws {
        var clusterer = StoryClusterer(configuration: .init(centroidTerms: 25))
        for prefix in ["000", "001", "002", "004"] {
            clusterer.add(
                articleID: prefix,
                published: Self.date(Self.publication[prefix]!),
                text: try Self.article(prefix),
                entities: Self.entities[prefix]!
            )
        }
        for state in clusterer.storyStates { #expect(state.centroid.count <= 25) }
        for thread in clusterer.threadStates { #expect(thread.centroid.count <= 25) }
        #expect(clusterer.postings.values.reduce(0) { $0 + $1.count } <= 25 * clusterer.stories.count)
    }
}
