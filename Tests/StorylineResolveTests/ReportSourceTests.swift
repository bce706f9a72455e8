import StorylineCore
import Testing

@testable import StorylineResolve

@Suite struct ReportSourceTests {
    @Test func firstReportIsTheEarliestDatedThenByArticleID() {
        let late = ReportSource(articleID: "a", outlet: "BBC", published: PublicationDate(iso8601: "2025-03-02"))
        let early = ReportSource(articleID: "z", outlet: "AP", published: PublicationDate(iso8601: "2025-03-01"))
        let undated = ReportSource(articleID: "0")
        let sameDay = ReportSource(articleID: "b", outlet: "AFP", published: PublicationDate(iso8601: "2025-03-02"))
        let sorted = [undated, late, sameDay, early].sorted(by: ReportSource.earlier)
        #expect(sorted.map(\.articleID) == ["z", "a", "b", "0"])
    }
}
