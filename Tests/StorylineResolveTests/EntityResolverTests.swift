import StorylineCore
import Testing

@testable import StorylineResolve

@Suite struct EntityResolverTests {
    // MARK: - Spelling variants

    @Test func transliterationVariantsOfOneNameMerge() {
        let run = StoryRun([
            FixtureArticle(
                "ap-1",
                "AP",
                "2025-02-28",
                "Ukrainian President Volodymyr Zelenskyy arrived at the White House on Friday. Zelenskyy said the "
                    + "minerals deal was ready to sign.",
                [
                    .norp("Ukrainian"), .person("Volodymyr Zelenskyy"), .fac("White House"),
                    .person("Zelenskyy", "Volodymyr Zelenskyy"),
                ]
            ),
            FixtureArticle(
                "reuters-1",
                "Reuters",
                "2025-03-01",
                "Zelenskiy's office said the talks in Washington had ended abruptly.",
                [.person("Zelenskiy"), .gpe("Washington")]
            ),
            FixtureArticle(
                "bbc-1",
                "BBC",
                "2025-03-02",
                "Volodymyr Zelensky was greeted by Sir Keir Starmer in Downing Street. Mr Zelensky thanked the UK "
                    + "for its support.",
                [
                    .person("Volodymyr Zelensky"), .person("Keir Starmer"), .fac("Downing Street"),
                    .person("Zelensky", "Volodymyr Zelensky"), .gpe("UK", "United Kingdom"),
                ]
            ),
            FixtureArticle(
                "kyivindependent-1",
                "Kyiv Independent",
                "2025-03-03",
                "President Volodymyr Zelenskyi said Kyiv would not cede territory in the east.",
                [.person("Volodymyr Zelenskyi"), .gpe("Kyiv")]
            ),
            FixtureArticle(
                "aljazeera-1",
                "Al Jazeera",
                "2025-03-03",
                "Zelenskii told reporters in Kyiv that a ceasefire must come with guarantees.",
                [.person("Zelenskii"), .gpe("Kyiv")]
            ),
        ])
        let zelensky = run.id("ap-1", "Volodymyr Zelenskyy")
        #expect(run.id("ap-1", "Zelenskyy") == zelensky)
        #expect(run.id("reuters-1", "Zelenskiy") == zelensky)
        #expect(run.id("bbc-1", "Volodymyr Zelensky") == zelensky)
        #expect(run.id("bbc-1", "Zelensky") == zelensky)
        #expect(run.id("kyivindependent-1", "Volodymyr Zelenskyi") == zelensky)
        #expect(run.id("aljazeera-1", "Zelenskii") == zelensky)
        #expect(run.id("bbc-1", "Keir Starmer") != zelensky)
        // Two mentions each of "Volodymyr Zelenskyy" and "Volodymyr Zelensky": string order breaks the tie.
        #expect(run.name("aljazeera-1", "Zelenskii") == "Volodymyr Zelensky")
        let entity = run.resolver.entity(zelensky)
        #expect(entity?.mentionCount == 7)
        #expect(entity?.articleCount == 5)
        #expect(entity?.aliases["Zelenskiy"] == 1)
        #expect(entity?.firstReport.articleID == "ap-1")
        #expect(entity?.lastReport.published == PublicationDate(iso8601: "2025-03-03"))
    }

