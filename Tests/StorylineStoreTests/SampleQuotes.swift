import StorylineCore
import StorylineStore

/// Hand-written stories with entity mentions and quotes, for the quote and entity queries: five articles from
/// four outlets over five days (one undated), curly quotes and accented capitals in the quoted text, speakers
/// named in full, by surname, by pronoun and by institution.
enum QuoteSample {
    /// The UTF-8 byte range of the `occurrence`-th (from 1) occurrence of `surface` in `article`'s text.
    static func range(_ surface: String, in article: Article, occurrence: Int = 1) -> TextRange {
        let text = Array(article.text.utf8)
        let needle = Array(surface.utf8)
        var seen = 0
        for start in 0...(text.count - needle.count) where text[start..<start + needle.count].elementsEqual(needle) {
            seen += 1
            if seen == occurrence { return TextRange(start: start, end: start + needle.count) }
        }
        fatalError("\"\(surface)\" does not occur \(occurrence) time(s) in the text of \(article.id)")
    }

    /// An entity mention of the `occurrence`-th `surface`, canonically `canonical` (the surface by default).
    static func entity(
        _ surface: String,
        _ type: EntityType,
        _ canonical: String? = nil,
        in article: Article,
        occurrence: Int = 1
    ) -> EntityMention {
        EntityMention(
            range: range(surface, in: article, occurrence: occurrence),
            type: type,
            canonical: canonical ?? surface
        )
    }

    /// A quote of the first `surface`, its speaker written as `speaker`: at the first occurrence of `speakerAt`
    /// (which starts with it) when given, else at the first occurrence of `speaker`.
    static func quote(
        _ surface: String,
        _ kind: QuoteMention.Kind,
        in article: Article,
        speaker: String?,
        at speakerAt: String? = nil,
        name: String?,
        cue: String?,
        addressee: String? = nil,
        channel: String? = nil
    ) -> QuoteMention {
        var speakerRange: TextRange?
        if let speaker {
            precondition(
                speakerAt.map { $0.hasPrefix(speaker) } ?? true,
                "\(speakerAt!) does not start with \(speaker)"
            )
            let start = range(speakerAt ?? speaker, in: article).start
            speakerRange = TextRange(start: start, end: start + speaker.utf8.count)
        }
        return QuoteMention(
            range: range(surface, in: article),
            kind: kind,
            speaker: speaker,
            speakerRange: speakerRange,
            speakerName: name,
            cue: cue,
            addressee: addressee,
            channel: channel
        )
    }

    /// An article with these paragraphs and metadata.
    static func article(
        _ paragraphs: [String],
        title: String,
        outlet: String?,
        url: String?,
        published: String?
    ) -> Article {
        let contentHash = Sample.hash(paragraphs.joined(separator: "\n\n"))
        return Article(
            id: String(contentHash.prefix(16)),
            contentHash: contentHash,
            title: title,
            outlet: outlet,
            url: url,
            published: published.map(Sample.date),
            language: "en",
            paragraphs: paragraphs,
            origin: ArticleOrigin(path: "/data/quotes/\(contentHash.prefix(8)).html", format: .html)
        )
    }

    /// Reuters, 2025-03-10: the Turkish foreign minister on grain talks (an indirect, a direct and a partial
    /// quote).
    static func grainTalks() -> AnnotatedArticle {
        let a = article(
            [
                "ISTANBUL, March 10 (Reuters) - Turkish Foreign Minister Hakan Fidan said on Monday that talks on "
                    + "reopening the Black Sea grain corridor would resume in Istanbul next week.",
                "“We are closer to an agreement than at any time since the summer,” Fidan told reporters after "
                    + "meeting his Ukrainian counterpart, Andrii Sybiha.",
                "Sybiha said Kyiv was ready to discuss “practical guarantees” for merchant ships. The Kremlin did not "
                    + "respond to a request for comment.",
            ],
            title: "Turkey says Black Sea grain talks to resume next week",
            outlet: "Reuters",
            url: "https://www.reuters.com/world/turkey-grain-talks-2025-03-10/",
            published: "2025-03-10T08:00:00Z"
        )
        return AnnotatedArticle(
            article: a,
            annotations: ArticleAnnotations(
                entities: [
                    entity("ISTANBUL", .geopolitical, "Istanbul", in: a),
                    entity("Reuters", .organization, in: a),
                    entity("Turkish", .nationalityOrGroup, in: a),
                    entity("Hakan Fidan", .person, in: a),
                    entity("Black Sea", .location, in: a),
                    entity("Istanbul", .geopolitical, in: a),
                    entity("Fidan", .person, "Hakan Fidan", in: a, occurrence: 2),
                    entity("Ukrainian", .nationalityOrGroup, in: a),
                    entity("Andrii Sybiha", .person, in: a),
                    entity("Sybiha", .person, "Andrii Sybiha", in: a, occurrence: 2),
                    entity("Kyiv", .geopolitical, in: a),
                    entity("Kremlin", .organization, in: a),
                ],
                quotes: [
                    quote(
                        "talks on reopening the Black Sea grain corridor would resume in Istanbul next week",
                        .indirect,
                        in: a,
                        speaker: "Hakan Fidan",
                        name: "Hakan Fidan",
                        cue: "said"
                    ),
                    quote(
                        "We are closer to an agreement than at any time since the summer,",
                        .direct,
                        in: a,
                        speaker: "Fidan",
                        at: "Fidan told",
                        name: "Hakan Fidan",
                        cue: "told",
                        addressee: "reporters"
                    ),
                    quote(
                        "practical guarantees",
                        .partial,
                        in: a,
                        speaker: "Sybiha",
                        at: "Sybiha said",
                        name: "Andrii Sybiha",
                        cue: "said"
                    ),
                ]
            )
        )
    }

