import StorylineCore
import StorylineStore
import Testing

/// Entity mentions and quotes, alike in every store: stored with their article and read back in text order, and
/// found across articles by ``ArticleStore/quotes(matching:)``.
extension ArticleStoreConformanceTests {
    /// Every sample quote's text, in the order a query without filters returns them: by date, undated last.
    static let allQuoteTexts = [
        // Reuters, 2025-03-10
        "talks on reopening the Black Sea grain corridor would resume in Istanbul next week",
        "We are closer to an agreement than at any time since the summer,",
        "practical guarantees",
        // France 24, 2025-03-11
        "he would host European army chiefs at the Élysée on Tuesday to discuss security guarantees for Ukraine",
        "wake up",
        // AP, 2025-03-12
        "Ukraine had accepted a 30-day ceasefire proposal",
        "the ball is now in Russia’s court.",
        "We’ll take this offer to the Russians, and we hope they’ll say yes to peace.",
        "Moscow would study the proposal carefully",
        // The Guardian, 2025-03-14
        "very good and productive",
        "Putin had expressed sympathy for Trump's appeal",
        // BBC News, undated
        "he was grateful for American support",
        "Russia has broken every ceasefire it signed,",
    ]

    /// The texts of the quotes matching `query`.
    static func quoteTexts(_ store: any ArticleStore, _ query: QuoteQuery) async throws -> [String] {
        try await store.quotes(matching: query).map(\.text)
    }

    @Test("entity mentions and quotes round-trip exactly with their article", arguments: StoreKind.allCases)
    func entitiesAndQuotesRoundTrip(kind: StoreKind) async throws {
        let samples = QuoteSample.all()
        // Curly quotes before the spans: a store that changed the offsets' unit would be caught.
        let ceasefire = QuoteSample.ceasefire()
        #expect(ceasefire.article.text.utf8.count > ceasefire.article.text.unicodeScalars.count)
        #expect(samples.allSatisfy { !$0.annotations.entities.isEmpty && !$0.annotations.quotes.isEmpty })
        try await kind.withStore { store async throws in
            #expect(try await store.save(samples) == Array(repeating: .inserted, count: samples.count))
            for saved in samples {
                let stored = try #require(try await store.article(id: saved.article.id))
                #expect(stored.annotations == saved.annotations, "\(saved.article.title ?? "")")
            }
            // Every optional field of a quote survives, set or not.
            let stored = try #require(try await store.article(id: QuoteSample.interview().article.id))
            let told = try #require(stored.annotations?.quotes.last)
            #expect(told.speaker == "he")
            #expect(told.speakerName == "Volodymyr Zelensky")
            #expect(told.addressee == "the BBC")
            #expect(told.channel == "in an interview")
            let kremlin = try #require(try await store.article(id: QuoteSample.putinCall().article.id))
            #expect(kremlin.annotations?.quotes.last?.speakerName == nil)
            #expect(kremlin.annotations?.quotes.last?.addressee == nil)
        }
    }

    @Test("annotations given out of order are stored and read back in text order", arguments: StoreKind.allCases)
    func annotationsInTextOrder(kind: StoreKind) async throws {
        let inOrder = QuoteSample.grainTalks()
        var shuffled = inOrder
        shuffled.annotations.entities.reverse()
        shuffled.annotations.quotes.swapAt(0, 2)
        #expect(shuffled.annotations != inOrder.annotations)
        let other = QuoteSample.ceasefire()
        var replacement = other.annotations
        replacement.quotes.reverse()
        try await kind.withStore { store async throws in
            _ = try await store.save([shuffled, other])
            #expect(try await store.article(id: inOrder.article.id)?.annotations == inOrder.annotations)
            try await store.replaceAnnotations(
                [(id: other.article.id, annotations: replacement)],
                extractorVersion: "v"
            )
            #expect(try await store.article(id: other.article.id)?.annotations == other.annotations)
        }
    }

