import CLibXML2
import StorylineText

/// Chooses the content root of a pruned page and emits its paragraphs in document order, with the
/// live-blog entries found on the way.
///
/// Works on the tree left by ``HTMLPageWalk`` (chrome already unlinked) and on its statistics, so no
/// text length is ever recomputed: each text byte is read once more, when its paragraph is emitted.
struct HTMLContentEmitter {
    /// An entry of a live blog as found in the markup, before dates are resolved.
    struct Entry {
        var headline: String?
        var timeText: String?
        var timeValue: String?
        var range: Range<Int>
    }

    let walk: HTMLPageWalk
    var paragraphs: [String] = []
    var removed: [(index: Int, text: String)] = []
    var entries: [Entry] = []
    /// The element whose children are live-blog entries, when there is one.
    var feed: Int?
    private var skip: Set<Int> = []

    init(walk: HTMLPageWalk) {
        self.walk = walk
    }

    // MARK: - Content root

    /// The elements whose content is the article, in document order.
    ///
    /// 1. The outermost explicit body markers (`itemprop=articleBody`, "article-body", "rich-text"…): the
    ///    ancestor that gathers them when they are scattered (each paragraph in its own marked component),
    ///    else the largest one and its sibling markers; 2. the longest `<article>`; 3. the best-scored
    ///    container. A choice must be plausible next to the best-scored container.
    func contentRoots() -> [Int] {
        let elements = walk.elements
        guard let body = walk.bodyIndex, !elements[body].removed else { return [] }
        let range = body..<elements[body].end
        // Readability-style best candidate, used to sanity-check the marker-based choice.
        var best = body
        var bestScore = -1.0
        for i in range where !elements[i].removed && elements[i].score > 0 {
            let s = elements[i].score * (1 - elements[i].linkDensity)
            if s > bestScore {
                bestScore = s
                best = i
            }
        }
        if bestScore > 0 { best = gatheringAncestor(of: best, below: body) }
        func isAncestor(_ a: Int, of b: Int) -> Bool { a <= b && b < elements[a].end }
        func plausible(_ root: Int) -> Bool {
            let r = elements[root]
            guard r.textBytes >= 100 else { return false }
            if isAncestor(root, of: best) || isAncestor(best, of: root) { return true }
            return r.textBytes * 3 >= elements[best].textBytes
        }
        // 1. Explicit body markers (itemprop=articleBody, "article-body", "entry-content"…), outermost ones.
        //    `allMarkers` also holds the short ones (a one-sentence paragraph in its own marked wrapper), for
        //    measuring how the marked text is spread.
        var markers: [Int] = []
        var allMarkers: [Int] = []
        var markedBytes = 0
        var outerEnd = 0
        for i in range where !elements[i].removed && elements[i].isBodyMarker && elements[i].textBytes > 0 {
            if i < outerEnd { continue }
            allMarkers.append(i)
            markedBytes += elements[i].textBytes
            outerEnd = elements[i].end
            if elements[i].textBytes >= 100 { markers.append(i) }
        }
        if let top = markers.max(by: { elements[$0].textBytes < elements[$1].textBytes }), plausible(top) {
            if let gathering = markerAncestor(of: top, markers: allMarkers, markedBytes: markedBytes, below: body),
                plausible(gathering)
            {
                return [gathering]
            }
            let parent = elements[top].parent
            return markers.filter { elements[$0].parent == parent && plausible($0) }
        }
        // 2. The longest `<article>`.
        var article: Int?
        for i in range where !elements[i].removed && elements[i].isArticleTag && elements[i].textBytes >= 400 {
            if article == nil || elements[i].textBytes > elements[article!].textBytes { article = i }
        }
        if let article, plausible(article) { return [article] }
        // 3. The best-scored container.
        return bestScore > 0 ? [best] : [body]
    }

