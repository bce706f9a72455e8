import Foundation
import StorylineCore

/// The pages' charts as inline SVG, drawn on the server: the timeline's time axis, an entity's mentions per day
/// and its network of neighbours. Pure functions of their input; every text in them is escaped with
/// ``HTML/escape(_:)``. Each chart is `role="img"` with an `aria-label` that says what it shows and a `<title>`,
/// and scales to the width of its container through its `viewBox` (colours and sizes come from `style.css`).
enum SVGCharts {
    // MARK: Time axis

    /// The timeline's time axis: one mark per event day between `from` and `to` (the filtered range; the first
    /// and last day of `days` when not given), its height growing with the events of that day. Days are
    /// `YYYY-MM-DD`; a day that is no date, or lies outside the range, is left out. Empty when no day is left.
    static func timeAxis(days: [(day: String, count: Int)], from: String? = nil, to: String? = nil) -> String {
        let parsed = Self.days(days)
        guard !parsed.isEmpty else { return "" }
        let low = from.flatMap(Self.dayNumber) ?? parsed.first!.number
        let high = max(to.flatMap(Self.dayNumber) ?? parsed.last!.number, low)
        let shown = parsed.filter { (low...high).contains($0.number) }
        guard !shown.isEmpty else { return "" }
        let width = 1000.0
        let left = 10.0
        let right = width - 10
        let baseline = 44.0
        let most = max(shown.map(\.count).max() ?? 1, 1)
        func x(_ day: Int) -> Double {
            high == low ? (left + right) / 2 : left + (right - left) * Double(day - low) / Double(high - low)
        }
        let events = shown.reduce(0) { $0 + $1.count }
        let first = PublicationDate(dayNumber: low).iso8601
        let last = PublicationDate(dayNumber: high).iso8601
        let label =
            "Time axis: \(events) event\(events == 1 ? "" : "s") on \(shown.count) day\(shown.count == 1 ? "" : "s")"
            + " from \(first) to \(last)"
        var svg = "<svg class=\"time-axis\" role=\"img\" aria-label=\"\(HTML.escape(label))\" viewBox=\"0 0 1000 64\""
        svg += " xmlns=\"http://www.w3.org/2000/svg\"><title>\(HTML.escape(label))</title>"
        svg += "<line class=\"axis\" x1=\"\(n(left))\" y1=\"\(n(baseline))\" x2=\"\(n(right))\" y2=\"\(n(baseline))\"/>"
        for day in shown {
            let height = 8 + 28 * Double(day.count) / Double(most)
            let text = "\(day.text): \(day.count) event\(day.count == 1 ? "" : "s")"
            svg += "<rect class=\"mark\" x=\"\(n(x(day.number) - 2))\" y=\"\(n(baseline - height))\" width=\"4\""
            svg += " height=\"\(n(height))\"><title>\(HTML.escape(text))</title></rect>"
        }
        svg += "<text class=\"tick\" x=\"\(n(left))\" y=\"60\" text-anchor=\"start\">\(HTML.escape(first))</text>"
        if high != low {
            svg += "<text class=\"tick\" x=\"\(n(right))\" y=\"60\" text-anchor=\"end\">\(HTML.escape(last))</text>"
        }
        return svg + "</svg>"
    }

    // MARK: Mentions per day

    /// A bar chart of mentions per day: one bar per day of `days` (`YYYY-MM-DD`; a day that is no date is left
    /// out), placed on a time scale from the first to the last day, its height the day's count; a y axis with
    /// 0 and the largest count, an x axis with the first and last day. Empty when no day is left.
    static func mentionsChart(days: [(day: String, count: Int)]) -> String {
        let parsed = Self.days(days)
        let total = parsed.reduce(0) { $0 + max($1.count, 0) }
        let first = parsed.first.map { PublicationDate(dayNumber: $0.number).iso8601 } ?? ""
        let last = parsed.last.map { PublicationDate(dayNumber: $0.number).iso8601 } ?? ""
        let label =
            parsed.isEmpty
            ? "Mentions per day: none dated"
            : "Mentions per day: \(total) mention\(total == 1 ? "" : "s") on \(parsed.count) "
                + "day\(parsed.count == 1 ? "" : "s") from \(first) to \(last)"
        var svg = "<svg class=\"mentions-chart\" role=\"img\" aria-label=\"\(HTML.escape(label))\""
        svg += " viewBox=\"0 0 600 220\" xmlns=\"http://www.w3.org/2000/svg\"><title>\(HTML.escape(label))</title>"
        guard let low = parsed.first?.number, let high = parsed.last?.number else { return svg + "</svg>" }
        let (left, right, top, bottom) = (48.0, 588.0, 12.0, 188.0)
        let most = max(parsed.map(\.count).max() ?? 1, 1)
        let span = high - low + 1
        let slot = (right - left) / Double(span)
        let barWidth = max(min(slot * 0.8, 40), 2)
        svg += "<line class=\"axis\" x1=\"\(n(left))\" y1=\"\(n(bottom))\" x2=\"\(n(right))\" y2=\"\(n(bottom))\"/>"
        svg += "<line class=\"axis\" x1=\"\(n(left))\" y1=\"\(n(top))\" x2=\"\(n(left))\" y2=\"\(n(bottom))\"/>"
        svg += "<text class=\"tick\" x=\"\(n(left - 6))\" y=\"\(n(bottom))\" text-anchor=\"end\">0</text>"
        svg += "<text class=\"tick\" x=\"\(n(left - 6))\" y=\"\(n(top + 10))\" text-anchor=\"end\">\(most)</text>"
        for day in parsed {
            let height = (bottom - top) * Double(max(day.count, 0)) / Double(most)
            let x = left + slot * (Double(day.number - low) + 0.5) - barWidth / 2
            let text = "\(day.text): \(day.count) mention\(day.count == 1 ? "" : "s")"
            svg += "<rect class=\"bar\" x=\"\(n(x))\" y=\"\(n(bottom - height))\" width=\"\(n(barWidth))\""
            svg += " height=\"\(n(height))\"><title>\(HTML.escape(text))</title></rect>"
        }
        svg += "<text class=\"tick\" x=\"\(n(left))\" y=\"\(n(bottom + 20))\" text-anchor=\"start\">"
        svg += HTML.escape(first) + "</text>"
        if high != low {
            svg += "<text class=\"tick\" x=\"\(n(right))\" y=\"\(n(bottom + 20))\" text-anchor=\"end\">"
            svg += HTML.escape(last) + "</text>"
        }
        return svg + "</svg>"
    }

