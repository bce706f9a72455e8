extension StatementNormalizer {
    /// One lower-case ASCII word with British spellings turned American, so that two outlets' house styles
    /// read alike. The rules are few and general; where one over-reaches ("promise" → "promize") it does
    /// so on both sides of a comparison, which is harmless unless two different words collide — the rules
    /// avoid the collisions known to matter ("prise"/"prize": `-ise` needs six letters; "four"/"for": `-our`
    /// applies to listed stems only).
    ///
    /// In order:
    /// 1. whole words: `centre(s)`, `theatre(s)`, `(kilo)metre(s)`, `litre(s)`, `fibre`, `calibre`, `sombre`,
    ///    `spectre`, `manoeuvre(s)`, `programme(s)`, `judgement(s)`, `ageing`, `grey`, `practise`, `towards`;
    /// 2. stems: `defenc-` → `defens-`, `offenc-` → `offens-`, `licenc-` → `licens-`, `pretenc-` →
    ///    `pretens-`, `sceptic-` → `skeptic-`, and `-our` → `-or` after listed stems (`colour`, `honour`,
    ///    `labour`, `favour`, `behaviour`, `neighbour`, `harbour`, `rumour`, `humour`, `endeavour`, `armour`,
    ///    `vigour`, `valour`, `savour`, `flavour`, `odour`, `tumour`, `vapour`, `saviour`, `splendour`,
    ///    `candour`, `clamour`, `fervour`, `rancour`, `rigour`, `ardour`), so `favourable` → `favorable`;
    /// 3. doubled `l` after listed stems (`travel`, `cancel`, `label`, `model`, `fuel`, `signal`, `counsel`,
    ///    `level`, `total`, `channel`, `marshal`, `equal`, `dial`, `duel`, `jewel`, `rival`, `tunnel`,
    ///    `quarrel`, `pedal`, `initial`): `-lled`, `-lling`, `-ller(s)`, `-llor(s)` lose one `l`;
    /// 4. suffixes, in words of six letters or more: `-ise`, `-ised`, `-ises`, `-ising`, `-iser(s)`,
    ///    `-isation(s)` → `-ize…`; `-yse`, `-ysed`, `-yses`, `-ysing` → `-yze…`.
    public static func americanized(_ word: [UInt8]) -> [UInt8] {
        if let whole = wholeWords[word] { return whole }
        var w = word
        for (british, american) in stems where hasPrefix(w, british) {
            w.replaceSubrange(0..<british.count, with: american)
            return w
        }
        for stem in ourStems where hasPrefix(w, stem) {
            // "colour…" → "color…": drop the "u" of the stem's final "our".
            w.remove(at: stem.count - 2)
            return w
        }
        for stem in doubledLStems where w.count > stem.count + 2 && hasPrefix(w, stem) {
            let rest = Array(w[stem.count...])
            if doubledLEndings.contains(rest) {
                w.remove(at: stem.count)
                return w
            }
        }
        guard w.count >= 6 else { return w }
        for (british, american) in suffixes where hasSuffix(w, british) {
            w.replaceSubrange((w.count - british.count)..<w.count, with: american)
            return w
        }
        return w
    }

    private static func hasPrefix(_ w: [UInt8], _ p: [UInt8]) -> Bool {
        w.count >= p.count && w[0..<p.count].elementsEqual(p)
    }

    private static func hasSuffix(_ w: [UInt8], _ s: [UInt8]) -> Bool {
        w.count >= s.count && w[(w.count - s.count)...].elementsEqual(s)
    }

    private static func bytes(_ pairs: [(String, String)]) -> [([UInt8], [UInt8])] {
        pairs.map { (Array($0.0.utf8), Array($0.1.utf8)) }
    }

    private static let wholeWords: [[UInt8]: [UInt8]] = {
        let pairs: [(String, String)] = [
            ("centre", "center"), ("centres", "centers"), ("theatre", "theater"), ("theatres", "theaters"),
            ("metre", "meter"), ("metres", "meters"), ("kilometre", "kilometer"), ("kilometres", "kilometers"),
            ("litre", "liter"), ("litres", "liters"), ("fibre", "fiber"), ("calibre", "caliber"),
            ("sombre", "somber"), ("spectre", "specter"), ("manoeuvre", "maneuver"), ("manoeuvres", "maneuvers"),
            ("programme", "program"), ("programmes", "programs"), ("judgement", "judgment"),
            ("judgements", "judgments"), ("ageing", "aging"), ("grey", "gray"), ("practise", "practice"),
            ("towards", "toward"),
        ]
        return Dictionary(uniqueKeysWithValues: bytes(pairs))
    }()

    private static let stems: [([UInt8], [UInt8])] = bytes([
        ("defenc", "defens"), ("offenc", "offens"), ("licenc", "licens"), ("pretenc", "pretens"),
        ("sceptic", "skeptic"),
    ])

    private static let ourStems: [[UInt8]] = [
        "colour", "honour", "labour", "favour", "behaviour", "neighbour", "harbour", "rumour", "humour",
        "endeavour", "armour", "vigour", "valour", "savour", "flavour", "odour", "tumour", "vapour", "saviour",
        "splendour", "candour", "clamour", "fervour", "rancour", "rigour", "ardour",
    ].map { Array($0.utf8) }

    private static let doubledLStems: [[UInt8]] = [
        "travel", "cancel", "label", "model", "fuel", "signal", "counsel", "level", "total", "channel", "marshal",
        "equal", "dial", "duel", "jewel", "rival", "tunnel", "quarrel", "pedal", "initial",
    ].map { Array($0.utf8) }

    /// What follows the stem in the British form: the stem's `l` doubled, then the ending.
    private static let doubledLEndings: Set<[UInt8]> = Set(
        ["led", "ling", "ler", "lers", "lor", "lors"].map { Array($0.utf8) }
    )

    private static let suffixes: [([UInt8], [UInt8])] = bytes([
        ("isations", "izations"), ("isation", "ization"), ("ising", "izing"), ("isers", "izers"),
        ("iser", "izer"), ("ised", "ized"), ("ises", "izes"), ("ise", "ize"),
        ("ysing", "yzing"), ("ysed", "yzed"), ("yses", "yzes"), ("yse", "yze"),
    ])
}
