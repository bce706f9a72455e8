import StorylineCore

extension ResolvedEntity {
    /// What the canonical-name choice needs to know of one name form (computed once per distinct string).
    struct NameShape: Sendable, Hashable {
        /// Words of more than one letter (initials not counted).
        var length: Int
        /// Read as a person's name: 2 full with a first name, 1 full with initials only, 0 bare.
        var personTier: Int

        init(_ name: String) {
            let key = EntityNameKey(name)
            length = key.words.reduce(0) { $0 + ($1.letterCount > 1 ? 1 : 0) }
            if let parts = PersonNameParts(key), parts.isFull {
                personTier = parts.firstName != nil ? 2 : 1
            } else {
                personTier = 0
            }
        }
    }

    /// Recomputes ``type`` and ``canonicalName`` from the counts, with the shapes of name forms cached in
    /// `shapes`.
    ///
    /// The canonical name is the *fullest common form* among ``names``:
    /// 1. For a person, only the best kind of name present competes: full names with a first name ("Donald
    ///    Trump", "Charles III") over full names with only initials ("D. Trump") over bare names ("Trump").
    /// 2. A form is *common* when it has at least `commonShare` (20%) of the mentions of the competing forms:
    ///    a middle name or an expansion written once in a dozen mentions does not win. (The most frequent
    ///    form always has its share, so something always competes.)
    /// 3. Among the common forms: the most words (initials not counted; "Recep Tayyip Erdogan" over "Tayyip
    ///    Erdogan", "National Intelligence Service" over "NIS"), then the most mentions (the most frequent
    ///    spelling variant, "Volodymyr Zelenskyy" over "Volodymyr Zelenskiy"), then string order.
    mutating func updateCanonicalName(commonShare: Double, shapes: inout [String: NameShape]) {
        var bestType = type
        var bestTypeCount = -1
        for candidate in EntityType.allCases {
            let n = typeCounts[candidate] ?? 0
            if n > bestTypeCount {
                bestType = candidate
                bestTypeCount = n
            }
        }
        if bestTypeCount > 0 { type = bestType }
        let name = Self.fullestCommonName(names, person: type == .person, commonShare: commonShare) { form in
            if let shape = shapes[form] { return shape }
            let shape = NameShape(form)
            shapes[form] = shape
            return shape
        }
        if let name { canonicalName = name }
    }

    /// The fullest common form of `names` (see ``updateCanonicalName(commonShare:shapes:)``).
    static func fullestCommonName(
        _ names: [String: Int],
        person: Bool,
        commonShare: Double,
        shape: (String) -> NameShape = NameShape.init
    ) -> String? {
        var forms: [(name: String, count: Int, tier: Int, length: Int)] = []
        forms.reserveCapacity(names.count)
        for (name, count) in names where count > 0 {
            let s = shape(name)
            forms.append((name, count, person ? s.personTier : 0, s.length))
        }
        guard let topTier = forms.map(\.tier).max() else { return nil }
        if forms.count > 1 { forms.removeAll { $0.tier != topTier } }
        let total = forms.reduce(0) { $0 + $1.count }
        let threshold = commonShare * Double(total)
        let best = forms.lazy.filter { Double($0.count) >= threshold }.min { a, b in
            if a.length != b.length { return a.length > b.length }
            if a.count != b.count { return a.count > b.count }
            return a.name < b.name
        }
        return best?.name
    }
}
