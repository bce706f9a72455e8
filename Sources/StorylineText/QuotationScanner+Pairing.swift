import StorylineCore

// Pairing quotation marks into spans: a bounded stack of open quotes per paragraph.

extension QuotationScanner {
    /// A quote whose opening mark has been seen.
    struct OpenQuote {
        var style: QuotationSpan.Style
        var outerStart: Int
        var innerStart: Int
        var depth: Int
        /// Opened by a mark that may be an elision (`'22`, `‚`): kept only if it is closed.
        var tentative: Bool
        var continues: Bool
    }

    /// The pairing state for one text; `process` is called once per paragraph, in order.
    struct Pairer {
        let bytes: UnsafeBufferPointer<UInt8>
        var stack: [OpenQuote] = []
        var spans: [QuotationSpan] = []
        /// Whether the last non-blank paragraph ended inside an unclosed top-level quote.
        var previousParagraphUnclosed = false
        /// Per mark of the paragraph: whether a later single mark could close a quote.
        private var laterSingleCloser: [Bool] = []
        private var paragraph = Paragraph(start: 0, end: 0, next: 0, contentStart: nil)

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            stack.reserveCapacity(QuotationScanner.maximumDepth)
        }

        mutating func process(_ paragraph: Paragraph, _ marks: [Mark]) {
            self.paragraph = paragraph
            laterSingleCloser.removeAll(keepingCapacity: true)
            var seen = false
            for mark in marks.reversed() {
                laterSingleCloser.append(seen)
                if mark.glyph.isSingleCloser && mark.canClose { seen = true }
            }
            laterSingleCloser.reverse()

            var skipped = -1
            for index in marks.indices where index != skipped {
                let mark = marks[index]
                switch mark.glyph {
                case .straightDouble: straightDouble(mark)
                case .straightSingle, .rightSingle:
                    if elision(bytes, mark) == .pairedN {
                        skipped = index + 1
                    } else {
                        single(mark, straight: mark.glyph == .straightSingle, laterCloser: laterSingleCloser[index])
                    }
                case .leftSingle:
                    if elision(bytes, mark) == .pairedN { skipped = index + 1 } else { leftSingle(mark) }
                case .lowSingle:
                    if mark.canOpen && mark.after == .word { open(.lowNineSingle, mark, tentative: true) }
                case .leftDouble: leftDouble(mark)
                case .rightDouble:
                    if let target = top(where: \.isDouble) {
                        close(target, mark)
                    } else if mark.canOpen {
                        open(.curlyDouble, mark)
                    }
                case .lowDouble:
                    if stack.last?.style == .lowNineDouble { recoverTop(at: mark.offset) }
                    if mark.after != .space { open(.lowNineDouble, mark) }
                case .leftGuillemet, .rightGuillemet: guillemet(mark, style: .guillemets)
                case .leftSingleGuillemet, .rightSingleGuillemet: guillemet(mark, style: .singleGuillemets)
                }
            }
            endParagraph()
        }

        // MARK: Decisions per glyph

        /// `"`: closes an open straight double quote (alternation), else opens where a mark can open.
        private mutating func straightDouble(_ mark: Mark) {
            if let target = top(where: { $0 == .straightDouble }) {
                close(target, mark)
            } else if mark.canOpen && !mark.canClose {
                open(.straightDouble, mark)
            } else if mark.canClose {
                if !mark.canOpen, let target = top(where: \.isDouble) {
                    close(target, mark)
                } else if !mark.canOpen {
                    closeMismatched(mark, expecting: .straightSingle)
                }
            } else if mark.after != .space {
                open(.straightDouble, mark)  // word"word: a missing space
            }
        }

        /// `'` and `’`: apostrophe between letters and in elisions; otherwise decided by position.
        private mutating func single(_ mark: Mark, straight: Bool, laterCloser: Bool) {
            if mark.before == .word && mark.after == .word { return }
            if elision(bytes, mark) == .apostrophe { return }
            let canOpen = mark.canOpen
            let canClose = mark.canClose
            if canClose && !canOpen {
                let target = top(where: \.isSingle)
                if isPluralPossessive(bytes, mark) {
                    // `the allies' plans` inside a single-quoted quote: an apostrophe if a later mark
                    // can still close the quote.
                    if let target, !laterCloser { close(target, mark) }
                    return
                }
                if let target {
                    close(target, mark)
                } else if straight {
                    closeMismatched(mark, expecting: .straightDouble)
                }
            } else if canOpen && !canClose {
                let style: QuotationSpan.Style = straight ? .straightSingle : .curlySingle
                open(style, mark, tentative: isDigit(bytes[mark.end]))
            } else if canOpen && canClose, let target = top(where: \.isSingle) {
                close(target, mark)
            }
        }

