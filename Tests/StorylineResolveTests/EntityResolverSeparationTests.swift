import StorylineCore
import Testing

@testable import StorylineResolve

/// What must stay apart: different people who share a surname, different types, similar but different names.
@Suite struct EntityResolverSeparationTests {
    /// Donald Trump and Lara Trump in one story: first names keep them apart, and a bare "Trump" goes to the
    /// one the article names, else to the dominant one.
    @Test func twoPeopleWithTheSameSurnameStayApart() {
        let run = StoryRun([
            FixtureArticle(
                "ap-10",
                "AP",
                "2025-02-28",
                "Donald Trump berated Volodymyr Zelenskyy in the Oval Office. Trump later posted on Truth Social "
                    + "that Ukraine was not ready for peace.",
                [
                    .person("Donald Trump"), .person("Volodymyr Zelenskyy"), .fac("Oval Office"),
                    .person("Trump", "Donald Trump"), .org("Truth Social"), .gpe("Ukraine"),
                ]
            ),
            FixtureArticle(
                "reuters-10",
                "Reuters",
                "2025-03-01",
                "Donald Trump said Ukraine must sign the minerals deal, and Zelenskyy said he was ready. Trump "
                    + "also spoke to Vladimir Putin.",
                [
                    .person("Donald Trump"), .gpe("Ukraine"), .person("Zelenskyy"), .person("Trump", "Donald Trump"),
                    .person("Vladimir Putin"),
                ]
            ),
            FixtureArticle(
                "fox-10",
                "Fox News",
                "2025-03-02",
                "Lara Trump, who hosts a weekend show on Fox News, told viewers the Republican Party was united. "
                    + "Trump said fundraising had doubled.",
                [
                    .person("Lara Trump"), .org("Fox News"), .org("Republican Party"),
                    .person("Trump", "Lara Trump"),
                ]
            ),
            // No first name: Donald Trump dominates (more articles, shares Ukraine and Zelenskyy with this one).
            FixtureArticle(
                "bloomberg-10",
                "Bloomberg",
                "2025-03-03",
                "Trump said the United States would pause aid to Ukraine until Zelenskyy commits to talks.",
                [.person("Trump"), .gpe("United States"), .gpe("Ukraine"), .person("Zelenskyy")]
            ),
            // The article names only Lara Trump: its bare "Trump" is her, whoever dominates elsewhere.
            FixtureArticle(
                "fox-11",
                "Fox News",
                "2025-03-04",
                "Trump, a former RNC co-chair, confirmed that Lara Trump would not run for the Senate in North "
                    + "Carolina.",
                [
                    .person("Trump"), .org("RNC"), .person("Lara Trump"), .org("Senate"),
                    .gpe("North Carolina"),
                ]
            ),
            // An initial is compatible with Donald only; another first name is someone else.
            FixtureArticle(
                "politico-10",
                "Politico",
                "2025-03-05",
                "D. Trump signed an executive order on tariffs; Eric Trump said the family business was "
                    + "unaffected.",
                [.person("D. Trump"), .person("Eric Trump")]
            ),
        ])
        let donald = run.id("ap-10", "Donald Trump")
        let lara = run.id("fox-10", "Lara Trump")
        #expect(donald != lara)
        #expect(run.id("ap-10", "Trump") == donald)
        #expect(run.id("reuters-10", "Donald Trump") == donald)
        #expect(run.id("fox-10", "Trump") == lara)
        #expect(run.id("bloomberg-10", "Trump") == donald)
        #expect(run.id("fox-11", "Trump") == lara)
        #expect(run.id("fox-11", "Lara Trump") == lara)
        #expect(run.id("politico-10", "D. Trump") == donald)
        let eric = run.id("politico-10", "Eric Trump")
        #expect(eric != donald && eric != lara)
        #expect(run.resolver.canonicalName(of: donald) == "Donald Trump")
        #expect(run.resolver.canonicalName(of: lara) == "Lara Trump")
        #expect(run.resolver.canonicalName(of: eric) == "Eric Trump")
    }

