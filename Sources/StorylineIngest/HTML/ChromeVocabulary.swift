/// Static keyword tables that recognise page chrome (and article bodies) from `class` and `id` tokens,
/// compared byte by byte without allocating.
///
/// A token is split into components at `-`, `_` and `:` ("article__share-bar" → article, share, bar);
/// a component in ``components`` marks chrome. The token with separators removed and lowercased is also
/// searched for the compound keywords in ``substrings`` ("relatedArticles", "sharebar"). Body markers
/// ("article-body", "entry-content") win over chrome, so a body container is never dropped.
enum ChromeVocabulary {
    /// The classification of one element's class/id tokens.
    struct Verdict: OptionSet {
        let rawValue: UInt8
        /// Page chrome: removed with its text recorded.
        static let chrome = Verdict(rawValue: 1)
        /// An article-body container ("article-body", "entry-content", "story-body").
        static let body = Verdict(rawValue: 2)
        /// A byline or author element: removed from the body, its text feeds the byline.
        static let byline = Verdict(rawValue: 4)
        /// An article metadata box ("entry-meta"): removed from the body, but the dates inside it still count.
        static let meta = Verdict(rawValue: 32)
        /// A date or time stamp element (kept for dating and live-blog entries, never emitted as text).
        static let stamp = Verdict(rawValue: 8)
        /// A live-blog entry container ("live-blog-post", "liveblog-entry", "block").
        static let entry = Verdict(rawValue: 16)
    }

    /// Classifies one attribute value (a class list or an id).
    static func classify(_ value: UnsafeBufferPointer<UInt8>) -> Verdict {
        var verdict: Verdict = []
        HTMLBytes.forEachToken(value) { token in
            verdict.formUnion(classifyToken(token))
        }
        if verdict.contains(.body) { verdict.subtract([.chrome, .meta, .byline]) }
        return verdict
    }

