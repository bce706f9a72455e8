/// One statement reported in a text: what was said (quoted or paraphrased), by whom, with which cue.
///
/// Every range is a ``TextRange`` of UTF-8 byte offsets into the text that was analysed (see
/// ``TextRange``). For a ``Kind/direct`` or ``Kind/partial`` quote, ``range`` covers the words inside the
/// quotation marks (a trailing comma or full stop inside the marks included); for an ``Kind/indirect``
/// quote, the reported clause.
public struct QuoteMention: Sendable, Hashable, Codable {
    /// How the statement is reported.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// The whole utterance is in quotation marks: `"We have to get it right," he said.`
        case direct
        /// A quoted fragment inside the reporter's paraphrase: `Starmer said a deal would be "tough and fair".`
        case partial
        /// Reported speech without quotation marks: `Trump said he believes Putin will keep his word.`
        case indirect
    }

    /// The quote text's UTF-8 byte range: the words inside the marks, or the reported clause.
    public var range: TextRange
    /// How the statement is reported.
    public var kind: Kind
    /// The source as written where it is named for this quote ("Keir Starmer", "the Kremlin spokesman",
    /// "he", "Starmer's office"), or nil when the text does not say.
    public var speaker: String?
    /// The UTF-8 byte range of ``speaker`` (for a continuation quote, of the attribution it continues).
    public var speakerRange: TextRange?
    /// The name the source resolves to: a pronoun or a role ("the US president") resolved to the person
    /// named earlier, a surname to the fullest form seen ("Starmer" → "Keir Starmer"); nil when unknown.
    public var speakerName: String?
    /// The cue that introduces the statement, as written: "said", "told", "according to", "wrote", ":".
    public var cue: String?
    /// To whom it was said, when stated: "reporters" in "told reporters", "France Info radio".
    public var addressee: String?
    /// Where it was said, when stated: "in a statement", "on his Truth Social platform".
    public var channel: String?

    /// Creates a quote.
    public init(
        range: TextRange,
        kind: Kind,
        speaker: String? = nil,
        speakerRange: TextRange? = nil,
        speakerName: String? = nil,
        cue: String? = nil,
        addressee: String? = nil,
        channel: String? = nil
    ) {
        self.range = range
        self.kind = kind
        self.speaker = speaker
        self.speakerRange = speakerRange
        self.speakerName = speakerName
        self.cue = cue
        self.addressee = addressee
        self.channel = channel
    }

    /// The name of the source when the text names one: ``attributedName``, except for an unresolved
    /// description of one unnamed person ("the US official", "a senior diplomat"), which is nil. A group
    /// ("Facebook officials", "public health experts") stays: it says which side spoke.
    public var namedSource: String? {
        guard let name = attributedName else { return nil }
        let words = name.split(separator: " ")
        guard speakerName == nil, Self.isUnnamedSource(name), let first = words.first, let last = words.last,
            ["a", "an", "the", "one", "another"].contains(first.lowercased()), !last.lowercased().hasSuffix("s")
        else { return name }
        return nil
    }

    /// Heads of descriptions that name no one: "officials", "a diplomat", "analysts", "sources".
    public static let unnamedSourceHeads: Set<String> = [
        "official", "officials", "diplomat", "diplomats", "analyst", "analysts", "source", "sources", "expert",
        "experts", "observer", "observers", "people", "residents", "witnesses", "witness", "aides", "aide",
        "insiders", "critics", "commentators",
    ]

    /// Whether a speaker as written is an unnamed source: a description whose last word is one of
    /// ``unnamedSourceHeads`` ("U.S. officials", "a senior administration official").
    public static func isUnnamedSource(_ speaker: String) -> Bool {
        guard let last = speaker.split(separator: " ").last else { return false }
        return unnamedSourceHeads.contains(last.lowercased())
    }

    /// The best name for the source: ``speakerName`` when resolved, else ``speaker`` unless it is a bare
    /// pronoun (which names no one by itself).
    public var attributedName: String? {
        if let speakerName { return speakerName }
        guard let speaker else { return nil }
        switch speaker.lowercased() {
        case "he", "she", "they", "it", "we", "i", "you": return nil
        default: return speaker
        }
    }
}