    /// Boris Johnson and Mike Johnson: co-occurring entities decide a bare "Johnson" when they dominate;
    /// when nothing does, the bare name keeps its own entity instead of a false merge.
    @Test func bareSurnameGoesToTheDominantCandidateOrStaysApart() {
        let run = StoryRun([
            FixtureArticle(
                "bbc-20",
                "BBC",
                "2025-03-01",
                "Boris Johnson urged the United Kingdom to send troops to Ukraine. Johnson said the Conservative "
                    + "Party backed him.",
                [
                    .person("Boris Johnson"), .gpe("United Kingdom"), .gpe("Ukraine"),
                    .person("Johnson", "Boris Johnson"), .org("Conservative Party"),
                ]
            ),
            FixtureArticle(
                "telegraph-20",
                "The Telegraph",
                "2025-03-02",
                "Boris Johnson wrote that the United Kingdom must lead a European force.",
                [.person("Boris Johnson"), .gpe("United Kingdom"), .norp("European")]
            ),
            FixtureArticle(
                "ap-20",
                "AP",
                "2025-03-02",
                "House Speaker Mike Johnson said the House of Representatives would not vote on Ukraine aid. "
                    + "Johnson told the Republican Party caucus to wait.",
                [
                    .person("Mike Johnson"), .org("House of Representatives"), .gpe("Ukraine"),
                    .person("Johnson", "Mike Johnson"), .org("Republican Party"),
                ]
            ),
            FixtureArticle(
                "politico-20",
                "Politico",
                "2025-03-03",
                "Mike Johnson said the Republican Party would pass the budget in the House of Representatives.",
                [.person("Mike Johnson"), .org("Republican Party"), .org("House of Representatives")]
            ),
            FixtureArticle(
                "hill-20",
                "The Hill",
                "2025-03-04",
                "Johnson said the House of Representatives would take up the bill, and the Republican Party whip "
                    + "agreed.",
                [.person("Johnson"), .org("House of Representatives"), .org("Republican Party")]
            ),
            FixtureArticle(
                "kyivpost-20",
                "Kyiv Post",
                "2025-03-05",
                "Johnson said Ukraine deserved more support.",
                [.person("Johnson"), .gpe("Ukraine")]
            ),
        ])
        let boris = run.id("bbc-20", "Boris Johnson")
        let mike = run.id("ap-20", "Mike Johnson")
        #expect(boris != mike)
        #expect(run.id("bbc-20", "Johnson") == boris)
        #expect(run.id("telegraph-20", "Boris Johnson") == boris)
        #expect(run.id("ap-20", "Johnson") == mike)
        #expect(run.id("politico-20", "Mike Johnson") == mike)
        // Shares the House and the Republican Party with Mike Johnson only: 12 against 4, dominant.
        #expect(run.id("hill-20", "Johnson") == mike)
        // Ukraine co-occurs with both: 4 against 3 is not dominance (3×), so "Johnson" stays its own entity.
        let undecided = run.id("kyivpost-20", "Johnson")
        #expect(undecided != boris && undecided != mike)
        #expect(run.resolver.canonicalName(of: undecided) == "Johnson")
        #expect(run.resolver.canonicalName(of: boris) == "Boris Johnson")
    }

    @Test func incompatibleTypesNeverMerge() {
        let run = StoryRun([
            FixtureArticle(
                "reuters-30",
                "Reuters",
                "2025-03-05",
                "King Abdullah of Jordan met officials in Washington to discuss Gaza.",
                [.person("Abdullah"), .gpe("Jordan"), .gpe("Washington"), .gpe("Gaza")]
            ),
            FixtureArticle(
                "fox-30",
                "Fox News",
                "2025-03-06",
                "Jim Jordan, the Judiciary Committee chairman, said Jordan would subpoena officials.",
                [.person("Jim Jordan"), .org("Judiciary Committee"), .person("Jordan", "Jim Jordan")]
            ),
            FixtureArticle(
                "cnn-30",
                "CNN",
                "2025-03-07",
                "Jordan told reporters the Judiciary Committee would meet on Tuesday.",
                [.person("Jordan"), .org("Judiciary Committee")]
            ),
            FixtureArticle(
                "afp-30",
                "AFP",
                "2025-03-07",
                "The Kremlin said Moscow was open to talks, while Russia denied the report. American officials "
                    + "said America would respond.",
                [.org("Kremlin"), .gpe("Moscow"), .gpe("Russia"), .norp("American"), .gpe("America")]
            ),
            FixtureArticle(
                "ap-30",
                "AP",
                "2025-03-08",
                "Ukraine signed the agreement; the Kremlin called Ukraine's move a provocation.",
                [.org("Ukraine"), .org("Kremlin"), .gpe("Ukraine")]
            ),
        ])
        let country = run.id("reuters-30", "Jordan")
        let congressman = run.id("fox-30", "Jim Jordan")
        #expect(country != congressman)
        #expect(run.id("cnn-30", "Jordan") == congressman)
        #expect(run.resolver.entity(country)?.type == .geopolitical)
        #expect(run.resolver.entity(congressman)?.type == .person)
        let kremlin = run.id("afp-30", "Kremlin")
        #expect(kremlin != run.id("afp-30", "Moscow"))
        #expect(kremlin != run.id("afp-30", "Russia"))
        #expect(run.id("ap-30", "Kremlin") == kremlin)
        #expect(run.resolver.entity(kremlin)?.type == .organization)
        #expect(run.id("afp-30", "American") != run.id("afp-30", "America"))
        // The same place name tagged ORG in one mention and GPE in another is one place.
        #expect(run.id("ap-30", "Ukraine") == run.id("ap-30", "Ukraine", 1))
    }