    @Test func kyivAndKievMergeThroughTheAliasTable() {
        let articles = [
            FixtureArticle(
                "guardian-1",
                "The Guardian",
                "2025-02-24",
                "European leaders arrived in Kyiv by train to mark three years since the invasion.",
                [.norp("European"), .gpe("Kyiv")]
            ),
            FixtureArticle(
                "fox-1",
                "Fox News",
                "2025-02-25",
                "Officials in Kiev said a drone strike hit an energy facility overnight.",
                [.gpe("Kiev")]
            ),
            FixtureArticle(
                "reuters-2",
                "Reuters",
                "2025-02-26",
                "Kyiv's mayor Vitali Klitschko said air defences were active over Kyiv.",
                [.gpe("Kyiv"), .person("Vitali Klitschko"), .gpe("Kyiv")]
            ),
        ]
        let run = StoryRun(aliases: EntityAliasTable(["Kiev": "Kyiv"]), articles)
        let kyiv = run.id("guardian-1", "Kyiv")
        #expect(run.id("fox-1", "Kiev") == kyiv)
        #expect(run.id("reuters-2", "Kyiv", 1) == kyiv)
        #expect(run.resolver.canonicalName(of: kyiv) == "Kyiv")
        #expect(run.resolver.entity(kyiv)?.aliases["Kiev"] == 1)
        // No spelling rule makes Kiev and Kyiv one name: without the table they stay apart.
        let bare = StoryRun(aliases: EntityAliasTable(), articles)
        #expect(bare.id("fox-1", "Kiev") != bare.id("guardian-1", "Kyiv"))
    }

    // MARK: - Short forms

    @Test func unitedStatesShortFormsMerge() {
        // The caller's table covers what initials cannot: "America" (as the extractor's country list does).
        let aliases = EntityAliasTable(["America": "United States", "USA": "United States"])
        let run = StoryRun(
            aliases: aliases,
            [
                FixtureArticle(
                    "ap-2",
                    "AP",
                    "2025-03-04",
                    "The U.S. paused military aid to Ukraine, and U.S. officials said intelligence sharing would "
                        + "stop.",
                    [.gpe("U.S."), .gpe("Ukraine"), .gpe("U.S.")]
                ),
                FixtureArticle(
                    "bbc-2",
                    "BBC",
                    "2025-03-05",
                    "The United States has demanded a minerals deal; US envoys will meet Ukrainian officials in "
                        + "Saudi Arabia, a US official said.",
                    [.gpe("United States"), .gpe("US"), .norp("Ukrainian"), .gpe("Saudi Arabia"), .gpe("US")]
                ),
                FixtureArticle(
                    "fox-2",
                    "Fox News",
                    "2025-03-06",
                    "America will not keep writing blank cheques, the American vice president said.",
                    [.gpe("America"), .norp("American")]
                ),
            ]
        )
        let us = run.id("ap-2", "U.S.")
        #expect(run.id("bbc-2", "United States") == us)
        #expect(run.id("bbc-2", "US") == us)
        #expect(run.id("fox-2", "America") == us)
        #expect(run.id("fox-2", "American") != us)
        #expect(run.resolver.canonicalName(of: us) == "United States")
        #expect(run.resolver.entity(us)?.type == .geopolitical)
    }

    @Test func unitedKingdomShortFormsMerge() {
        let run = StoryRun(
            aliases: EntityAliasTable(["Britain": "United Kingdom"]),
            [
                FixtureArticle(
                    "sky-1",
                    "Sky News",
                    "2025-03-02",
                    "The UK will lead a coalition of the willing, and UK jets could patrol Ukrainian skies.",
                    [.gpe("UK"), .gpe("UK"), .norp("Ukrainian")]
                ),
                FixtureArticle(
                    "nyt-1",
                    "The New York Times",
                    "2025-03-02",
                    "Britain and France are drafting a peace plan; the U.K. has pledged 1.6 billion pounds.",
                    [.gpe("Britain"), .gpe("France"), .gpe("U.K.")]
                ),
                FixtureArticle(
                    "guardian-2",
                    "The Guardian",
                    "2025-03-03",
                    "The United Kingdom hosted the summit, and British officials briefed reporters.",
                    [.gpe("United Kingdom"), .norp("British")]
                ),
            ]
        )
        let uk = run.id("sky-1", "UK")
        #expect(run.id("nyt-1", "Britain") == uk)
        #expect(run.id("nyt-1", "U.K.") == uk)
        #expect(run.id("guardian-2", "United Kingdom") == uk)
        #expect(run.id("guardian-2", "British") != uk)
        #expect(run.id("nyt-1", "France") != uk)
        #expect(run.resolver.canonicalName(of: uk) == "United Kingdom")
    }