    // MARK: Network

    /// The most neighbours ``networkGraph(center:neighbours:)`` draws (the heaviest).
    static let maxNeighbours = 24

    /// A radial network: `center` in the middle, its neighbours (at most ``maxNeighbours``, heaviest first) on
    /// a circle around it, each joined to the center by an edge whose width grows with its weight. Every node
    /// is a link to its entity page (`<a href="/entities/{id}">`) with a circle and its name.
    static func networkGraph(center: (id: Int64, name: String), neighbours: [(id: Int64, name: String, weight: Int)])
        -> String
    {
        let shown = neighbours.filter { $0.id != center.id }.sorted { a, b in
            a.weight != b.weight ? a.weight > b.weight : a.name.utf8.lexicographicallyPrecedes(b.name.utf8)
        }.prefix(maxNeighbours)
        let label =
            "Network of \(center.name): \(shown.count) connected entit\(shown.count == 1 ? "y" : "ies")"
        var svg = "<svg class=\"network\" role=\"img\" aria-label=\"\(HTML.escape(label))\""
        svg += " viewBox=\"0 0 640 440\" xmlns=\"http://www.w3.org/2000/svg\"><title>\(HTML.escape(label))</title>"
        let (cx, cy, radius) = (320.0, 220.0, 160.0)
        let heaviest = max(shown.map(\.weight).max() ?? 1, 1)
        let positions = shown.enumerated().map { index, _ -> (Double, Double) in
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(max(shown.count, 1))
            return (cx + radius * cos(angle), cy + radius * sin(angle))
        }
        for (neighbour, (x, y)) in zip(shown, positions) {
            let width = 1 + 5 * Double(max(neighbour.weight, 0)) / Double(heaviest)
            svg += "<line class=\"edge\" x1=\"\(n(cx))\" y1=\"\(n(cy))\" x2=\"\(n(x))\" y2=\"\(n(y))\""
            svg += " stroke-width=\"\(n(width))\"><title>"
            svg += HTML.escape("\(center.name) – \(neighbour.name): \(neighbour.weight)") + "</title></line>"
        }
        func node(_ id: Int64, _ name: String, _ x: Double, _ y: Double, _ r: Double, _ kind: String) -> String {
            let anchor = abs(x - cx) < 1 ? "middle" : (x > cx ? "start" : "end")
            let dx = anchor == "middle" ? 0 : (anchor == "start" ? r + 4 : -r - 4)
            let dy = anchor == "middle" ? (y <= cy ? -r - 6 : r + 14) : 4
            let shortName = name.count > 28 ? String(name.prefix(27)) + "…" : name
            var node = "<a class=\"node \(kind)\" href=\"/entities/\(id)\"><title>\(HTML.escape(name))</title>"
            node += "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(r))\"/>"
            node += "<text x=\"\(n(x + dx))\" y=\"\(n(y + dy))\" text-anchor=\"\(anchor)\">"
            return node + HTML.escape(shortName) + "</text></a>"
        }
        for (neighbour, (x, y)) in zip(shown, positions) {
            svg += node(neighbour.id, neighbour.name, x, y, 8, "neighbour")
        }
        svg += node(center.id, center.name, cx, cy, 14, "center")
        return svg + "</svg>"
    }

    // MARK: Helpers

    /// The days of `days` that are dates, with their day numbers, in day order (counts of a day repeated added).
    private static func days(_ days: [(day: String, count: Int)]) -> [(number: Int, text: String, count: Int)] {
        var byDay: [Int: Int] = [:]
        for (day, count) in days {
            guard let number = dayNumber(day) else { continue }
            byDay[number, default: 0] += count
        }
        return byDay.keys.sorted().map { ($0, PublicationDate(dayNumber: $0).iso8601, byDay[$0]!) }
    }

    /// The day number of a `YYYY-MM-DD` text (its first ten characters), nil when it is no date.
    static func dayNumber(_ text: String) -> Int? {
        guard text.utf8.count >= 10, let date = PublicationDate(iso8601: String(text.prefix(10))) else { return nil }
        return date.dayNumber
    }

    /// `value` with at most one decimal, as SVG coordinates are written.
    private static func n(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
