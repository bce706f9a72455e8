import StorylineCore

extension EntityResolver {
    /// The entity of a full person name ("Donald Trump", "D. Trump", "Charles III"): see the type's rules.
    mutating func resolveFullPerson(_ cluster: LocalCluster, article: ArticleContext, source: ReportSource) -> Int64 {
        if let id = index.byKey[cluster.indexKey] { return id }
        guard let parts = cluster.person, let surname = parts.surname else {
            return create(cluster, source: source)
        }
        let sameSurname = Index.sorted(index.bySurname[surname])
        let compatible = sameSurname.filter { id in
            index.fullForms[id]?.allSatisfy { parts.isCompatible(with: $0) } ?? false
        }
        if !compatible.isEmpty {
            let here = compatible.filter(article.contains)
            if here.count == 1 { return here[0] }
            if let id = dominant(among: compatible, context: article.ids, date: source.published) { return id }
            return create(cluster, source: source)
        }
        if sameSurname.isEmpty, let bare = index.surnameOnly[surname] {
            // Known only as "Zelensky" so far: this is the first full name of that person.
            return bare
        }
        return create(cluster, source: source)
    }

    /// The entity of a bare person name ("Trump", "von der Leyen"): see the type's rules.
    mutating func resolveBarePerson(
        _ cluster: LocalCluster,
        article: ArticleContext,
        context: Set<Int64>,
        source: ReportSource
    ) -> Int64 {
        guard let key = cluster.person?.lookupKey else { return create(cluster, source: source) }
        // 1. The same article: its full names with this surname, else the one with this first name.
        if let here = article.surnames[key] {
            let sorted = Index.sorted(here)
            if let id = dominant(among: sorted, context: context, date: source.published) { return id }
            return surnameOnlyEntity(key, cluster, source: source)
        }
        if let here = article.firstNames[key], here.count == 1 { return here[0] }
        // 2. Known full names with this surname.
        let known = Index.sorted(index.bySurname[key])
        if !known.isEmpty {
            if let id = dominant(among: known, context: context, date: source.published) { return id }
            return surnameOnlyEntity(key, cluster, source: source)
        }
        // 3. Someone known only by this name.
        if let bare = index.surnameOnly[key] { return bare }
        // 4. The one person known by this first name, if the article shares company with them.
        let byFirst = Index.sorted(index.byFirstName[key])
        if byFirst.count == 1, sharesContext(byFirst[0], context) { return byFirst[0] }
        // 5. Someone new, known so far by this name only.
        return create(cluster, source: source)
    }

    /// The surname-only entity for a bare name, created when there is none.
    private mutating func surnameOnlyEntity(_ key: String, _ cluster: LocalCluster, source: ReportSource) -> Int64 {
        index.surnameOnly[key] ?? create(cluster, source: source)
    }

    /// Whether an entity has shared an earlier article with one of the context entities.
    func sharesContext(_ id: Int64, _ context: Set<Int64>) -> Bool {
        let entity = records[Int(id - 1)]
        if entity.cooccurrences.count < context.count {
            return entity.cooccurrences.keys.contains { context.contains($0) }
        }
        return context.contains { entity.cooccurrences[$0] != nil }
    }
}