    @Test func natoAcronymCaseAndExpansionMerge() {
        let politico = FixtureArticle(
            "politico-1",
            "Politico",
            "2025-03-06",
            "Nato allies meeting in Brussels said Nato would not recognise annexed territory.",
            [.org("Nato"), .gpe("Brussels"), .org("Nato")]
        )
        let ap = FixtureArticle(
            "ap-3",
            "AP",
            "2025-03-06",
            "NATO Secretary General Mark Rutte said NATO members must spend more. NATO has 32 members, and "
                + "NATO troops are not in Ukraine.",
            [.org("NATO"), .person("Mark Rutte"), .org("NATO"), .org("NATO"), .org("NATO"), .gpe("Ukraine")]
        )
        let aljazeera = FixtureArticle(
            "aljazeera-2",
            "Al Jazeera",
            "2025-03-07",
            "Russia has long opposed the eastward expansion of the North Atlantic Treaty Organization.",
            [.gpe("Russia"), .org("North Atlantic Treaty Organization")]
        )
        let forward = StoryRun(aliases: EntityAliasTable(), [politico, ap, aljazeera])
        let nato = forward.id("politico-1", "Nato")
        #expect(forward.id("ap-3", "NATO") == nato)
        #expect(forward.id("aljazeera-2", "North Atlantic Treaty Organization") == nato)
        #expect(forward.id("aljazeera-2", "Russia") != nato)
        // The expansion is one mention in seven: not common enough to be the canonical name.
        #expect(forward.resolver.canonicalName(of: nato) == "NATO")

        // The expansion first, then the acronym: the same grouping.
        let backward = StoryRun(aliases: EntityAliasTable(), [aljazeera, ap, politico])
        let natoBack = backward.id("aljazeera-2", "North Atlantic Treaty Organization")
        #expect(backward.id("ap-3", "NATO") == natoBack)
        #expect(backward.id("politico-1", "Nato") == natoBack)

        // EU and European Union, with no alias table.
        let eu = StoryRun(
            aliases: EntityAliasTable(),
            [
                FixtureArticle(
                    "euronews-1",
                    "Euronews",
                    "2025-03-06",
                    "The European Union agreed an 800 billion euro defence plan.",
                    [.org("European Union")]
                ),
                FixtureArticle(
                    "ft-1",
                    "Financial Times",
                    "2025-03-07",
                    "EU leaders backed Kyiv at the summit.",
                    [.org("EU"), .gpe("Kyiv")]
                ),
            ]
        )
        #expect(eu.id("ft-1", "EU") == eu.id("euronews-1", "European Union"))
        #expect(eu.resolver.canonicalName(of: eu.id("ft-1", "EU")) == "European Union")
    }

    @Test func divisionDesignatorsAndPluralDemonymsMerge() {
        let run = StoryRun([
            FixtureArticle(
                "kyivindependent-2",
                "Kyiv Independent",
                "2025-03-08",
                "Ukrainian forces are withdrawing from parts of Kursk Oblast, Ukrainians officials said.",
                [.norp("Ukrainian"), .gpe("Kursk Oblast"), .norp("Ukrainians")]
            ),
            FixtureArticle(
                "tass-2",
                "TASS",
                "2025-03-09",
                "Russian troops retook villages in the Kursk region; North Koreans fought alongside them.",
                [.norp("Russian"), .gpe("Kursk"), .norp("North Koreans")]
            ),
            FixtureArticle(
                "yonhap-2",
                "Yonhap",
                "2025-03-10",
                "North Korean soldiers were captured in Kursk by Ukrainian units.",
                [.norp("North Korean"), .gpe("Kursk"), .norp("Ukrainian")]
            ),
        ])
        let kursk = run.id("kyivindependent-2", "Kursk Oblast")
        #expect(run.id("tass-2", "Kursk") == kursk)
        #expect(run.id("yonhap-2", "Kursk") == kursk)
        #expect(run.resolver.canonicalName(of: kursk) == "Kursk Oblast")
        #expect(run.id("kyivindependent-2", "Ukrainians") == run.id("kyivindependent-2", "Ukrainian"))
        #expect(run.id("yonhap-2", "North Korean") == run.id("tass-2", "North Koreans"))
        #expect(run.id("tass-2", "Russian") != run.id("yonhap-2", "Ukrainian"))
        #expect(run.name("yonhap-2", "Ukrainian") == "Ukrainian")
    }

