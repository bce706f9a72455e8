import StorylineCore

extension EventMerger {
    /// The keys a report looks up: for each participant surname, the events whose narrowest date equals or
    /// contains the report's date, those whose date lies inside it, and — by publication day — the events
    /// without a date (for a dated report) or any event (for an undated one).
    func lookupKeys(_ type: EventType, _ info: EventReportInfo) -> [EventIndexKey] {
        let slots = lookupSlots(info)
        let surnames = info.surnames
        var keys: [EventIndexKey] = []
        keys.reserveCapacity(slots.count * surnames.count)
        for surname in surnames {
            for s in slots { keys.append(EventIndexKey(type, surname, s.slot, s.precision, s.value)) }
        }
        return keys
    }

    /// A date slot of ``lookupKeys(_:_:)``, the same for every surname.
    struct LookupSlot: Hashable {
        var slot: EventIndexKey.Slot
        var precision: EventPeriod.Precision
        var value: Int
    }

    /// The date slots a report looks up, each once, computed once for all its surnames.
    func lookupSlots(_ info: EventReportInfo) -> [LookupSlot] {
        let window = configuration.undatedWindowDays
        let recentDays = configuration.recentDays
        var slots: [LookupSlot] = []
        var seen = Set<LookupSlot>()
        func add(_ slot: EventIndexKey.Slot, _ precision: EventPeriod.Precision, _ value: Int) {
            let s = LookupSlot(slot: slot, precision: precision, value: value)
            if seen.insert(s).inserted { slots.append(s) }
        }
        if let period = info.period {
            for p in [period] + period.enclosing { add(.exact, p.precision, p.first) }
            if period.precision != .day { add(.within, period.precision, period.first) }
            if let day = info.day {
                for d in (day - window)...(day + window) { add(.undatedEvent, .day, d) }
            }
            // Events dated only by articles published up to a week after a day in the period.
            if period.last - period.first <= 31 {
                for d in period.first...(period.last + recentDays) { add(.undatedEvent, .day, d) }
            }
        } else if let span = info.recent {
            // Dated events of any day in the span (and the weeks and months around those days), and the events
            // dated only by their articles whose spans can overlap it.
            for d in span {
                let day = EventPeriod.containing(day: d, precision: .day)
                for p in [day] + day.enclosing { add(.exact, p.precision, p.first) }
            }
            for d in (span.lowerBound - window)...(span.upperBound + recentDays) { add(.undatedEvent, .day, d) }
        } else if let day = info.day {
            for d in (day - window)...(day + window) { add(.firstReport, .day, d) }
        }
        return slots
    }

    /// Whether a date fits the event: nested in every dated report's date, and within the span its reports
    /// dated only by their articles allow; an event with neither was first reported within the undated window
    /// of the report's day.
    func dateFits(_ info: EventReportInfo, _ state: EventState) -> Bool {
        let window = configuration.undatedWindowDays
        if let period = info.period {
            if !state.periods.isEmpty { return state.periods.allSatisfy { $0.period.isComparable(with: period) } }
            if let span = state.recent { return period.first <= span.upperBound && period.last >= span.lowerBound }
        } else if let span = info.recent {
            if !state.periods.isEmpty {
                return state.periods.allSatisfy {
                    $0.period.first <= span.upperBound && $0.period.last >= span.lowerBound
                }
            }
            if let known = state.recent { return known.overlaps(span) }
            guard let first = state.firstDay else { return false }
            return first >= span.lowerBound - window && first <= span.upperBound + window
        }
        guard let day = info.day, let first = state.firstDay else { return false }
        return abs(day - first) <= window
    }

