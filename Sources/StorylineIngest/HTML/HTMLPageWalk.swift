import CLibXML2

/// Statistics of one surviving element, computed bottom-up during ``HTMLPageWalk``.
///
/// Byte counts are UTF-8 bytes of non-whitespace text, so that they are cheap to accumulate and
/// comparable across elements; they are never re-computed.
struct ElementStats {
    var node: xmlNodePtr
    var parent: Int
    /// One past the index of the last descendant (descendants are `index + 1 ..< end`).
    var end: Int
    var tag: HTMLTag
    var verdict: ChromeVocabulary.Verdict
    var textBytes = 0
    var linkBytes = 0
    var commas = 0
    /// Descendant `<p>` elements with text.
    var paragraphs = 0
    var hasBlock = false
    /// Holds a `<time>` or a time-stamp element.
    var hasTime = false
    /// Holds an article body (an `itemprop=articleBody`, a body-class element or a long `<article>`).
    var holdsBody = false
    /// Whether the element itself is a strong article-body marker.
    var isBodyMarker = false
    /// Readability-style content score from the paragraphs below.
    var score = 0.0
    /// Children that look like live-blog entries (a time stamp and at least one paragraph).
    var entryChildren = 0
    var removed = false
    var isArticleTag = false

    var linkDensity: Double { textBytes == 0 ? 0 : Double(linkBytes) / Double(textBytes) }
}

/// A date stated by an element of the page, kept with the element's index so that candidates inside
/// removed chrome (teasers, comments) can be discarded.
struct DateCandidate {
    enum Source { case timeElement, itemprop, stampText }
    var index: Int
    var source: Source
    var value: String
    var text: String
    /// Marked as the publication date (`pubdate`, `itemprop=datePublished`, class "published").
    var published: Bool
    /// Marked as a modification date.
    var modified: Bool
}

/// One walk over a parsed page that prunes chrome from the tree, records what it removed, gathers
/// metadata candidates, and computes per-element text statistics bottom-up for choosing the content root.
///
/// Elements are numbered in document order; libxml2's `_private` slot of each surviving element holds its
/// index into ``elements``.
struct HTMLPageWalk {
    var elements: [ElementStats] = []
    var removed: [(index: Int, text: String)] = []
    var meta: [String: String] = [:]
    var title: String?
    var firstH1: String?
    var canonical: String?
    var htmlLang: String?
    var jsonLD: [[UInt8]] = []
    var dates: [DateCandidate] = []
    var bylines: [(index: Int, text: String)] = []
    var bodyIndex: Int?
    let classChrome: Bool

    private struct Frame {
        var node: xmlNodePtr
        var parent: Int
        var inLink: Bool
        var inArticle: Bool
        var post: Bool
    }