    @Test("entity mentions and quotes outside their article's text are refused", arguments: StoreKind.allCases)
    func entityAndQuoteRangesOutsideTheText(kind: StoreKind) async throws {
        let good = QuoteSample.macron()
        let length = QuoteSample.interview().article.text.utf8.count
        var badEntity = QuoteSample.interview()
        badEntity.annotations.entities.append(
            EntityMention(range: TextRange(start: length - 3, end: length + 5), type: .person, canonical: "Nobody")
        )
        var badSpeaker = QuoteSample.interview()
        badSpeaker.annotations.quotes[0].speakerRange = TextRange(start: length, end: length + 1)
        try await kind.withStore { store async throws in
            for bad in [badEntity, badSpeaker] {
                let error = await #expect(throws: StoreError.self) { try await store.save([good, bad]) }
                #expect(error?.message.contains(bad.article.id) == true)
                #expect(error?.message.contains("outside its text") == true)
                #expect(try await store.counts() == StoreCounts(articles: 0, sources: 0))
                #expect(try await store.quotes(matching: QuoteQuery()).isEmpty)
            }
            _ = try await store.save([good, QuoteSample.interview()])
            let error = await #expect(throws: StoreError.self) {
                try await store.replaceAnnotations(
                    [
                        (id: good.article.id, annotations: .init()),
                        (id: badEntity.article.id, annotations: badEntity.annotations),
                    ],
                    extractorVersion: "v"
                )
            }
            #expect(error?.message.contains("entity mention") == true)
            #expect(try await store.article(id: good.article.id)?.annotations == good.annotations)
        }
    }

    @Test("quotes come in date order with their text, context, article and every source", arguments: StoreKind.allCases)
    func quotesWithContextAndSources(kind: StoreKind) async throws {
        let samples = QuoteSample.all()
        let ceasefire = QuoteSample.ceasefire()
        let copy = Sample.syndicated(
            ceasefire.article,
            outlet: "The Washington Post",
            url: "https://www.washingtonpost.com/world/2025/03/12/rubio-ceasefire-ukraine/",
            published: "2025-03-12T19:02:00Z"
        )
        let contexts: [String: String] = [
            "talks on reopening the Black Sea grain corridor would resume in Istanbul next week":
                "ISTANBUL, March 10 (Reuters) - Turkish Foreign Minister Hakan Fidan said on Monday that talks on "
                + "reopening the Black Sea grain corridor would resume in Istanbul next week.",
            "practical guarantees": "Sybiha said Kyiv was ready to discuss “practical guarantees” for merchant ships.",
            "wake up": "Europe must “wake up”, Macron told the nation in a televised address.",
            "the ball is now in Russia’s court.":
                "WASHINGTON (AP) — Secretary of State Marco Rubio said Wednesday that Ukraine had accepted a 30-day "
                + "ceasefire proposal and that “the ball is now in Russia’s court.”",
            "We’ll take this offer to the Russians, and we hope they’ll say yes to peace.":
                "Speaking to reporters on the flight home from Jeddah, Rubio added: “We’ll take this offer to the "
                + "Russians, and we hope they’ll say yes to peace.”",
            "Putin had expressed sympathy for Trump's appeal":
                "The Kremlin said Putin had expressed sympathy for Trump's appeal.",
            "Russia has broken every ceasefire it signed,":
                "“Russia has broken every ceasefire it signed,” he told the BBC in an interview.",
        ]
        try await kind.withStore { store async throws in
            _ = try await store.save(samples)
            #expect(try await store.save([copy]) == [.addedSource])
            let quotes = try await store.quotes(matching: QuoteQuery())
            #expect(quotes.map(\.text) == Self.allQuoteTexts)

            let articles = Dictionary(uniqueKeysWithValues: samples.map { ($0.article.id, $0) })
            for stored in quotes {
                let saved = try #require(articles[stored.articleID])
                let text = Array(saved.article.text.utf8)
                #expect(saved.annotations.quotes.contains(stored.quote))
                #expect(String(decoding: text[stored.quote.range.range], as: UTF8.self) == stored.text)
                #expect(String(decoding: text[stored.contextRange.range], as: UTF8.self) == stored.context)
                #expect(stored.contextRange.contains(stored.quote.range))
                #expect(stored.title == saved.article.title)
                #expect(stored.outlet == saved.article.outlet)
                #expect(stored.url == saved.article.url)
                #expect(stored.published == saved.article.published)
                if let expected = contexts[stored.text] {
                    #expect(stored.context == expected)
                }
                let sources = stored.articleID == ceasefire.article.id ? [ceasefire.article, copy] : [saved.article]
                #expect(stored.sources == sources.map(ArticleSource.init))
            }
        }
    }

    @Test(
        "quotes by speaker: a case-insensitive part of the resolved name or the source as written",
        arguments: StoreKind.allCases
    )
    func quotesBySpeaker(kind: StoreKind) async throws {
        let all = Self.allQuoteTexts
        let cases: [(String, [String])] = [
            ("trump", ["very good and productive"]),
            ("TRUMP", ["very good and productive"]),
            ("Donald Trump", ["very good and productive"]),
            // The source as written: the spokesman by his institution, and the institution itself.
            (
                "kremlin",
                ["Moscow would study the proposal carefully", "Putin had expressed sympathy for Trump's appeal"]
            ),
            ("rubio", Array(all[5...7])),
            ("Secretary of State", Array(all[5...6])),
            // A pronoun resolved to the name.
            ("zelensky", Array(all[11...12])),
            ("fidan", Array(all[0...1])),
            ("sybiha", ["practical guarantees"]),
            ("Emmanuel Macron", Array(all[3...4])),
            ("Dmitry Peskov", ["Moscow would study the proposal carefully"]),
            ("Boris Johnson", []),
            // Input that would mean something to SQL means nothing here.
            ("%", []),
            ("_", []),
            ("' OR '1'='1", []),
            ("\"; DROP TABLE quote; --", []),
            // An empty filter filters nothing.
            ("", all),
        ]
        try await kind.withStore { store async throws in
            _ = try await store.save(QuoteSample.all())
            for (speaker, expected) in cases {
                #expect(
                    try await Self.quoteTexts(store, QuoteQuery(speaker: speaker)) == expected,
                    "speaker \(speaker)"
                )
            }
            #expect(try await store.quotes(matching: QuoteQuery()).count == all.count, "nothing was dropped")
        }
    }

    @Test("quotes about words that begin words of their own text", arguments: StoreKind.allCases)
    func quotesAbout(kind: StoreKind) async throws {
        let cases: [(speaker: String?, about: String, [String])] = [
            (
                nil, "ceasefire",
                ["Ukraine had accepted a 30-day ceasefire proposal", "Russia has broken every ceasefire it signed,"]
            ),
            // A word's beginning finds the longer word; a part inside a word finds nothing.
            (
                nil, "cease",
                ["Ukraine had accepted a 30-day ceasefire proposal", "Russia has broken every ceasefire it signed,"]
            ),
            (nil, "fire", []),
            (nil, "TRUMP", ["Putin had expressed sympathy for Trump's appeal"]),
            (nil, "russia’s court", ["the ball is now in Russia’s court."]),
            // Accents and case set aside.
            (nil, "ÉLYSÉE", [Self.allQuoteTexts[3]]),
            (nil, "elysee", [Self.allQuoteTexts[3]]),
            // Words, not characters: a straight apostrophe finds a curly one.
            (nil, "Russia's court", ["the ball is now in Russia’s court."]),
            // Every word is required; a quoted phrase needs its words in a row.
            (nil, "russia court", ["the ball is now in Russia’s court."]),
            (nil, "russia ceasefire", ["Russia has broken every ceasefire it signed,"]),
            (nil, "\"broken every\"", ["Russia has broken every ceasefire it signed,"]),
            (nil, "\"every broken\"", []),
            // The quote's own words, not its context; no word at all finds nothing.
            (nil, "Jeddah", []),
            (nil, "%", []),
            ("rubio", "russia", ["the ball is now in Russia’s court.", Self.allQuoteTexts[7]]),
            ("zelensky", "russia", ["Russia has broken every ceasefire it signed,"]),
        ]
        try await kind.withStore { store async throws in
            _ = try await store.save(QuoteSample.all())
            for (speaker, about, expected) in cases {
                let found = try await Self.quoteTexts(store, QuoteQuery(speaker: speaker, about: about))
                #expect(found == expected, "speaker \(speaker ?? "any") about \(about)")
            }
        }
    }

    @Test("quotes since and until whole days of their article's publication, inclusive", arguments: StoreKind.allCases)
    func quotesByDate(kind: StoreKind) async throws {
        let all = Self.allQuoteTexts
        let date = Sample.date
        let cases: [(QuoteQuery, [String])] = [
            (QuoteQuery(since: date("2025-03-12")), Array(all[5...10])),
            (QuoteQuery(until: date("2025-03-11")), Array(all[0...4])),
            (QuoteQuery(since: date("2025-03-12"), until: date("2025-03-12")), Array(all[5...8])),
            // A time on a bound is ignored: the whole day counts (the AP story is 14:30 at -04:00).
            (
                QuoteQuery(since: date("2025-03-12T23:00:00Z"), until: date("2025-03-12T01:00:00+05:00")),
                Array(all[5...8])
            ),
            (QuoteQuery(since: date("2025-03-15")), []),
            (QuoteQuery(until: date("2025-03-09")), []),
            (QuoteQuery(speaker: "macron", since: date("2025-03-11"), until: date("2025-03-12")), Array(all[3...4])),
            // An undated article is in no date range.
            (QuoteQuery(speaker: "zelensky", since: date("2000-01-01")), []),
            // Undated articles alone, with other filters and a page.
            (QuoteQuery(undated: true), Array(all[11...12])),
            (QuoteQuery(about: "ceasefire", undated: true), [all[12]]),
            (QuoteQuery(undated: true, limit: 1, offset: 1), [all[12]]),
        ]
        try await kind.withStore { store async throws in
            _ = try await store.save(QuoteSample.all())
            for (query, expected) in cases {
                #expect(try await Self.quoteTexts(store, query) == expected, "\(query)")
            }
        }
    }

    @Test("quotes: limit and offset page through the same order", arguments: StoreKind.allCases)
    func quotePagination(kind: StoreKind) async throws {
        let all = Self.allQuoteTexts
        try await kind.withStore { store async throws in
            _ = try await store.save(QuoteSample.all())
            var pages: [[String]] = []
            for offset in stride(from: 0, to: all.count, by: 4) {
                pages.append(try await Self.quoteTexts(store, QuoteQuery(limit: 4, offset: offset)))
            }
            #expect(pages.map(\.count) == [4, 4, 4, 1])
            #expect(pages.flatMap { $0 } == all)
            #expect(try await Self.quoteTexts(store, QuoteQuery(limit: 4, offset: all.count)).isEmpty)
            #expect(try await Self.quoteTexts(store, QuoteQuery(limit: 0)).isEmpty)
            #expect(try await Self.quoteTexts(store, QuoteQuery(limit: 2, offset: 12)) == [all[12]])
            #expect(
                try await Self.quoteTexts(store, QuoteQuery(speaker: "rubio", limit: 2, offset: 1)) == [all[6], all[7]]
            )
            #expect(try await Self.quoteTexts(store, QuoteQuery(limit: 3, offset: -5)) == Array(all[0..<3]))
        }
    }

    @Test("saving readings again adds no quotes and no entity mentions", arguments: StoreKind.allCases)
    func quotesAndEntitiesIdempotent(kind: StoreKind) async throws {
        let samples = QuoteSample.all()
        // The same reading annotated differently (by a newer extractor, say) is still the same reading.
        var reannotated = QuoteSample.putinCall()
        reannotated.annotations.quotes.removeFirst()
        reannotated.annotations.entities = []
        try await kind.withStore { store async throws in
            _ = try await store.save(samples)
            let quotes = try await store.quotes(matching: QuoteQuery())
            let entities = try await store.entities(matching: EntityQuery())
            #expect(quotes.count == Self.allQuoteTexts.count)

            #expect(try await store.save(samples) == Array(repeating: .unchanged, count: samples.count))
            #expect(try await store.save([reannotated]) == [.unchanged])
            #expect(try await store.quotes(matching: QuoteQuery()) == quotes)
            #expect(try await store.entities(matching: EntityQuery()) == entities)
            for saved in samples {
                #expect(try await store.article(id: saved.article.id)?.annotations == saved.annotations)
            }

            // A syndicated copy adds a source to each of its article's quotes, and no mention.
            let copy = Sample.syndicated(reannotated.article, outlet: "Sky News", url: "https://news.sky.com/story/x")
            #expect(try await store.save([copy]) == [.addedSource])
            let afterCopy = try await store.quotes(matching: QuoteQuery())
            #expect(afterCopy.map(\.text) == quotes.map(\.text))
            #expect(afterCopy.filter { $0.sources.count == 2 }.map(\.text) == Array(Self.allQuoteTexts[9...10]))
            #expect(try await store.entities(matching: EntityQuery()) == entities)
        }
    }

    @Test("replacing annotations replaces the article's quotes and entity mentions", arguments: StoreKind.allCases)
    func replacementReplacesQuotesAndEntities(kind: StoreKind) async throws {
        let samples = QuoteSample.all()
        let ceasefire = QuoteSample.ceasefire()
        let a = ceasefire.article
        let newer = ArticleAnnotations(
            entities: [QuoteSample.entity("Marco Rubio", .person, in: a)],
            quotes: [
                QuoteSample.quote(
                    "We’ll take this offer to the Russians, and we hope they’ll say yes to peace.",
                    .direct,
                    in: a,
                    speaker: "Rubio",
                    at: "Rubio added",
                    name: "Marco Rubio",
                    cue: "added",
                    addressee: "reporters"
                )
            ]
        )
        try await kind.withStore { store async throws in
            _ = try await store.save(samples)
            try await store.replaceAnnotations([(id: a.id, annotations: newer)], extractorVersion: "new-2")
            let rubio = try await store.quotes(matching: QuoteQuery(speaker: "rubio"))
            #expect(rubio.map(\.quote) == newer.quotes)
            #expect(try await Self.quoteTexts(store, QuoteQuery(speaker: "peskov")).isEmpty)
            #expect(try await store.quotes(matching: QuoteQuery()).count == Self.allQuoteTexts.count - 3)

            let kremlin = try await store.entities(matching: EntityQuery(name: "kremlin"))
            #expect(kremlin.map(\.articles) == [2], "the Reuters and Guardian stories only")
            #expect(kremlin.first?.firstPublished == Sample.date("2025-03-10"))
            #expect(kremlin.first?.lastPublished == Sample.date("2025-03-14"))
            #expect(try await store.entities(matching: EntityQuery(name: "rubio")).map(\.mentions) == [1])

            try await store.replaceAnnotations(
                [(id: a.id, annotations: ArticleAnnotations())],
                extractorVersion: "new-3"
            )
            #expect(try await Self.quoteTexts(store, QuoteQuery(speaker: "rubio")).isEmpty)
            #expect(try await store.entities(matching: EntityQuery(name: "rubio")).isEmpty)
        }
    }

    @Test("replacing gives articles stored without annotations their first quotes", arguments: StoreKind.allCases)
    func replacementGivesUnannotatedArticlesQuotes(kind: StoreKind) async throws {
        let interview = QuoteSample.interview()
        try await kind.withStore(unannotated: [interview.article]) { store async throws in
            #expect(try await store.quotes(matching: QuoteQuery()).isEmpty)
            #expect(try await store.entities(matching: EntityQuery()).isEmpty)
            try await store.replaceAnnotations(
                [(id: interview.article.id, annotations: interview.annotations)],
                extractorVersion: "new-1"
            )
            #expect(try await Self.quoteTexts(store, QuoteQuery()) == Array(Self.allQuoteTexts[11...12]))
            #expect(try await store.entities(matching: EntityQuery()).count == 6)
        }
    }
}