    /// Files event `id` under the keys of its present state (keys it no longer fits stay; lookups verify).
    mutating func file(_ id: Int) {
        let state = slots[id]
        let type = state.event.type
        var keys: [EventIndexKey] = []
        var surnames: [UInt64] = []
        for group in state.actors.groups + state.targets.groups {
            if let last = group.key.words.last, !surnames.contains(last) { surnames.append(last) }
        }
        let narrowest = state.narrowest?.period
        for surname in surnames {
            if let narrowest {
                keys.append(EventIndexKey(type, surname, .exact, narrowest.precision, narrowest.first))
                for p in narrowest.enclosing {
                    keys.append(EventIndexKey(type, surname, .within, p.precision, p.first))
                }
            } else if let day = state.firstDay {
                keys.append(EventIndexKey(type, surname, .undatedEvent, .day, day))
            }
            if let day = state.firstDay {
                keys.append(EventIndexKey(type, surname, .firstReport, .day, day))
            }
        }
        for key in keys where slots[id].indexKeys.insert(key).inserted {
            index[key, default: []].append(Int32(id))
        }
    }

    /// The event a new report joins, by the type's rules and tie-breaks; nil for a new event.
    func bestEvent(for report: EventReport, _ info: EventReportInfo) -> Int? {
        var seen = Set<Int32>()
        var best: (id: Int, score: Int)?
        for key in lookupKeys(report.type, info) {
            guard let ids = index[key] else { continue }
            for id in ids where seen.insert(id).inserted {
                guard let score = score(report, info, slots[Int(id)]) else { continue }
                if let b = best, b.score > score || (b.score == score && b.id < Int(id)) { continue }
                best = (Int(id), score)
            }
        }
        return best?.id
    }

    /// How well a report fits an event, or nil when the rules say it is another event.
    func score(_ report: EventReport, _ info: EventReportInfo, _ state: EventState) -> Int? {
        guard report.type == state.event.type else { return nil }

        // Mode: a visit is not a phone call, nor a bilateral visit the summit around it.
        if let mode = report.mode?.lowercased(), !state.modes.isEmpty, !state.modes.contains(mode) { return nil }

        // Participants.
        let event = state.participants
        let lenient = info.isMultilateral && state.isMultilateral
        let matched: Int
        let unmatched: Int
        if state.isSymmetric {
            let c = EventNames.compare(info.actors.groups + info.targets.groups, event.actors, lenient: lenient)
            guard !c.contradicts else { return nil }
            (matched, unmatched) = (c.matched, c.unmatched)
        } else {
            let a = EventNames.compare(info.actors.groups, event.actors, lenient: lenient)
            let t = EventNames.compare(info.targets.groups, event.targets, lenient: lenient)
            guard !a.contradicts, !t.contradicts else { return nil }
            (matched, unmatched) = (a.matched + t.matched, a.unmatched + t.unmatched)
        }
        guard matched > 0 else { return nil }

        guard dateFits(info, state) else { return nil }

        // Place.
        let place = info.place.groups.first
        let samePlace = place.map { p in state.place.groups.contains { EventNames.samePlace($0, p) } } ?? false
        if let place, matched <= configuration.placeVetoMaxShared {
            guard
                state.place.groups.allSatisfy({
                    EventNames.samePlace($0, place) || state.differentKinds($0, info.placeIsSite)
                })
            else { return nil }
        }

        // Statement content.
        var contentScore = 0
        if let content = info.content, !state.contents.isEmpty {
            let best = state.contents.reduce(0.0) { max($0, EventReportInfo.containment(content, $1)) }
            guard best >= configuration.statementOverlap else { return nil }
            contentScore = Int(best * 8)
        }

        // Modality.
        switch report.modality {
        case .happened, .planned:
            guard state.modalities.isSubset(of: [.happened, .planned]) else { return nil }
            if report.modality == .happened, let period = info.period {
                // Every plan was announced no later than the last day of the happening.
                guard state.plans.allSatisfy({ ($0.published ?? Int.min) <= period.last }) else { return nil }
            }
            if report.modality == .planned, let day = info.day {
                guard state.happened.allSatisfy({ day <= $0.last }) else { return nil }
            }
        case .proposed, .denied, .hypothetical:
            guard state.modalities == [report.modality] else { return nil }
        }

        var score = matched * 8 - unmatched * 2 + contentScore
        if let period = info.period, state.narrowest?.period == period { score += 4 }
        if state.modalities.contains(report.modality) {
            score += 2
        }
        // An account its article alone dates refers back to an occasion, best one whose date a report gave.
        if info.recent != nil, !state.periods.isEmpty { score += 2 }
        if samePlace { score += 1 }
        return score
    }
}