    /// The ancestor that joins scattered body markers: the lowest ancestor of `top` (below `body`) that holds at
    /// least two thirds of the marked text, when no marker holds that much alone — a page that marks each
    /// paragraph's own wrapper (siblings) or a block inside it (cousins). Readability joins a top candidate's
    /// siblings; joining at the common ancestor also keeps what the markers leave out between them: short
    /// paragraphs (markers under 100 bytes are no candidates) and sub-headings. The ancestor must itself be mostly
    /// marked text, so that a stray marker elsewhere on the page never lifts the root to a page-wide container.
    private func markerAncestor(of top: Int, markers: [Int], markedBytes: Int, below body: Int) -> Int? {
        let elements = walk.elements
        // A marker that holds most of the marked text on its own is the body; nothing to join.
        guard elements[top].textBytes * 3 < markedBytes * 2 else { return nil }
        var a = elements[top].parent
        while a > body {
            let end = elements[a].end
            var inside = 0
            var count = 0
            for m in markers where m > a && m < end {
                inside += elements[m].textBytes
                count += 1
            }
            if inside * 3 >= markedBytes * 2 {
                return count >= 2 && inside * 2 >= elements[a].textBytes ? a : nil
            }
            a = elements[a].parent
        }
        return nil
    }

    /// `candidate` itself, or, when it holds a single paragraph, the nearest ancestor (below `body`) that holds
    /// several: a content root is never one paragraph of many. Readability joins a top candidate's sibling
    /// paragraphs; on pages that wrap each paragraph in its own block the siblings are the wrappers, so the
    /// join is their common parent.
    private func gatheringAncestor(of candidate: Int, below body: Int) -> Int {
        let elements = walk.elements
        func paragraphs(_ i: Int) -> Int {
            elements[i].paragraphs + (elements[i].tag == .paragraph && elements[i].textBytes > 0 ? 1 : 0)
        }
        guard paragraphs(candidate) == 1 else { return candidate }
        var a = elements[candidate].parent
        while a > body {
            if paragraphs(a) >= 3 { return a }
            a = elements[a].parent
        }
        return candidate
    }

    /// The element with the most live-blog-entry children under the roots (at least `minimum`).
    func findFeed(in roots: [Int], minimum: Int) -> Int? {
        var feed: Int?
        for root in roots {
            for i in root..<walk.elements[root].end where !walk.elements[i].removed {
                let n = walk.elements[i].entryChildren
                if n >= minimum, feed == nil || n > walk.elements[feed!].entryChildren { feed = i }
            }
        }
        return feed
    }

    // MARK: - Emission

    /// Emits the paragraphs of every root, in document order.
    mutating func emit(roots: [Int], feed: Int?) {
        self.feed = feed
        for root in roots {
            let s = walk.elements[root]
            switch s.tag {
            case .paragraph, .heading, .pre:
                emitBlock(root)
            default:
                emitContainer(root, depth: 0)
            }
        }
    }