    /// France 24, 2025-03-11: Macron at the Élysée (an accented capital inside the quote).
    static func macron() -> AnnotatedArticle {
        let a = article(
            [
                "French President Emmanuel Macron said he would host European army chiefs at the Élysée on "
                    + "Tuesday to discuss security guarantees for Ukraine.",
                "Europe must “wake up”, Macron told the nation in a televised address.",
            ],
            title: "Macron to host European army chiefs",
            outlet: "France 24",
            url: "https://www.france24.com/en/europe/20250311-macron-army-chiefs",
            published: "2025-03-11T19:45:00+01:00"
        )
        return AnnotatedArticle(
            article: a,
            annotations: ArticleAnnotations(
                entities: [
                    entity("French", .nationalityOrGroup, in: a),
                    entity("Emmanuel Macron", .person, in: a),
                    entity("European", .nationalityOrGroup, in: a),
                    entity("Élysée", .facility, in: a),
                    entity("Ukraine", .geopolitical, in: a),
                    entity("Europe", .location, in: a, occurrence: 2),
                    entity("Macron", .person, "Emmanuel Macron", in: a, occurrence: 2),
                ],
                quotes: [
                    quote(
                        "he would host European army chiefs at the Élysée on Tuesday to discuss security guarantees "
                            + "for Ukraine",
                        .indirect,
                        in: a,
                        speaker: "Emmanuel Macron",
                        name: "Emmanuel Macron",
                        cue: "said"
                    ),
                    quote(
                        "wake up",
                        .partial,
                        in: a,
                        speaker: "Macron",
                        at: "Macron told",
                        name: "Emmanuel Macron",
                        cue: "told",
                        addressee: "the nation",
                        channel: "in a televised address"
                    ),
                ]
            )
        )
    }

    /// AP, 2025-03-12 (a local time with its zone): Rubio on the ceasefire proposal, and the Kremlin's answer.
    static func ceasefire() -> AnnotatedArticle {
        let a = article(
            [
                "WASHINGTON (AP) — Secretary of State Marco Rubio said Wednesday that Ukraine had accepted a 30-day "
                    + "ceasefire proposal and that “the ball is now in Russia’s court.”",
                "Speaking to reporters on the flight home from Jeddah, Rubio added: “We’ll take this offer to the "
                    + "Russians, and we hope they’ll say yes to peace.”",
                "A Kremlin spokesman, Dmitry Peskov, said Moscow would study the proposal carefully.",
            ],
            title: "Rubio says the ball is in Russia's court after Ukraine accepts ceasefire plan",
            outlet: "AP",
            url: "https://apnews.com/article/ukraine-ceasefire-rubio-jeddah",
            published: "2025-03-12T14:30:00-04:00"
        )
        return AnnotatedArticle(
            article: a,
            annotations: ArticleAnnotations(
                entities: [
                    entity("WASHINGTON", .geopolitical, "Washington", in: a),
                    entity("AP", .organization, in: a),
                    entity("Marco Rubio", .person, in: a),
                    entity("Ukraine", .geopolitical, in: a),
                    entity("Russia", .geopolitical, in: a),
                    entity("Jeddah", .geopolitical, in: a),
                    entity("Rubio", .person, "Marco Rubio", in: a, occurrence: 2),
                    entity("Russians", .nationalityOrGroup, in: a),
                    entity("Kremlin", .organization, in: a),
                    entity("Dmitry Peskov", .person, in: a),
                    entity("Moscow", .geopolitical, in: a),
                ],
                quotes: [
                    quote(
                        "Ukraine had accepted a 30-day ceasefire proposal",
                        .indirect,
                        in: a,
                        speaker: "Secretary of State Marco Rubio",
                        name: "Marco Rubio",
                        cue: "said"
                    ),
                    quote(
                        "the ball is now in Russia’s court.",
                        .partial,
                        in: a,
                        speaker: "Secretary of State Marco Rubio",
                        name: "Marco Rubio",
                        cue: "said"
                    ),
                    quote(
                        "We’ll take this offer to the Russians, and we hope they’ll say yes to peace.",
                        .direct,
                        in: a,
                        speaker: "Rubio",
                        at: "Rubio added",
                        name: "Marco Rubio",
                        cue: "added"
                    ),
                    quote(
                        "Moscow would study the proposal carefully",
                        .indirect,
                        in: a,
                        speaker: "A Kremlin spokesman, Dmitry Peskov",
                        name: "Dmitry Peskov",
                        cue: "said"
                    ),
                ]
            )
        )
    }

