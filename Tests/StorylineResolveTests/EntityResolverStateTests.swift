import Foundation
import StorylineCore
import Testing

@testable import StorylineResolve

/// Incrementality and determinism: the same articles in the same order give the same IDs and names, and a
/// snapshot restored mid-way continues exactly as the original would have.
@Suite struct EntityResolverStateTests {
    /// A small story touching every rule: spelling variants, short forms, acronyms, partial names, two
    /// people with one surname and an undecided bare surname.
    static let story: [FixtureArticle] = [
        FixtureArticle(
            "s1",
            "AP",
            "2025-02-28",
            "Donald Trump hosted Volodymyr Zelenskyy at the White House. Trump said the U.S. wanted a minerals "
                + "deal; Zelenskyy said NATO membership mattered.",
            [
                .person("Donald Trump"), .person("Volodymyr Zelenskyy"), .fac("White House"),
                .person("Trump", "Donald Trump"), .gpe("U.S."), .person("Zelenskyy", "Volodymyr Zelenskyy"),
                .org("NATO"),
            ]
        ),
        FixtureArticle(
            "s2",
            "Reuters",
            "2025-03-01",
            "Zelenskiy flew to London, where Keir Starmer said Britain would stand by Kiev.",
            [.person("Zelenskiy"), .gpe("London"), .person("Keir Starmer"), .gpe("Britain"), .gpe("Kiev")]
        ),
        FixtureArticle(
            "s3",
            "Fox News",
            "2025-03-02",
            "Lara Trump said the Republican Party stood behind the president. Trump spoke on Fox News.",
            [
                .person("Lara Trump"), .org("Republican Party"), .person("Trump", "Lara Trump"),
                .org("Fox News"),
            ]
        ),
        FixtureArticle(
            "s4",
            "BBC",
            "2025-03-02",
            "Starmer and Macron met in Kyiv. The North Atlantic Treaty Organization is not part of the plan, "
                + "the UK said.",
            [
                .person("Starmer"), .person("Macron"), .gpe("Kyiv"), .org("North Atlantic Treaty Organization"),
                .gpe("UK"),
            ]
        ),
        FixtureArticle(
            "s5",
            "Le Monde",
            "2025-03-03",
            "Emmanuel Macron said Europe must rearm; Nato allies agreed. Trump called Zelensky.",
            [
                .person("Emmanuel Macron"), .loc("Europe"), .org("Nato"), .person("Trump"),
                .person("Zelensky"),
            ]
        ),
        FixtureArticle(
            "s6",
            "Politico",
            "2025-03-04",
            "Johnson said the United States would not send troops.",
            [.person("Johnson"), .gpe("United States")]
        ),
        FixtureArticle(
            "s7",
            "The Telegraph",
            "2025-03-05",
            "Boris Johnson said America must back Ukraine; Trump disagreed.",
            [.person("Boris Johnson"), .gpe("America"), .gpe("Ukraine"), .person("Trump")]
        ),
    ]

    @Test func resolvingTwiceGivesTheSameIDsAndNames() {
        let a = StoryRun(Self.story)
        let b = StoryRun(Self.story)
        let order = Self.story.map(\.id)
        #expect(a.allIDs(order) == b.allIDs(order))
        #expect(a.resolver.entities == b.resolver.entities)
    }

    @Test func snapshotRestoreContinuesExactlyAsTheOriginal() throws {
        let order = Self.story.map(\.id)
        let straight = StoryRun(Self.story)
        for cut in 1..<Self.story.count {
            let saved = StoryRun(Array(Self.story[..<cut]))
            for (codec, restored) in try Codecs.roundTrips(saved.resolver) {
                var first = saved
                first.resolver = restored
                for fixture in Self.story[cut...] { first.add(fixture) }
                #expect(first.allIDs(order) == straight.allIDs(order), "\(codec), cut after \(cut) articles")
                #expect(first.resolver.entities == straight.resolver.entities, "\(codec), cut after \(cut) articles")
            }
        }
    }

    @Test func theStoryResolvesAsExpected() {
        let run = StoryRun(Self.story)
        let zelensky = run.id("s1", "Volodymyr Zelenskyy")
        #expect(run.id("s2", "Zelenskiy") == zelensky)
        #expect(run.id("s5", "Zelensky") == zelensky)
        let donald = run.id("s1", "Donald Trump")
        #expect(run.id("s3", "Lara Trump") != donald)
        #expect(run.id("s5", "Trump") == donald)
        #expect(run.id("s2", "Kiev") == run.id("s4", "Kyiv"))
        #expect(run.id("s2", "Britain") == run.id("s4", "UK"))
        #expect(run.id("s1", "U.S.") == run.id("s6", "United States"))
        #expect(run.id("s7", "America") == run.id("s6", "United States"))
        #expect(run.id("s1", "NATO") == run.id("s4", "North Atlantic Treaty Organization"))
        #expect(run.id("s5", "Nato") == run.id("s1", "NATO"))
        #expect(run.id("s4", "Macron") == run.id("s5", "Emmanuel Macron"))
        #expect(run.id("s4", "Starmer") == run.id("s2", "Keir Starmer"))
        // "Johnson" came before any full name and is upgraded by the first one.
        #expect(run.id("s6", "Johnson") == run.id("s7", "Boris Johnson"))
        #expect(run.resolver.canonicalName(of: zelensky) == "Volodymyr Zelenskyy")
        // IDs run in order of first appearance.
        #expect(donald == 1)
        #expect(run.resolver.entities.map(\.id) == Array(1...Int64(run.resolver.count)))
    }

    @Test func decodingRejectsAnotherVersion() throws {
        var run = StoryRun(Array(Self.story.prefix(2)))
        run.add(Self.story[2])
        let data = try JSONEncoder().encode(run.resolver)
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object["version"] = 99
        let changed = try JSONSerialization.data(withJSONObject: object)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(EntityResolver.self, from: changed) }
    }

    @Test func emptyArticleChangesNothing() {
        var resolver = EntityResolver()
        #expect(resolver.resolve([], text: "No names here.", source: ReportSource(articleID: "x")).isEmpty)
        #expect(resolver.count == 0)
    }
}