    private static func classifyToken(_ token: UnsafeBufferPointer<UInt8>) -> Verdict {
        if let whole = PackedWord(token), hiddenTokens.contains(whole) { return .chrome }
        var verdict: Verdict = []
        // Components.
        var start = 0
        let n = token.count
        var i = 0
        while i <= n {
            if i == n || token[i] == 0x2D || token[i] == 0x5F || token[i] == 0x3A {
                if i > start, let word = PackedWord(UnsafeBufferPointer(rebasing: token[start..<i])) {
                    if components.contains(word) { verdict.insert(.chrome) }
                    if bylineComponents.contains(word) { verdict.insert(.byline) }
                    if stampComponents.contains(word) { verdict.insert(.stamp) }
                }
                start = i + 1
            }
            i += 1
        }
        // Separator-free lowercase form for compound keywords.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(n, 1)) { buffer in
            var count = 0
            for byte in token where byte != 0x2D && byte != 0x5F {
                buffer[count] = HTMLBytes.lower(byte)
                count += 1
            }
            let squeezed = UnsafeBufferPointer(rebasing: buffer[0..<count])
            for keyword in substrings where HTMLBytes.containsIgnoringCase(squeezed, keyword) {
                verdict.insert(.chrome)
                break
            }
            for keyword in bylineSubstrings where HTMLBytes.containsIgnoringCase(squeezed, keyword) {
                verdict.insert(.byline)
                break
            }
            for keyword in metaMarkers where HTMLBytes.containsIgnoringCase(squeezed, keyword) {
                verdict.insert(.meta)
                break
            }
            if verdict.isDisjoint(with: [.chrome, .meta, .byline]) {
                for keyword in bodyMarkers where HTMLBytes.containsIgnoringCase(squeezed, keyword) {
                    verdict.insert(.body)
                    break
                }
            }
            for keyword in entryMarkers where HTMLBytes.containsIgnoringCase(squeezed, keyword) {
                verdict.insert(.entry)
                break
            }
            return verdict
        }
    }

    /// Whole tokens that hide an element.
    static let hiddenTokens: Set<PackedWord> = Set(
        [
            "hidden", "visually-hidden", "visuallyhidden", "sr-only", "screen-reader-text", "d-none", "u-hide", "hide",
            "offscreen", "is-hidden", "invisible",
        ].compactMap { PackedWord($0) }
    )

    /// Components that mark chrome.
    static let components: Set<PackedWord> = Set(
        [
            "share", "shares", "sharing", "sharebar", "sharetools", "social", "socials", "socialmedia", "cookie",
            "cookies", "consent", "gdpr", "cmp", "newsletter", "newsletters", "subscribe", "subscription", "signup",
            "comment", "comments", "disqus", "discussion", "respond", "related", "relatedposts", "recommended",
            "recommendation", "recommendations", "recirc", "recirculation", "mostread", "mostpopular", "popular",
            "trending", "readmore", "ad", "ads", "adv", "advert", "adverts", "advertisement", "advertising",
            "adslot", "adunit", "dfp", "gpt", "sponsored", "sponsor", "promo", "promos", "promoted", "breadcrumb",
            "breadcrumbs", "tags", "tag", "taglist", "tagcloud", "keywords", "topics", "bio", "biography", "caption",
            "captions", "figcaption", "credit", "credits", "footer", "sidebar", "widget", "widgets", "modal",
            "popup", "overlay", "nav", "navbar", "navigation", "menu", "masthead", "skip", "outbrain", "taboola",
            "toolbar", "follow", "pagination", "pager", "login", "signin", "donate", "survey", "instagram",
            "tiktok", "banner", "print", "rating", "copyright", "disclaimer",
        ].compactMap { PackedWord($0) }
    )

    /// Components that mark a byline.
    static let bylineComponents: Set<PackedWord> = Set(
        ["byline", "bylines", "author", "authors", "contributor", "contributors"].compactMap { PackedWord($0) }
    )

    /// Components that mark a date or time stamp.
    static let stampComponents: Set<PackedWord> = Set(
        ["time", "timestamp", "date", "datetime", "dateline", "published", "updated", "pubdate", "posted"].compactMap {
            PackedWord($0)
        }
    )

    /// Compound chrome keywords searched in the lowercase, separator-free token.
    static let substrings: [StaticString] = [
        "newsletter", "cookie", "consent", "breadcrumb", "taboola", "outbrain", "advert", "sharebar", "sharing",
        "socialshare", "sharebutton", "sharetool", "subscribe", "signup", "readmore", "mostread", "morestories",
        "mostpopular", "alsoread", "seealso", "youmaylike", "recommended", "related", "comments", "commentlist",
        "authorbio", "authorinfo", "aboutauthor", "aboutthe", "sponsored", "adslot", "adunit", "adcontainer",
        "adwrapper", "promobox", "screenreader", "recirc", "trending", "socialicons", "socialbar", "sociallinks",
        "entryfooter", "postfooter",
    ]

    /// Article metadata boxes (dates, bylines) searched in the lowercase, separator-free token.
    static let metaMarkers: [StaticString] = [
        "entrymeta", "postmeta", "articlemeta", "storymeta", "articleinfo", "postinfo",
    ]

    /// Byline markers searched in the lowercase, separator-free token ("TextContributorName").
    static let bylineSubstrings: [StaticString] = ["byline", "authorname", "contributorname", "writtenby"]

    /// Article-body markers searched in the lowercase, separator-free token.
    static let bodyMarkers: [StaticString] = [
        "articlebody", "storybody", "entrycontent", "postcontent", "articlecontent", "articletext", "storycontent",
        "storytext", "postbody", "entrybody", "bodytext", "articlecopy", "contentbody", "richtext", "postentry",
        "singlepost", "blogpost", "livebody", "liveblogbody",
    ]

    /// Live-blog entry markers searched in the lowercase, separator-free token.
    static let entryMarkers: [StaticString] = [
        "liveblogentry", "liveblogpost", "liveblogupdate", "liveentry", "livepost", "liveupdate", "blockupdate",
        "lbpost", "timelineentry",
    ]
}
