import Foundation
import Testing

/// `storyline search` over the example corpus, run as a user runs it.
struct SearchCommandTests {
    @Test func aPhraseFindsTheArticlesThatUseItWithMarkedSnippets() throws {
        let (db, dir) = try TimelineCommandTests.ingestedCorpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        // The shell hands a quoted phrase over as one argument.
        let run = try CLI.run(["search", "coalition of the willing", "--db", db, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let hits = try TimelineCommandTests.jsonArray(run.stdout)
        let days = hits.compactMap { (($0["article"] as? [String: Any])?["published"] as? String)?.prefix(10) }
        // The 3 March report and the 14 August one speak of the "coalition of the willing"; the February ones do not.
        #expect(Set(days) == ["2025-03-03", "2025-08-14"], "\(hits)")
        for hit in hits {
            let parts = try #require(hit["snippet"] as? [[String: Any]])
            let matched = parts.filter { $0["match"] as? Bool == true }.compactMap { $0["text"] as? String }
            #expect(
                matched.map { $0.lowercased() } == ["coalition", "of", "the", "willing"]
                    || matched.map { $0.lowercased() } == ["coalition of the willing"],
                "\(parts)"
            )
        }
        let text = try CLI.run(["search", "minerals", "deal", "--db", db, "--limit", "1"])
        #expect(text.status == 0 && text.stdout.contains("«minerals»"), "\(text.stdout)")
    }

    @Test func nothingToSearchForIsRefused() throws {
        let (db, dir) = try TimelineCommandTests.ingestedCorpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try CLI.run(["search", "--db", db, "--", "--"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("nothing to search for"), "\(run.stderr)")
    }
}
