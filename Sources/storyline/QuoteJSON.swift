import StorylineCore
import StorylineStore
import StorylineText

/// A quote at the edge, as `storyline show --json` and `storyline quotes --json` print it: the fields of a quote
/// in `storyline extract` output (`text`, `speaker`, `kind`, `start`, `end`) and what else is known about it.
/// Offsets are Unicode scalars into the article's text (its paragraphs joined by a blank line), `start`
/// inclusive and `end` exclusive; every key is present, `null` when the text does not say.
struct QuoteJSON: Encodable, Equatable {
    /// What was said, as written: the words inside the quotation marks, or the reported clause.
    var text: String
    /// direct, partial or indirect.
    var kind: String
    /// Who said it: the resolved name, else the source as written unless it is a bare pronoun or names no
    /// one ("the US official"), as in `extract`.
    var speaker: String?
    /// The source as written ("he", "the Kremlin spokesman", "Keir Starmer") and where it is.
    var speakerText: String?
    var speakerStart: Int?
    var speakerEnd: Int?
    /// The cue ("said", "told", "according to", ":"), the addressee ("reporters") and the channel ("in a
    /// statement"), when stated.
    var cue: String?
    var addressee: String?
    var channel: String?
    var start: Int
    var end: Int

    /// A stored quote, with the scalar offsets its store worked out.
    init(_ stored: StoredQuote) {
        let quote = stored.quote
        let scalars = stored.scalarRanges
        text = stored.text
        kind = quote.kind.rawValue
        speaker = quote.namedSource
        speakerText = quote.speaker
        speakerStart = scalars.speaker?.start
        speakerEnd = scalars.speaker?.end
        cue = quote.cue
        addressee = quote.addressee
        channel = quote.channel
        start = scalars.quote.start
        end = scalars.quote.end
    }

    /// The quote `quote` of a text given as its UTF-8 bytes and their scalar offsets.
    init(_ quote: QuoteMention, utf8: [UInt8], offsets: ScalarOffsets) {
        let scalar = offsets.scalarRange(of: quote.range)
        text = String(decoding: utf8[quote.range.start..<quote.range.end], as: UTF8.self)
        kind = quote.kind.rawValue
        speaker = quote.namedSource
        speakerText = quote.speaker
        let speakerScalar = quote.speakerRange.map(offsets.scalarRange(of:))
        speakerStart = speakerScalar?.start
        speakerEnd = speakerScalar?.end
        cue = quote.cue
        addressee = quote.addressee
        channel = quote.channel
        start = scalar.start
        end = scalar.end
    }

    private enum CodingKeys: String, CodingKey {
        case text, kind, speaker, speakerText, speakerStart, speakerEnd, cue, addressee, channel, start, end
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(kind, forKey: .kind)
        try container.encode(speaker, forKey: .speaker)
        try container.encode(speakerText, forKey: .speakerText)
        try container.encode(speakerStart, forKey: .speakerStart)
        try container.encode(speakerEnd, forKey: .speakerEnd)
        try container.encode(cue, forKey: .cue)
        try container.encode(addressee, forKey: .addressee)
        try container.encode(channel, forKey: .channel)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
    }
}
