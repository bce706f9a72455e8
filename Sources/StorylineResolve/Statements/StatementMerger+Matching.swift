import StorylineCore

extension StatementMerger {
    /// What the compatibility rules need to know of a set of reports: their known speakers and date span.
    struct Group {
        var speakers: [SpeakerKey] = []
        var firstDay: Int?
        var lastDay: Int?

        init(_ infos: [ReportInfo]) {
            for info in infos { add(info) }
        }

        mutating func add(_ info: ReportInfo) {
            if let s = info.speaker, !speakers.contains(s) { speakers.append(s) }
            if let d = info.day {
                firstDay = min(firstDay ?? d, d)
                lastDay = max(lastDay ?? d, d)
            }
        }

        mutating func add(_ other: Group) {
            for s in other.speakers where !speakers.contains(s) { speakers.append(s) }
            if let d = other.firstDay { firstDay = min(firstDay ?? d, d) }
            if let d = other.lastDay { lastDay = max(lastDay ?? d, d) }
        }

        /// Whether the two can be one statement: every pair of known speakers compatible, all dates within
        /// `window` days.
        func isCompatible(with other: Group, window: Int) -> Bool {
            for a in speakers {
                for b in other.speakers where !a.isCompatible(with: b) { return false }
            }
            let days = [firstDay, lastDay, other.firstDay, other.lastDay].compactMap { $0 }
            if let lo = days.min(), let hi = days.max(), hi - lo > window { return false }
            return true
        }
    }

    /// The similarity by which a new report matches one existing report, or nil when the wording rules say
    /// they are different statements. `needsLength`: an unknown speaker is involved, so the shorter wording
    /// must have at least ``Configuration/minimumFragmentWords`` words.
    func matchScore(_ a: ReportInfo, _ b: ReportInfo, needsLength: Bool) -> Double? {
        let sa = a.features.shingles.count
        let sb = b.features.shingles.count
        guard sa > 0, sb > 0 else { return nil }
        let shorterWords = min(a.features.wordCount, b.features.wordCount)
        if needsLength, shorterWords < configuration.minimumFragmentWords { return nil }
        let common = a.features.overlap(b.features)
        guard common > 0 else { return nil }
        let jaccard = Double(common) / Double(sa + sb - common)
        if a.kind == .indirect || b.kind == .indirect {
            return jaccard >= configuration.indirectSimilarity ? jaccard : nil
        }
        if jaccard >= configuration.similarity { return jaccard }
        if shorterWords >= configuration.minimumFragmentWords,
            Double(common) / Double(min(sa, sb)) >= configuration.containment
        {
            return jaccard
        }
        return nil
    }

    /// Puts a new report into the statement it matches, or a new statement, and returns that statement's ID.
    mutating func place(_ report: StatementReport, _ info: ReportInfo) -> Int {
        // Candidates: statements sharing a shingle, through the inverted index, with the number of shingles
        // they share (an upper bound of what any one of their reports shares).
        var hits: [Int: Int] = [:]
        for shingle in info.features.shingles {
            guard let ids = index[shingle] else { continue }
            for id in ids { hits[resolve(Int(id)), default: 0] += 1 }
        }
        let size = Double(info.features.shingles.count)
        var ranked: [(id: Int, score: Double)] = []
        for (id, count) in hits {
            let reports = infos[id]
            // Too few shared shingles for any rule: similarity needs `similarity × size` of them, a fragment
            // `containment ×` the smaller shingle count.
            let smallest = Double(reports.reduce(Int.max) { min($0, $1.features.shingles.count) })
            let needed = min(configuration.similarity * size, configuration.containment * min(size, smallest))
            guard Double(count) >= needed.rounded(.up) else { continue }
            let needsLength = info.speaker == nil || !reports.contains { $0.speaker != nil }
            var best: Double?
            for other in reports {
                if let score = matchScore(info, other, needsLength: needsLength) { best = max(best ?? score, score) }
            }
            if let best { ranked.append((id, best)) }
        }
        ranked.sort { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }

        var group = Group([info])
        var target: Int?
        var joined: [Int] = []
        for candidate in ranked {
            let other = Group(infos[candidate.id])
            guard group.isCompatible(with: other, window: configuration.windowDays) else { continue }
            group.add(other)
            if target == nil { target = candidate.id } else { joined.append(candidate.id) }
        }

        let id: Int
        if let target {
            // The oldest statement keeps its ID; the others become aliases of it.
            let all = ([target] + joined).sorted()
            id = all[0]
            for other in all.dropFirst() { fold(other, into: id) }
            insert(report, info, into: id)
        } else {
            id = slots.count
            slots.append(
                Statement(id: StatementID(rawValue: id), speaker: nil, reports: [report], canonicalWording: "")
            )
            infos.append([info])
            folded.append(-1)
            summarize(id)
        }
        for shingle in info.features.shingles {
            if index[shingle]?.last != Int32(id) { index[shingle, default: []].append(Int32(id)) }
        }
        return id
    }

    /// Inserts a report into a live statement at its place in report order.
    mutating func insert(_ report: StatementReport, _ info: ReportInfo, into id: Int) {
        guard var statement = slots[id] else { return }
        let at = statement.reports.firstIndex { StatementReport.precedes(report, $0) } ?? statement.reports.count
        statement.reports.insert(report, at: at)
        infos[id].insert(info, at: at)
        slots[id] = statement
        summarize(id)
    }

    /// Moves every report of statement `other` into `id` and makes `other` an alias of `id`.
    mutating func fold(_ other: Int, into id: Int) {
        guard let gone = slots[other] else { return }
        let goneInfos = infos[other]
        slots[other] = nil
        infos[other] = []
        folded[other] = id
        for (n, report) in gone.reports.enumerated() { insert(report, goneInfos[n], into: id) }
    }

    /// Recomputes a statement's speaker and canonical wording from its reports.
    mutating func summarize(_ id: Int) {
        guard var statement = slots[id] else { return }
        let reportInfos = infos[id]
        var speaker: String?
        var speakerWords = 0
        var canonical = 0
        for (n, report) in statement.reports.enumerated() {
            if let s = report.speaker, let key = reportInfos[n].speaker, key.words.count > speakerWords {
                speaker = s
                speakerWords = key.words.count
            }
            if reportInfos[n].features.wordCount > reportInfos[canonical].features.wordCount { canonical = n }
        }
        statement.speaker = speaker
        statement.canonicalWording = statement.reports[canonical].wording
        slots[id] = statement
    }
}