        /// `‘`: opens, unless it stands where a mark closes and a single quote is open.
        private mutating func leftSingle(_ mark: Mark) {
            if mark.before == .word && mark.after == .word { return }
            if elision(bytes, mark) == .apostrophe { return }
            if mark.canClose && !mark.canOpen, let target = top(where: \.isSingle) {
                close(target, mark)
            } else if mark.after != .space {
                open(.curlySingle, mark, tentative: isDigit(bytes[mark.end]))
            }
        }

        /// `“`: opens (closing an unclosed `“` it follows), or closes `„…“` and misused `“…“`.
        private mutating func leftDouble(_ mark: Mark) {
            if mark.canClose && !mark.canOpen, let target = top(where: \.isDouble) {
                close(target, mark)
            } else if mark.after != .space {
                // Curly double quotes do not nest in themselves: a new one means the last one was
                // never closed.
                if stack.last?.style == .curlyDouble { recoverTop(at: mark.offset) }
                open(.curlyDouble, mark)
            }
        }

        /// `«`, `»`, `‹`, `›`: closes an open quote of the same style, else opens (either direction).
        private mutating func guillemet(_ mark: Mark, style: QuotationSpan.Style) {
            let opensFrench = mark.glyph == .leftGuillemet || mark.glyph == .leftSingleGuillemet
            if let target = top(where: { $0 == style }), !opensFrench || (mark.canClose && !mark.canOpen) {
                close(target, mark)
            } else if opensFrench || mark.after != .space {
                open(style, mark)
            }
        }

        /// A straight mark in closing position closing the other straight family (`'…"` typos):
        /// only when it follows punctuation or precedes it, so that `"the allies' plans"` is safe.
        private mutating func closeMismatched(_ mark: Mark, expecting style: QuotationSpan.Style) {
            guard let last = stack.last, last.style == style,
                mark.before == .closing || mark.after == .closing
            else { return }
            close(stack.count - 1, mark)
        }

        // MARK: Stack

        private func top(where predicate: (QuotationSpan.Style) -> Bool) -> Int? {
            var index = stack.count - 1
            while index >= 0 {
                if predicate(stack[index].style) { return index }
                index -= 1
            }
            return nil
        }

        private mutating func open(_ style: QuotationSpan.Style, _ mark: Mark, tentative: Bool = false) {
            guard stack.count < QuotationScanner.maximumDepth else { return }
            let continues = previousParagraphUnclosed && stack.isEmpty && mark.offset == paragraph.contentStart
            stack.append(
                OpenQuote(
                    style: style,
                    outerStart: mark.offset,
                    innerStart: mark.end,
                    depth: stack.count,
                    tentative: tentative,
                    continues: continues
                )
            )
        }

        /// Closes the quote at `index` with `mark`; quotes nested above it are recovered unclosed.
        private mutating func close(_ index: Int, _ mark: Mark) {
            while stack.count - 1 > index { recoverTop(at: mark.offset) }
            let quote = stack.removeLast()
            emit(quote, innerEnd: mark.offset, outerEnd: mark.end, isClosed: true)
        }

        /// Pops the innermost quote and, unless tentative, records it as unclosed, ending at `end`.
        /// Returns whether a span was recorded.
        @discardableResult
        private mutating func recoverTop(at end: Int) -> Bool {
            let quote = stack.removeLast()
            guard !quote.tentative else { return false }
            let trimmed = trimEnd(end, floor: quote.innerStart)
            guard trimStart(quote.innerStart, ceiling: trimmed) < trimmed else { return false }
            emit(quote, innerEnd: trimmed, outerEnd: trimmed, isClosed: false)
            return true
        }

        private mutating func endParagraph() {
            var unclosedTopLevel = false
            while let quote = stack.last {
                if recoverTop(at: paragraph.end) && quote.depth == 0 { unclosedTopLevel = true }
            }
            if paragraph.contentStart != nil { previousParagraphUnclosed = unclosedTopLevel }
        }

