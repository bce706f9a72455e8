import StorylineCore
import StorylineStore
import Testing

/// Event reports, alike in every store: stored with their article, read back in trigger order with every
/// argument, refused outside the text.
extension ArticleStoreConformanceTests {
    /// The interview sample with two event reports, given out of text order: a statement with a person actor,
    /// and a denied accusation with a place, a target and a date taken from the article's day.
    static func interviewWithEvents() -> AnnotatedArticle {
        var sample = QuoteSample.interview()
        let a = sample.article
        let firstSentence = QuoteSample.range("Ukraine's President Volodymyr Zelensky said", in: a)
        let secondSentence = QuoteSample.range("“Russia has broken every ceasefire it signed,”", in: a)
        sample.annotations.events = [
            EventMention(
                type: .accuse,
                trigger: QuoteSample.range("broken", in: a),
                sentence: secondSentence,
                actors: [EventArgument(name: "Volodymyr Zelensky", range: QuoteSample.range("he", in: a))],
                targets: [
                    EventArgument(name: "Russia", range: QuoteSample.range("Russia", in: a), label: .geopolitical)
                ],
                place: EventArgument(name: "BBC", range: QuoteSample.range("BBC", in: a), label: .organization),
                date: "2025-02-27",
                modality: .denied
            ),
            EventMention(
                type: .statement,
                mode: "interview",
                trigger: QuoteSample.range("said", in: a),
                sentence: firstSentence,
                actors: [
                    EventArgument(
                        name: "Volodymyr Zelensky",
                        range: QuoteSample.range("Volodymyr Zelensky", in: a),
                        label: .person
                    )
                ],
                date: "2025-02-27",
                dateRange: QuoteSample.range("Ukraine", in: a),
                modality: .happened
            ),
        ]
        return sample
    }

    @Test("event reports round-trip exactly with their article, in trigger order", arguments: StoreKind.allCases)
    func eventsRoundTrip(kind: StoreKind) async throws {
        let sample = Self.interviewWithEvents()
        try await kind.withStore { store async throws in
            #expect(try await store.save([sample]) == [.inserted])
            let stored = try #require(try await store.article(id: sample.article.id))
            let events = try #require(stored.annotations?.events)
            #expect(events == [sample.annotations.events[1], sample.annotations.events[0]])
        }
    }

    @Test("event reports are read by key with their sentence, trigger and article", arguments: StoreKind.allCases)
    func eventReportsByKey(kind: StoreKind) async throws {
        let sample = Self.interviewWithEvents()
        let article = sample.article
        try await kind.withStore { store async throws in
            _ = try await store.save([sample])
            let keys = [
                EventReportKey(articleID: article.id, index: 1),
                EventReportKey(articleID: "no-such-article", index: 0),
                EventReportKey(articleID: article.id, index: 0),
                EventReportKey(articleID: article.id, index: 2),
            ]
            let reports = try await store.eventReports(keys)
            // In the order asked; unknown articles and indexes left out. Stored in trigger order, index 0 is
            // the statement ("said") and index 1 the accusation ("broken").
            #expect(reports.map(\.key) == [keys[0], keys[2]])
            #expect(reports.map(\.event) == [sample.annotations.events[0], sample.annotations.events[1]])
            let scalars = Array(article.text.unicodeScalars)
            for report in reports {
                #expect(report.sentence == report.event.sentence.text(in: article.text))
                #expect(report.trigger == report.event.trigger.text(in: article.text))
                // The scalar offsets point at the same characters, though curly quotes come before them.
                var fromOffsets = String.UnicodeScalarView()
                fromOffsets.append(contentsOf: scalars[report.sentenceScalars])
                #expect(String(fromOffsets) == report.sentence)
                #expect(report.title == article.title && report.outlet == article.outlet)
                #expect(report.url == article.url && report.published == article.published)
                #expect(report.firstSource?.outlet == article.outlet)
            }
            #expect(reports.map(\.trigger) == ["broken", "said"])
            #expect(try await store.eventReports([]).isEmpty)
        }
    }

    @Test("event reports outside their article's text are refused", arguments: StoreKind.allCases)
    func eventsOutsideTheTextAreRefused(kind: StoreKind) async throws {
        var sample = Self.interviewWithEvents()
        let length = sample.article.text.utf8.count
        sample.annotations.events[0].targets[0].range = TextRange(start: length - 1, end: length + 3)
        try await kind.withStore { store async throws in
            await #expect(throws: StoreError.self) { try await store.save([sample]) }
            #expect(try await store.article(id: sample.article.id) == nil, "nothing of the article is stored")
        }
    }
}