    private mutating func emitContainer(_ index: Int, depth: Int) {
        var run = Run()
        var previousWasBreak = false
        var child = walk.elements[index].node.pointee.children
        let isFeed = index == feed
        while let c = child {
            child = c.pointee.next
            switch c.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                let before = run.bytes.count
                run.append(c)
                if run.hasNonSpace(from: before) { previousWasBreak = false }
                continue
            case XML_ELEMENT_NODE:
                break
            default:
                continue
            }
            guard let ci = XMLNode(c).slot, !skip.contains(ci) else { continue }
            let s = walk.elements[ci]
            if s.tag == .br {
                if previousWasBreak {
                    flush(&run, index: ci)
                } else {
                    run.bytes.append(0x20)
                }
                previousWasBreak = true
                continue
            }
            previousWasBreak = false
            if s.tag == .time || (s.verdict.contains(.stamp) && s.textBytes < 150 && s.paragraphs == 0) { continue }
            let isBlock = s.tag.isBlock || s.hasBlock || s.tag == .heading
            if !isBlock {
                run.appendElement(c, stats: s)
                continue
            }
            flush(&run, index: ci)
            if isFeed, s.hasTime, s.paragraphs >= 1 || s.verdict.contains(.entry) {
                emitEntry(ci, depth: depth)
                continue
            }
            emitElement(ci, depth: depth)
        }
        flush(&run, index: index)
    }

    private mutating func emitElement(_ ci: Int, depth: Int) {
        let s = walk.elements[ci]
        switch s.tag {
        case .paragraph:
            if s.hasBlock { emitContainer(ci, depth: depth + 1) } else { emitBlock(ci) }
        case .heading:
            if XMLNode(s.node).headingLevel ?? 1 >= 2 { emitBlock(ci) }
        case .pre:
            emitBlock(ci)
        case .listItem, .blockquote:
            if s.hasBlock { emitContainer(ci, depth: depth + 1) } else { emitBlock(ci) }
        case .list:
            if s.textBytes > 0, s.linkDensity > 0.5 {
                record(ci)
            } else {
                emitContainer(ci, depth: depth + 1)
            }
        default:
            if depth > 200 { emitBlock(ci) } else { emitContainer(ci, depth: depth + 1) }
        }
    }

    /// Emits one live-blog entry: its headline opens the entry's paragraphs (headlines carry news, and
    /// quotes, of their own), its time stamp goes to the entry, its paragraphs to the body.
    private mutating func emitEntry(_ ci: Int, depth: Int) {
        let s = walk.elements[ci]
        let start = paragraphs.count
        var headline: String?
        for k in (ci + 1)..<s.end where !walk.elements[k].removed && walk.elements[k].tag == .heading {
            headline = XMLNode(walk.elements[k].node).collapsedText
            skip.insert(k)
            if let headline, !headline.isEmpty { paragraphs.append(headline) }
            break
        }
        var timeText: String?
        var timeValue: String?
        if let stamp = walk.dates.first(where: { $0.index > ci && $0.index < s.end }) {
            timeText = stamp.text.isEmpty ? stamp.value : stamp.text
            timeValue = stamp.value
        }
        emitContainer(ci, depth: depth + 1)
        entries.append(
            Entry(headline: headline, timeText: timeText, timeValue: timeValue, range: start..<paragraphs.count)
        )
    }

    /// Emits an element as one paragraph, unless it is link-dense or a lone chrome line.
    private mutating func emitBlock(_ index: Int) {
        let s = walk.elements[index]
        var bytes: [UInt8] = []
        HTMLPageWalk.appendText(s.node, to: &bytes, spaceEveryElement: false)
        let text = TextCleanup.collapseWhitespace(bytes: bytes)
        guard !text.isEmpty else { return }
        let linkDense = s.tag == .heading ? s.linkDensity > 0.9 : s.linkDensity > (s.tag == .listItem ? 0.5 : 0.6)
        if linkDense || ChromeLines.isChrome(text) {
            removed.append((index, HTMLPageWalk.truncate(text)))
            return
        }
        paragraphs.append(text)
    }

    private mutating func record(_ index: Int) {
        let text = HTMLPageWalk.spacedText(walk.elements[index].node)
        if !text.isEmpty { removed.append((index, HTMLPageWalk.truncate(text))) }
    }

    /// Loose text of a container (between blocks, or between `<br><br>`) becomes a paragraph when it is
    /// long enough or a sentence.
    private mutating func flush(_ run: inout Run, index: Int) {
        defer { run = Run() }
        let text = TextCleanup.collapseWhitespace(bytes: run.bytes)
        guard !text.isEmpty else { return }
        let density = run.textBytes == 0 ? 0 : Double(run.linkBytes) / Double(run.textBytes)
        let last = text.unicodeScalars.last!
        let sentence = ".!?\"”’)…".unicodeScalars.contains(last)
        if density > 0.6 || (!sentence && text.utf8.count < 40) || ChromeLines.isChrome(text) {
            removed.append((index, HTMLPageWalk.truncate(text)))
            return
        }
        paragraphs.append(text)
    }

    /// Loose inline text accumulated inside a container.
    private struct Run {
        var bytes: [UInt8] = []
        var textBytes = 0
        var linkBytes = 0

        mutating func append(_ textNode: xmlNodePtr) {
            guard var p = textNode.pointee.content else { return }
            while p.pointee != 0 {
                if !HTMLBytes.isSpace(p.pointee) { textBytes += 1 }
                bytes.append(p.pointee)
                p += 1
            }
        }

        mutating func appendElement(_ node: xmlNodePtr, stats: ElementStats) {
            HTMLPageWalk.appendText(node, to: &bytes, spaceEveryElement: false)
            textBytes += stats.textBytes
            linkBytes += stats.tag == .anchor ? stats.textBytes : stats.linkBytes
        }

        func hasNonSpace(from start: Int) -> Bool {
            bytes[start...].contains { !HTMLBytes.isSpace($0) }
        }
    }
}