    /// The Guardian, 2025-03-14 (a day only): Trump on his call with Putin; the Kremlin as a speaker that
    /// resolves to no person.
    static func putinCall() -> AnnotatedArticle {
        let a = article(
            [
                "Donald Trump said on Friday he had “very good and productive” discussions with Vladimir Putin, and "
                    + "urged the Russian leader to spare the lives of Ukrainian troops.",
                "The Kremlin said Putin had expressed sympathy for Trump's appeal.",
            ],
            title: "Trump says call with Putin was 'very good and productive'",
            outlet: "The Guardian",
            url: "https://www.theguardian.com/us-news/2025/mar/14/trump-putin-call",
            published: "2025-03-14"
        )
        return AnnotatedArticle(
            article: a,
            annotations: ArticleAnnotations(
                entities: [
                    entity("Donald Trump", .person, in: a),
                    entity("Vladimir Putin", .person, in: a),
                    entity("Russian", .nationalityOrGroup, in: a),
                    entity("Ukrainian", .nationalityOrGroup, in: a),
                    entity("Kremlin", .organization, in: a),
                    entity("Putin", .person, "Vladimir Putin", in: a, occurrence: 2),
                    entity("Trump", .person, "Donald Trump", in: a, occurrence: 2),
                ],
                quotes: [
                    quote(
                        "very good and productive",
                        .partial,
                        in: a,
                        speaker: "Donald Trump",
                        name: "Donald Trump",
                        cue: "said"
                    ),
                    quote(
                        "Putin had expressed sympathy for Trump's appeal",
                        .indirect,
                        in: a,
                        speaker: "The Kremlin",
                        name: nil,
                        cue: "said"
                    ),
                ]
            )
        )
    }

    /// The BBC, undated: Zelensky in an interview, the second quote attributed through a pronoun.
    static func interview() -> AnnotatedArticle {
        let a = article(
            [
                "Ukraine's President Volodymyr Zelensky said he was grateful for American support but warned that "
                    + "Moscow could not be trusted.",
                "“Russia has broken every ceasefire it signed,” he told the BBC in an interview.",
            ],
            title: "Zelensky: Russia has broken every ceasefire",
            outlet: "BBC News",
            url: "https://www.bbc.co.uk/news/articles/zelensky-interview",
            published: nil
        )
        return AnnotatedArticle(
            article: a,
            annotations: ArticleAnnotations(
                entities: [
                    entity("Ukraine", .geopolitical, in: a),
                    entity("Volodymyr Zelensky", .person, in: a),
                    entity("American", .nationalityOrGroup, in: a),
                    entity("Moscow", .geopolitical, in: a),
                    entity("Russia", .geopolitical, in: a),
                    entity("BBC", .organization, in: a),
                ],
                quotes: [
                    quote(
                        "he was grateful for American support",
                        .indirect,
                        in: a,
                        speaker: "Volodymyr Zelensky",
                        name: "Volodymyr Zelensky",
                        cue: "said"
                    ),
                    quote(
                        "Russia has broken every ceasefire it signed,",
                        .direct,
                        in: a,
                        speaker: "he",
                        at: "he told",
                        name: "Volodymyr Zelensky",
                        cue: "told",
                        addressee: "the BBC",
                        channel: "in an interview"
                    ),
                ]
            )
        )
    }

    /// The five stories, in an order unrelated to their dates.
    static func all() -> [AnnotatedArticle] { [ceasefire(), interview(), grainTalks(), putinCall(), macron()] }
}