    // MARK: - People

    @Test func partialNamesLinkAcrossArticles() {
        let run = StoryRun([
            FixtureArticle(
                "bbc-3",
                "BBC",
                "2025-03-02",
                "Prime Minister Keir Starmer hosted European leaders at Lancaster House. Starmer said Europe must "
                    + "do the heavy lifting.",
                [
                    .person("Keir Starmer"), .norp("European"), .fac("Lancaster House"),
                    .person("Starmer", "Keir Starmer"), .loc("Europe"),
                ]
            ),
            FixtureArticle(
                "sky-2",
                "Sky News",
                "2025-03-03",
                "Starmer told MPs the coalition of the willing would need US backing.",
                [.person("Starmer"), .gpe("US")]
            ),
            FixtureArticle(
                "afp-1",
                "AFP",
                "2025-03-04",
                "Macron said France was ready to discuss extending its nuclear deterrent.",
                [.person("Macron"), .gpe("France")]
            ),
            FixtureArticle(
                "lemonde-1",
                "Le Monde",
                "2025-03-05",
                "French President Emmanuel Macron and Starmer spoke by phone; Macron proposed a one-month truce.",
                [
                    .norp("French"), .person("Emmanuel Macron"), .person("Starmer"),
                    .person("Macron", "Emmanuel Macron"),
                ]
            ),
            FixtureArticle(
                "politico-2",
                "Politico",
                "2025-03-05",
                "Kallas, the EU's top diplomat, said Europe must arm Ukraine.",
                [.person("Kallas"), .org("EU"), .loc("Europe"), .gpe("Ukraine")]
            ),
            FixtureArticle(
                "euronews-2",
                "Euronews",
                "2025-03-06",
                "Kaja Kallas called for a 40 billion euro military aid package.",
                [.person("Kaja Kallas")]
            ),
        ])
        let starmer = run.id("bbc-3", "Keir Starmer")
        #expect(run.id("sky-2", "Starmer") == starmer)
        #expect(run.id("lemonde-1", "Starmer") == starmer)
        // "Macron" alone came first; the full name arrives later and joins it.
        let macron = run.id("afp-1", "Macron")
        #expect(run.id("lemonde-1", "Emmanuel Macron") == macron)
        #expect(run.resolver.canonicalName(of: macron) == "Emmanuel Macron")
        #expect(run.id("euronews-2", "Kaja Kallas") == run.id("politico-2", "Kallas"))
        #expect(run.name("politico-2", "Kallas") == "Kaja Kallas")
    }