    /// Walks the tree under `root`. `classChrome: false` keeps elements whose class or id look like chrome
    /// (the fallback when the strict pass left no text).
    init(root: xmlNodePtr, classChrome: Bool = true) {
        self.classChrome = classChrome
        elements.reserveCapacity(1024)
        var stack: [Frame] = [Frame(node: root, parent: -1, inLink: false, inArticle: false, post: false)]
        while let frame = stack.popLast() {
            if frame.post {
                finish(frame.node)
                continue
            }
            let node = frame.node
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                countText(node, parent: frame.parent, inLink: frame.inLink)
            case XML_ELEMENT_NODE:
                enter(node, frame: frame, stack: &stack)
            default:
                break
            }
        }
    }

    // MARK: - Pre-order

    private mutating func enter(_ node: xmlNodePtr, frame: Frame, stack: inout [Frame]) {
        let element = XMLNode(node)
        var tag = HTMLTag.of(node)
        switch tag {
        case .script:
            if element.attribute("type", contains: "ld+json") {
                var bytes: [UInt8] = []
                element.appendText(to: &bytes)
                jsonLD.append(bytes)
            }
            drop(node, index: elements.count, recordText: false)
            return
        case .meta:
            readMeta(element)
            return
        case .link:
            if canonical == nil, element.attribute("rel", hasToken: "canonical"), let href = element.attribute("href") {
                canonical = href
            }
            return
        case .title:
            if title == nil { title = element.collapsedText }
            return
        case .dropSilent:
            drop(node, index: elements.count, recordText: false)
            return
        case .dropVisible:
            drop(node, index: elements.count, recordText: true)
            return
        case .html:
            htmlLang = element.attribute("lang") ?? element.attribute("xml:lang")
        case .heading:
            if firstH1 == nil, element.headingLevel == 1 { firstH1 = element.collapsedText }
        default:
            break
        }
        if tag != .html, tag != .body, tag != .head, isHidden(element) {
            drop(node, index: elements.count, recordText: true)
            return
        }
        var verdict: ChromeVocabulary.Verdict = []
        if tag != .html, tag != .body {
            if classChrome {
                verdict.formUnion(element.withRawAttribute("class", ChromeVocabulary.classify) ?? [])
                verdict.formUnion(element.withRawAttribute("id", ChromeVocabulary.classify) ?? [])
                if verdict.contains(.body) { verdict.subtract([.chrome, .meta, .byline]) }
            } else {
                verdict.formUnion(
                    (element.withRawAttribute("class", ChromeVocabulary.classify) ?? []).intersection([
                        .stamp, .body, .entry,
                    ])
                )
            }
        }
        let index = elements.count
        var isBodyMarker = verdict.contains(.body)
        if let itemprop = element.attribute("itemprop") {
            switch itemprop {
            case "articleBody":
                isBodyMarker = true
                verdict.subtract([.chrome, .meta, .byline])
            case "datePublished", "dateModified":
                let value = element.attribute("content") ?? element.attribute("datetime") ?? element.collapsedText
                dates.append(
                    DateCandidate(
                        index: index,
                        source: .itemprop,
                        value: value,
                        text: "",
                        published: itemprop == "datePublished",
                        modified: itemprop == "dateModified"
                    )
                )
            case "author", "creator":
                verdict.insert(.byline)
            default:
                break
            }
        }
        if tag == .anchor, element.attribute("rel", hasToken: "author") { verdict.insert(.byline) }
        if tag == .time {
            let text = element.collapsedText
            let published = element.hasAttribute("pubdate") || element.attribute("class", contains: "publish")
            let modified =
                element.attribute("class", contains: "modif") || element.attribute("class", contains: "updat")
            dates.append(
                DateCandidate(
                    index: index,
                    source: .timeElement,
                    value: element.attribute("datetime") ?? text,
                    text: text,
                    published: published,
                    modified: modified
                )
            )
        }
        if tag == .blockquote, element.attribute("class", hasToken: "twitter-tweet") {
            stripTweetChrome(node, index: index)
        }
        if tag == .inline, verdict.contains(.body) { tag = .container }
        var stats = ElementStats(node: node, parent: frame.parent, end: index + 1, tag: tag, verdict: verdict)
        stats.isBodyMarker = isBodyMarker
        stats.isArticleTag = element.hasName("article")
        if tag == .body { bodyIndex = index }
        elements.append(stats)
        element.slot = index
        let inArticle = frame.inArticle || stats.isArticleTag || isBodyMarker || element.hasName("main")
        stack.append(
            Frame(node: node, parent: frame.parent, inLink: frame.inLink, inArticle: frame.inArticle, post: true)
        )
        var child = node.pointee.last
        let inLink = frame.inLink || tag == .anchor
        while let c = child {
            stack.append(Frame(node: c, parent: index, inLink: inLink, inArticle: inArticle, post: false))
            child = c.pointee.prev
        }
        // A page-level `<header>` is removed after its children were read (for the date and the h1).
        if tag == .header, !frame.inArticle { elements[index].verdict.insert(.meta) }
    }

    private func isHidden(_ element: XMLNode) -> Bool {
        if element.hasAttribute("hidden") { return true }
        if element.attribute("aria-hidden", equalsIgnoringCase: "true") { return true }
        if let hidden = element.withRawAttribute(
            "style",
            { style in
                HTMLBytes.containsIgnoringCase(style, "display:none")
                    || HTMLBytes.containsIgnoringCase(style, "display: none")
                    || HTMLBytes.containsIgnoringCase(style, "visibility:hidden")
            }
        ), hidden {
            return true
        }
        return element.withRawAttribute("role") { role in
            HTMLBytes.trimmedEqualsIgnoringCase(role, "navigation")
                || HTMLBytes.trimmedEqualsIgnoringCase(role, "banner")
                || HTMLBytes.trimmedEqualsIgnoringCase(role, "complementary")
                || HTMLBytes.trimmedEqualsIgnoringCase(role, "contentinfo")
                || HTMLBytes.trimmedEqualsIgnoringCase(role, "dialog")
                || HTMLBytes.trimmedEqualsIgnoringCase(role, "menu")
                || HTMLBytes.trimmedEqualsIgnoringCase(role, "search")
                || HTMLBytes.trimmedEqualsIgnoringCase(role, "toolbar")
                || HTMLBytes.trimmedEqualsIgnoringCase(role, "alertdialog")
        } ?? false
    }

    private mutating func readMeta(_ element: XMLNode) {
        guard let content = element.attribute("content") else { return }
        for attributeName in ["property", "name", "itemprop"] {
            if let key = element.attribute(attributeName), !key.isEmpty {
                let lower = key.lowercased()
                if meta[lower] == nil { meta[lower] = content }
            }
        }
        if let equiv = element.attribute("http-equiv") {
            let key = "http-equiv:" + equiv.lowercased()
            if meta[key] == nil { meta[key] = content }
        }
    }

    /// Keeps an embedded tweet's own text paragraph and removes its attribution line
    /// ("— Name (@handle) February 27, 2025") and its `pic.twitter.com` / `t.co` links.
    private mutating func stripTweetChrome(_ quote: xmlNodePtr, index: Int) {
        var attribution: [UInt8] = []
        var seenParagraph = false
        var child = quote.pointee.children
        while let c = child {
            let next = c.pointee.next
            if c.pointee.type == XML_ELEMENT_NODE, XMLNode(c).hasName("p"), !seenParagraph {
                seenParagraph = true
                stripTweetLinks(c, index: index)
            } else if seenParagraph {
                XMLNode(c).appendText(to: &attribution)
                xmlUnlinkNode(c)
                xmlFreeNode(c)
            }
            child = next
        }
        let text = TextCleanup.collapseWhitespace(bytes: attribution)
        if !text.isEmpty { removed.append((index, HTMLPageWalk.truncate(text))) }
    }

    private mutating func stripTweetLinks(_ paragraph: xmlNodePtr, index: Int) {
        var child = paragraph.pointee.children
        while let c = child {
            let next = c.pointee.next
            if c.pointee.type == XML_ELEMENT_NODE {
                let link = XMLNode(c)
                if link.hasName("a"),
                    link.attribute("href", contains: "t.co/") || link.attribute("href", contains: "pic.twitter.com")
                        || link.textContent.hasPrefix("pic.twitter.com") || link.textContent.hasPrefix("https://t.co")
                {
                    let text = link.collapsedText
                    if !text.isEmpty { removed.append((index, text)) }
                    xmlUnlinkNode(c)
                    xmlFreeNode(c)
                } else {
                    stripTweetLinks(c, index: index)
                }
            }
            child = next
        }
    }

    // MARK: - Text

    private mutating func countText(_ node: xmlNodePtr, parent: Int, inLink: Bool) {
        guard parent >= 0, var p = node.pointee.content else { return }
        var bytes = 0
        var commas = 0
        while p.pointee != 0 {
            let c = p.pointee
            if !HTMLBytes.isSpace(c) { bytes += 1 }
            if c == 0x2C { commas += 1 }
            p += 1
        }
        elements[parent].textBytes += bytes
        elements[parent].commas += commas
        if inLink { elements[parent].linkBytes += bytes }
    }

    // MARK: - Post-order

    private mutating func finish(_ node: xmlNodePtr) {
        guard let index = XMLNode(node).slot else { return }
        elements[index].end = elements.count
        let s = elements[index]
        let isStamp = s.verdict.contains(.stamp) && s.textBytes < 150 && s.paragraphs == 0
        if isStamp || (s.verdict.contains(.meta) && s.textBytes < 300) {
            let text = HTMLPageWalk.spacedText(node)
            if !text.isEmpty, text.utf8.count < 300 {
                dates.append(
                    DateCandidate(
                        index: index,
                        source: .stampText,
                        value: text,
                        text: text,
                        published: false,
                        modified: false
                    )
                )
            }
        }
        if isStamp { elements[index].hasTime = true }
        if s.verdict.contains(.byline) || s.verdict.contains(.meta), !s.verdict.contains(.chrome), s.textBytes < 200,
            !s.holdsBody
        {
            let text = HTMLPageWalk.spacedText(node)
            if !text.isEmpty, s.verdict.contains(.byline) || text.hasPrefix("By ") || text.hasPrefix("by ") {
                bylines.append((index, text))
            }
        }
        var remove = false
        var popCandidates = false
        if !s.holdsBody && !s.isBodyMarker {
            if s.verdict.contains(.chrome) {
                remove = true
                popCandidates = true
            } else if s.verdict.contains(.byline) || s.verdict.contains(.meta) {
                remove = s.textBytes < 400 || s.tag == .header
            } else if s.tag == .form {
                remove = s.paragraphs < 2 && s.textBytes < 500
            }
        }
        if remove {
            if popCandidates {
                dates.removeAll { $0.index > index }
                bylines.removeAll { $0.index > index }
            }
            for k in index..<elements[index].end { elements[k].removed = true }
            drop(node, index: index, recordText: true)
            return
        }
        guard s.parent >= 0 else { return }
        let p = s.parent
        elements[p].textBytes += s.textBytes
        elements[p].linkBytes += s.linkBytes
        elements[p].commas += s.commas
        elements[p].paragraphs += s.paragraphs + (s.tag == .paragraph && s.textBytes > 0 ? 1 : 0)
        elements[p].hasBlock = elements[p].hasBlock || s.tag.isBlock || s.hasBlock
        let hasTime = s.hasTime || isStamp || s.tag == .time
        elements[p].hasTime = elements[p].hasTime || hasTime
        let strong = (s.isBodyMarker && s.textBytes >= 100) || (s.isArticleTag && s.textBytes >= 400)
        elements[p].holdsBody = elements[p].holdsBody || strong || s.holdsBody
        if hasTime, s.paragraphs >= 1 || s.verdict.contains(.entry) { elements[p].entryChildren += 1 }
        // Readability-style scoring: text blocks give points to their parent and grandparent.
        if (s.tag == .paragraph || s.tag == .pre || (s.tag == .container && !s.hasBlock)), s.textBytes >= 25 {
            let points = 1 + Double(min(s.commas, 10)) + min(Double(s.textBytes) / 100, 3)
            elements[p].score += points
            let g = elements[p].parent
            if g >= 0 { elements[g].score += points / 2 }
        }
    }

    // MARK: - Removal

    private mutating func drop(_ node: xmlNodePtr, index: Int, recordText: Bool) {
        if recordText {
            let text = HTMLPageWalk.spacedText(node)
            if !text.isEmpty { removed.append((index, HTMLPageWalk.truncate(text))) }
        }
        xmlUnlinkNode(node)
        xmlFreeNode(node)
    }

    /// The text under `node`, whitespace collapsed, with element boundaries spaced.
    static func spacedText(_ node: xmlNodePtr) -> String {
        var bytes: [UInt8] = []
        appendText(node, to: &bytes, spaceEveryElement: true)
        return TextCleanup.collapseWhitespace(bytes: bytes)
    }

    /// Appends the text under `node`. A space goes after every block and heading and before every `<br>`,
    /// block and heading; with `spaceEveryElement` also before links and other non-inline elements, and
    /// scripts are skipped, so that a removed menu reads "World Business Markets" rather than
    /// "WorldBusinessMarkets".
    static func appendText(_ node: xmlNodePtr, to bytes: inout [UInt8], spaceEveryElement: Bool) {
        var child = node.pointee.children
        while let c = child {
            child = c.pointee.next
            switch c.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if var p = c.pointee.content {
                    while p.pointee != 0 {
                        bytes.append(p.pointee)
                        p += 1
                    }
                }
            case XML_ELEMENT_NODE:
                let tag = HTMLTag.of(c)
                if spaceEveryElement {
                    guard tag != .script, tag != .dropSilent else { continue }
                    if tag != .inline { bytes.append(0x20) }
                } else if tag == .br || tag.isBlock || tag == .heading {
                    bytes.append(0x20)
                }
                appendText(c, to: &bytes, spaceEveryElement: spaceEveryElement)
                if tag.isBlock || tag == .heading { bytes.append(0x20) }
            default:
                break
            }
        }
    }

    /// At most 200 characters of a removed block, with an ellipsis when cut.
    static func truncate(_ text: String) -> String {
        var count = 0
        for index in text.unicodeScalars.indices {
            if count == 200 { return String(text.unicodeScalars[..<index]) + "…" }
            count += 1
        }
        return text
    }
}