        private mutating func emit(_ quote: OpenQuote, innerEnd: Int, outerEnd: Int, isClosed: Bool) {
            let end = trimEnd(innerEnd, floor: quote.innerStart)
            let start = trimStart(quote.innerStart, ceiling: end)
            let ending = terminalPunctuation(start, end)
            spans.append(
                QuotationSpan(
                    outer: TextRange(start: quote.outerStart, end: outerEnd),
                    inner: TextRange(start: start, end: end),
                    style: quote.style,
                    depth: quote.depth,
                    isClosed: isClosed,
                    continues: quote.continues,
                    wordCount: wordCount(start, end),
                    endsWithSentencePunctuation: ending == .sentence,
                    endsWithComma: ending == .comma
                )
            )
        }

        // MARK: Inner text

        /// The length of the white-space character ending at `end` (0 if none).
        private func spaceLength(endingAt end: Int, floor: Int) -> Int {
            let byte = bytes[end - 1]
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { return 1 }
            if end - 2 >= floor, byte == 0xA0, bytes[end - 2] == 0xC2 { return 2 }
            if end - 3 >= floor, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80,
                byte == 0xAF || byte == 0x89 || byte == 0x8B
            {
                return 3
            }
            return 0
        }

        /// The length of the white-space character starting at `start` (0 if none).
        private func spaceLength(startingAt start: Int, ceiling: Int) -> Int {
            let byte = bytes[start]
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { return 1 }
            if start + 2 <= ceiling, byte == 0xC2, bytes[start + 1] == 0xA0 { return 2 }
            if start + 3 <= ceiling, byte == 0xE2, bytes[start + 1] == 0x80,
                bytes[start + 2] == 0xAF || bytes[start + 2] == 0x89 || bytes[start + 2] == 0x8B
            {
                return 3
            }
            return 0
        }

        private func trimEnd(_ end: Int, floor: Int) -> Int {
            var end = end
            while end > floor {
                let length = spaceLength(endingAt: end, floor: floor)
                if length == 0 { break }
                end -= length
            }
            return end
        }

        private func trimStart(_ start: Int, ceiling: Int) -> Int {
            var start = start
            while start < ceiling {
                let length = spaceLength(startingAt: start, ceiling: ceiling)
                if length == 0 { break }
                start += length
            }
            return start
        }

        /// Runs of non-space bytes holding an ASCII letter or digit or a non-ASCII letter (a lead
        /// byte outside the punctuation block U+2000–U+2FFF).
        private func wordCount(_ start: Int, _ end: Int) -> Int {
            var words = 0
            var inRun = false
            var runHasLetter = false
            var index = start
            while index < end {
                let byte = bytes[index]
                let isSpace =
                    byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
                    || (byte == 0xC2 && index + 1 < end && bytes[index + 1] == 0xA0)
                if isSpace {
                    if inRun && runHasLetter { words += 1 }
                    inRun = false
                    runHasLetter = false
                } else {
                    inRun = true
                    if byte < 0x80 {
                        if asciiClass(byte) == .word { runHasLetter = true }
                    } else if byte >= 0xC3 && byte != 0xE2 {
                        runHasLetter = true
                    }
                }
                index += 1
            }
            if inRun && runHasLetter { words += 1 }
            return words
        }

        private enum Ending { case sentence, comma, other }

        /// How the inner text ends, looking through closing marks and brackets.
        private func terminalPunctuation(_ start: Int, _ end: Int) -> Ending {
            var index = end
            while index > start {
                let byte = bytes[index - 1]
                switch byte {
                case 0x2E, 0x21, 0x3F: return .sentence
                case 0x2C: return .comma
                case 0x22, 0x27, 0x29, 0x5D, 0x20: index -= 1
                case 0x80...0xBF where index - 3 >= start && bytes[index - 3] == 0xE2 && bytes[index - 2] == 0x80:
                    switch byte {
                    case 0xA6: return .sentence  // …
                    case 0x99, 0x9D, 0xBA: index -= 3  // ’ ” ›
                    default: return .other
                    }
                case 0xBB where index - 2 >= start && bytes[index - 2] == 0xC2: index -= 2  // »
                default: return .other
                }
            }
            return .other
        }
    }
}
