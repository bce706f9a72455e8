/// A sparse vector of weighted terms, sorted by term, so that dot products and sums are one merge pass and
/// their floating-point results do not depend on hash-table order (the same in every process).
struct TermVector: Sendable, Hashable, Codable {
    /// Terms in ascending order.
    private(set) var terms: [String] = []
    /// The weight of each term.
    private(set) var weights: [Double] = []

    init() {}

    /// A vector of the given weights (zero weights dropped).
    init(_ entries: [String: Double]) {
        let sorted = entries.filter { $0.value != 0 }.sorted { $0.key < $1.key }
        terms = sorted.map(\.key)
        weights = sorted.map(\.value)
    }

    var isEmpty: Bool { terms.isEmpty }
    var count: Int { terms.count }

    /// The Euclidean norm.
    var norm: Double { weights.reduce(0) { $0 + $1 * $1 }.squareRoot() }

    /// The vector scaled to unit length (unchanged when zero).
    func normalized() -> TermVector {
        let n = norm
        guard n > 0 else { return self }
        var out = self
        for i in out.weights.indices { out.weights[i] /= n }
        return out
    }

    /// The dot product.
    func dot(_ other: TermVector) -> Double {
        var i = 0
        var j = 0
        var sum = 0.0
        while i < terms.count, j < other.terms.count {
            if terms[i] == other.terms[j] {
                sum += weights[i] * other.weights[j]
                i += 1
                j += 1
            } else if terms[i] < other.terms[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return sum
    }

    /// The cosine similarity (0 when either is zero).
    func cosine(_ other: TermVector) -> Double {
        let n = norm * other.norm
        return n > 0 ? dot(other) / n : 0
    }

    /// The sum of the two vectors.
    func adding(_ other: TermVector) -> TermVector {
        var out = TermVector()
        out.terms.reserveCapacity(terms.count + other.terms.count)
        out.weights.reserveCapacity(terms.count + other.terms.count)
        var i = 0
        var j = 0
        while i < terms.count || j < other.terms.count {
            if j == other.terms.count || (i < terms.count && terms[i] < other.terms[j]) {
                out.terms.append(terms[i])
                out.weights.append(weights[i])
                i += 1
            } else if i == terms.count || other.terms[j] < terms[i] {
                out.terms.append(other.terms[j])
                out.weights.append(other.weights[j])
                j += 1
            } else {
                out.terms.append(terms[i])
                out.weights.append(weights[i] + other.weights[j])
                i += 1
                j += 1
            }
        }
        return out
    }

    /// The `limit` heaviest terms (ties by term), as (term, weight), heaviest first.
    func top(_ limit: Int, where include: (String) -> Bool = { _ in true }) -> [(term: String, weight: Double)] {
        let entries = zip(terms, weights).filter { include($0.0) }.map { (term: $0.0, weight: $0.1) }
        let sorted = entries.sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term }
        return Array(sorted.prefix(max(0, limit)))
    }

    /// The vector with only its `limit` heaviest terms.
    func truncated(to limit: Int) -> TermVector {
        guard terms.count > limit else { return self }
        let kept = top(limit).sorted { $0.term < $1.term }
        var out = TermVector()
        out.terms = kept.map(\.term)
        out.weights = kept.map(\.weight)
        return out
    }

    /// Whether the vector has a term (binary search).
    func contains(_ term: String) -> Bool {
        var lo = 0
        var hi = terms.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if terms[mid] < term { lo = mid + 1 } else { hi = mid }
        }
        return lo < terms.count && terms[lo] == term
    }
}