    @Test func initialsAndRegnalNamesLink() {
        let run = StoryRun([
            FixtureArticle(
                "ap-4",
                "AP",
                "2025-02-28",
                "Vice President JD Vance accused Zelenskyy of being disrespectful. Vance later defended Trump.",
                [.person("JD Vance"), .person("Zelenskyy"), .person("Vance", "JD Vance"), .person("Trump")]
            ),
            FixtureArticle(
                "wsj-1",
                "The Wall Street Journal",
                "2025-03-01",
                "J.D. Vance met European officials in Munich.",
                [.person("J.D. Vance"), .norp("European"), .gpe("Munich")]
            ),
            FixtureArticle(
                "telegraph-1",
                "The Telegraph",
                "2025-03-02",
                "King Charles III will host Zelensky at Sandringham; Charles has met him before.",
                [.person("Charles III"), .person("Zelensky"), .fac("Sandringham"), .person("Charles")]
            ),
        ])
        #expect(run.id("wsj-1", "J.D. Vance") == run.id("ap-4", "JD Vance"))
        #expect(run.id("telegraph-1", "Charles") == run.id("telegraph-1", "Charles III"))
        #expect(run.id("telegraph-1", "Zelensky") == run.id("ap-4", "Zelenskyy"))
    }

    @Test func canonicalNameIsTheFullestCommonForm() {
        let run = StoryRun([
            FixtureArticle(
                "reuters-3",
                "Reuters",
                "2025-03-10",
                "Zelensky arrived in Jeddah. Zelensky's aides said Zelensky would not attend the talks.",
                [.person("Zelensky"), .gpe("Jeddah"), .person("Zelensky"), .person("Zelensky")]
            ),
            FixtureArticle(
                "ap-5",
                "AP",
                "2025-03-11",
                "Tayyip Erdogan offered to host talks; Tayyip Erdogan spoke with Zelensky by phone.",
                [.person("Tayyip Erdogan"), .person("Tayyip Erdogan"), .person("Zelensky")]
            ),
            FixtureArticle(
                "aljazeera-3",
                "Al Jazeera",
                "2025-03-12",
                "Turkish President Recep Tayyip Erdoğan met Volodymyr Zelensky in Ankara.",
                [.norp("Turkish"), .person("Recep Tayyip Erdoğan"), .person("Volodymyr Zelensky"), .gpe("Ankara")]
            ),
            FixtureArticle(
                "yonhap-1",
                "Yonhap",
                "2025-03-12",
                "The National Intelligence Service said North Korean troops had returned. The NIS said the NIS "
                    + "had briefed lawmakers; according to the NIS, more troops may follow.",
                [
                    .org("National Intelligence Service"), .norp("North Korean"), .org("NIS"), .org("NIS"),
                    .org("NIS"),
                ]
            ),
        ])
        // A full name beats a bare one however rarely it is written.
        #expect(run.name("reuters-3", "Zelensky") == "Volodymyr Zelensky")
        // Among common forms, the one with the most words; diacritics do not split the person.
        #expect(run.id("aljazeera-3", "Recep Tayyip Erdoğan") == run.id("ap-5", "Tayyip Erdogan"))
        #expect(run.name("ap-5", "Tayyip Erdogan") == "Recep Tayyip Erdoğan")
        // One expansion in four mentions is common enough.
        #expect(run.id("yonhap-1", "NIS") == run.id("yonhap-1", "National Intelligence Service"))
        #expect(run.name("yonhap-1", "NIS") == "National Intelligence Service")

        // A middle name written once in ten mentions is not common.
        var run2 = StoryRun()
        for n in 0..<5 {
            run2.add(
                FixtureArticle(
                    "bbc-s\(n)",
                    "BBC",
                    "2025-03-0\(n + 1)",
                    "Keir Starmer spoke to Volodymyr Zelensky. Starmer said support was unwavering.",
                    [.person("Keir Starmer"), .person("Volodymyr Zelensky"), .person("Starmer", "Keir Starmer")]
                )
            )
        }
        run2.add(
            FixtureArticle(
                "gazette-1",
                "The London Gazette",
                "2025-03-07",
                "Sir Keir Rodney Starmer was sworn of the Privy Council.",
                [.person("Keir Rodney Starmer"), .org("Privy Council")]
            )
        )
        #expect(run2.id("gazette-1", "Keir Rodney Starmer") == run2.id("bbc-s0", "Keir Starmer"))
        #expect(run2.name("gazette-1", "Keir Rodney Starmer") == "Keir Starmer")
    }
}