    @Test func similarButDifferentNamesStayApart() {
        let run = StoryRun([
            FixtureArticle(
                "reuters-40",
                "Reuters",
                "2025-03-10",
                "Kremlin spokesman Dmitry Peskov said Putin was open to talks. Peskov declined to give details.",
                [
                    .org("Kremlin"), .person("Dmitry Peskov"), .person("Putin"),
                    .person("Peskov", "Dmitry Peskov"),
                ]
            ),
            FixtureArticle(
                "tass-40",
                "TASS",
                "2025-03-11",
                "Dmitriy Peskov told reporters that Dmitri Peskov's earlier remarks stood.",
                [.person("Dmitriy Peskov"), .person("Dmitri Peskov")]
            ),
            FixtureArticle(
                "dennikn-40",
                "Dennik N",
                "2025-03-11",
                "Slovak lawmaker Pesko criticised the aid package in Bratislava.",
                [.norp("Slovak"), .person("Pesko"), .gpe("Bratislava")]
            ),
            FixtureArticle(
                "afp-40",
                "AFP",
                "2025-03-12",
                "Emmanuel Macron hosted army chiefs in Paris. Maron, a senator, said the plan lacked funding.",
                [.person("Emmanuel Macron"), .gpe("Paris"), .person("Maron")]
            ),
            FixtureArticle(
                "kyivindependent-40",
                "Kyiv Independent",
                "2025-03-12",
                "Andriy Yermak and Foreign Minister Andrii Sybiha met Russian-born Andrei Belousov's critics.",
                [.person("Andriy Yermak"), .person("Andrii Sybiha"), .norp("Russian"), .person("Andrei Belousov")]
            ),
            FixtureArticle(
                "tass-41",
                "TASS",
                "2025-03-13",
                "Andrey Belousov met Sergei Shoigu; Andrei Yermak and Andriy Sybiha were discussed.",
                [
                    .person("Andrey Belousov"), .person("Sergei Shoigu"), .person("Andrei Yermak"),
                    .person("Andriy Sybiha"),
                ]
            ),
        ])
        let peskov = run.id("reuters-40", "Dmitry Peskov")
        #expect(run.id("tass-40", "Dmitriy Peskov") == peskov)
        #expect(run.id("tass-40", "Dmitri Peskov") == peskov)
        #expect(run.id("dennikn-40", "Pesko") != peskov)
        #expect(run.id("afp-40", "Maron") != run.id("afp-40", "Emmanuel Macron"))
        // Russian- and Ukrainian-style spellings of one given name under one surname: one person.
        #expect(run.id("tass-41", "Andrey Belousov") == run.id("kyivindependent-40", "Andrei Belousov"))
        #expect(run.id("tass-41", "Andriy Sybiha") == run.id("kyivindependent-40", "Andrii Sybiha"))
        #expect(run.id("tass-41", "Andrei Yermak") == run.id("kyivindependent-40", "Andriy Yermak"))
        #expect(run.id("tass-41", "Andrei Yermak") != run.id("tass-41", "Andrey Belousov"))
        #expect(run.id("tass-41", "Sergei Shoigu") != run.id("tass-41", "Andrey Belousov"))
    }
}
