import Foundation
import StorylineCore
import StorylineResolve
import StorylineStore
import Testing

@testable import storyline

/// An event on the `/timeline` page lists its earliest reporting articles and says how many more there are,
/// instead of every one of hundreds.
struct TimelinePageReportsTests {
    @Test func anEventReportedByManyArticlesListsTheFirstAndCountsTheRest() async throws {
        let store = InMemoryStore()
        var refs: [EventReportRef] = []
        let count = WebRoutes.reportsPerEvent + 5
        for n in 0..<count {
            let text = "Leaders met in London on Sunday to discuss Ukraine, report \(n) said."
            let id = String(format: "article-%03d", n)
            let article = Article(
                id: id,
                contentHash: "hash-" + id,
                title: "Report \(n)",
                outlet: "Outlet \(n)",
                published: PublicationDate(dayNumber: 20_000 + n),
                paragraphs: [text],
                origin: ArticleOrigin(path: "/in/\(id).txt", format: .plainText)
            )
            let met = text.utf8.count - text.drop { $0 != "m" }.utf8.count
            let event = EventMention(
                type: .consult,
                trigger: TextRange(start: met, end: met + 3),
                sentence: TextRange(start: 0, end: text.utf8.count),
                modality: .happened
            )
            _ = try await store.save([
                AnnotatedArticle(article: article, annotations: ArticleAnnotations(events: [event]))
            ])
            refs.append(EventReportRef(source: ReportSource(article), index: 0, modality: .happened))
        }
        let merged = MergedEvent(
            id: EventID(rawValue: "e1"),
            type: .consult,
            modality: .happened,
            actors: [],
            targets: [],
            reports: refs,
            firstReport: refs[0].source,
            independentOutlets: count
        )
        let event = StoryBuilder.Event(merged: merged, stories: [])
        let loaded = try await StoryBuilder.withReports([event], from: store, atMost: WebRoutes.reportsPerEvent)
        let view = WebRoutes.eventView(try #require(loaded.first), links: EntityLinks([:]))
        #expect(view.reports.count == WebRoutes.reportsPerEvent)
        #expect(view.reports.first?.reportHref == "/articles/article-000")
        #expect(
            view.reports.last?.reportHref
                == "/articles/article-\(String(format: "%03d", WebRoutes.reportsPerEvent - 1))"
        )
        #expect(view.moreReports == "and 5 more reporting articles")
        #expect(view.sentence?.hasPrefix("Leaders met in London") == true)

        // An event with few reports lists them all and no "more" line.
        let few = StoryBuilder.Event(
            merged: MergedEvent(
                id: EventID(rawValue: "e2"),
                type: .consult,
                modality: .happened,
                actors: [],
                targets: [],
                reports: Array(refs.prefix(3)),
                firstReport: refs[0].source,
                independentOutlets: 3
            ),
            stories: []
        )
        let fewLoaded = try await StoryBuilder.withReports([few], from: store, atMost: WebRoutes.reportsPerEvent)
        let fewView = WebRoutes.eventView(try #require(fewLoaded.first), links: EntityLinks([:]))
        #expect(fewView.reports.count == 3 && fewView.moreReports == nil)
    }
}
