import StorylineCore

extension EntityResolver {
    /// The entity of a place's or body's name: exact key, then acronym ↔ expansion (see the type's rules).
    mutating func resolveNamed(_ cluster: LocalCluster, article: ArticleContext, source: ReportSource) -> Int64 {
        if let id = index.byKey[cluster.indexKey] { return id }
        let type = cluster.type
        let name = cluster.name
        if name.words.count == 1 {
            // "NATO", "Nato", "EU": the entity whose multi-word name has these initials.
            let letters = name.words[0].plain
            let candidates = Index.sorted(index.byAcronym[letters]).filter { records[Int($0 - 1)].type == type }
            if !candidates.isEmpty, name.isAcronym(allowingMixedCase: letters.count >= 3) {
                let here = candidates.filter(article.contains)
                if here.count == 1 { return here[0] }
                if let id = dominant(among: candidates, context: article.ids, date: source.published) { return id }
            }
        } else if let initials = name.initials, (2...6).contains(initials.count) {
            // "North Atlantic Treaty Organization": an entity so far known only by its acronym.
            for key in Set([initials, EntityNameKey.transliterationKey(initials)]).sorted() {
                guard let id = index.byKey[IndexKey(family: .named, key: key)], !index.expanded.contains(id)
                else { continue }
                let entity = records[Int(id - 1)]
                let isAcronym = entity.names.keys.contains {
                    EntityNameKey($0).isAcronym(allowingMixedCase: initials.count >= 3)
                }
                if entity.type == type, isAcronym { return id }
            }
        }
        return create(cluster, source: source)
    }

    /// The candidate that dominates the others, or the only candidate; nil when none dominates.
    ///
    /// Support: articles that mention the candidate, plus the articles it shared with each entity of
    /// `context`; doubled when it was last reported within ``Configuration/recentDays`` of `date`. The best
    /// must have at least ``Configuration/dominanceRatio`` times the runner-up's support (ties by ID).
    func dominant(among candidates: [Int64], context: Set<Int64>, date: PublicationDate?) -> Int64? {
        guard candidates.count > 1 else { return candidates.first }
        let day = date.map(\.dayNumber)
        var best: (id: Int64, support: Double)?
        var runnerUp = 0.0
        for id in candidates {
            let s = support(of: id, context: context, day: day)
            if let b = best, s <= b.support {
                runnerUp = max(runnerUp, s)
            } else {
                if let b = best { runnerUp = max(runnerUp, b.support) }
                best = (id, s)
            }
        }
        guard let best, best.support > 0, best.support >= configuration.dominanceRatio * runnerUp else { return nil }
        return best.id
    }

    /// A candidate's support (see ``dominant(among:context:date:)``).
    func support(of id: Int64, context: Set<Int64>, day: Int?) -> Double {
        let entity = records[Int(id - 1)]
        var shared = 0
        if entity.cooccurrences.count < context.count {
            for (other, n) in entity.cooccurrences where context.contains(other) { shared += n }
        } else {
            for other in context { shared += entity.cooccurrences[other] ?? 0 }
        }
        var support = Double(entity.articleCount + shared)
        if let day, let last = entity.lastReport.published,
            abs(last.dayNumber - day) <= configuration.recentDays
        {
            support *= configuration.recencyFactor
        }
        return support
    }
}
