import StorylineCore

/// Trains an ``EntityModel``: a greedy left-to-right averaged perceptron over BILOU tags.
///
/// Deterministic for the same documents and options: sentences are shuffled with a seeded generator,
/// and weights are averaged over every step (Collins 2002), then the smallest are pruned so that the
/// model file stays small.
public struct EntityTrainer {
    /// Training settings.
    public struct Options: Sendable {
        /// Passes over the training sentences.
        public var iterations = 10
        /// Seed of the sentence shuffle.
        public var seed: UInt64 = 1
        /// Features seen fewer times than this in the training data get no weights.
        public var minCount = 2
        /// The number of (feature, tag) weights kept, the largest by magnitude.
        public var maxWeights = 400_000

        /// Default settings.
        public init() {}
    }

    /// The settings.
    public var options: Options

    /// A trainer with the given settings.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// Span scores of a model on documents.
    public struct Evaluation: Sendable, CustomStringConvertible {
        /// Tokens whose tag is right, of all tokens.
        public var tokenAccuracy: Double
        /// Typed exact-span precision, recall and F1.
        public var precision: Double
        public var recall: Double
        public var f1: Double

        public var description: String {
            func p(_ x: Double) -> String { String(Int((x * 1000).rounded())).leftPadded(to: 3) }
            return "token acc .\(p(tokenAccuracy)) span P .\(p(precision)) R .\(p(recall)) F1 .\(p(f1))"
        }
    }

    private struct Prepared {
        var document: EntityDocument
        var gold: [EntityTag]
        /// Per static feature of `document`, its index in the vocabulary or -1.
        var ids: [Int32]
    }

    /// Trains on `documents`, printing scores on `documents` and `heldOut` after each iteration with `log`.
    public func train(
        _ documents: [EntityTrainingDocument],
        heldOut: [EntityTrainingDocument] = [],
        log: (String) -> Void = { _ in }
    ) -> EntityModel {
        let gazetteer = EntityGazetteer.shared
        let tagCount = EntityTag.count
        var misaligned = 0
        var prepared: [Prepared] = documents.map { doc in
            let document = EntityDocument(text: doc.text, gazetteer: gazetteer)
            return Prepared(document: document, gold: doc.goldTags(for: document, misaligned: &misaligned), ids: [])
        }
        let mentionCount = documents.reduce(0) { $0 + $1.mentions.count }
        log("\(documents.count) documents, \(mentionCount) mentions (\(misaligned) not on token boundaries, skipped)")

        // Vocabulary: features seen at least `minCount` times, with gold history for the dynamic ones.
        var counts: [UInt64: Int32] = [:]
        for p in prepared {
            for f in p.document.features { counts[f, default: 0] += 1 }
            for sentence in p.document.sentences {
                var previous = EntityTag.start
                var previous2 = EntityTag.start
                for i in sentence {
                    let d = p.document.dynamicFeatures(at: i, previous: previous, previous2: previous2)
                    for f in [d.0, d.1, d.2, d.3] { counts[f, default: 0] += 1 }
                    previous2 = previous
                    previous = p.gold[i]
                }
            }
        }
        var vocabulary: [UInt64: Int32] = [:]
        var featureHashes: [UInt64] = []
        for (f, c) in counts where c >= options.minCount {
            vocabulary[f] = Int32(featureHashes.count)
            featureHashes.append(f)
        }
        counts = [:]
        for k in prepared.indices {
            prepared[k].ids = prepared[k].document.features.map { vocabulary[$0] ?? -1 }
        }
        let tokenCount = prepared.reduce(0) { $0 + $1.document.tokens.count }
        log("\(tokenCount) tokens, \(featureHashes.count) features kept (seen ≥ \(options.minCount) times)")

        var order: [(Int, Int)] = []
        for (d, p) in prepared.enumerated() {
            for s in p.document.sentences.indices { order.append((d, s)) }
        }
        var weights = [Float](repeating: 0, count: featureHashes.count * tagCount)
        // Averaging without time stamps: avg = w - u / steps, with u += step × delta on every update.
        var updates = [Double](repeating: 0, count: featureHashes.count * tagCount)
        var step: Double = 1
        var rng = SplitMix64(seed: options.seed)
        var scores = [Float](repeating: 0, count: tagCount)
        var dynamicIds = [Int32](repeating: -1, count: 4)

        for iteration in 1...max(1, options.iterations) {
            // Fisher–Yates with the seeded generator.
            for k in stride(from: order.count - 1, to: 0, by: -1) {
                let j = Int(rng.next() % UInt64(k + 1))
                order.swapAt(k, j)
            }
            var correct = 0
            var seen = 0
            for (d, s) in order {
                let p = prepared[d]
                let doc = p.document
                var previous = EntityTag.start
                var previous2 = EntityTag.start
                for i in doc.sentences[s] {
                    let staticRange = Int(doc.offsets[i])..<Int(doc.offsets[i + 1])
                    for t in 0..<tagCount { scores[t] = 0 }
                    for k in staticRange {
                        let id = Int(p.ids[k])
                        if id >= 0 {
                            let base = id * tagCount
                            for t in 0..<tagCount { scores[t] += weights[base + t] }
                        }
                    }
                    let dyn = doc.dynamicFeatures(at: i, previous: previous, previous2: previous2)
                    dynamicIds[0] = vocabulary[dyn.0] ?? -1
                    dynamicIds[1] = vocabulary[dyn.1] ?? -1
                    dynamicIds[2] = vocabulary[dyn.2] ?? -1
                    dynamicIds[3] = vocabulary[dyn.3] ?? -1
                    for id in dynamicIds where id >= 0 {
                        let base = Int(id) * tagCount
                        for t in 0..<tagCount { scores[t] += weights[base + t] }
                    }
                    var best = 0
                    var bestScore = -Float.infinity
                    for t in 0..<tagCount where scores[t] > bestScore && EntityTag(raw: UInt8(t)).canFollow(previous) {
                        best = t
                        bestScore = scores[t]
                    }
                    let gold = Int(p.gold[i].raw)
                    seen += 1
                    if best == gold {
                        correct += 1
                    } else {
                        func update(_ id: Int, _ tag: Int, _ delta: Float) {
                            let index = id * tagCount + tag
                            weights[index] += delta
                            updates[index] += step * Double(delta)
                        }
                        for k in staticRange where p.ids[k] >= 0 {
                            update(Int(p.ids[k]), gold, 1)
                            update(Int(p.ids[k]), best, -1)
                        }
                        for id in dynamicIds where id >= 0 {
                            update(Int(id), gold, 1)
                            update(Int(id), best, -1)
                        }
                    }
                    step += 1
                    previous2 = previous
                    previous = EntityTag(raw: UInt8(best))
                }
            }
            let model = averaged(featureHashes, weights, updates, step)
            var line =
                "iteration \(iteration): training token acc \(String(format3(Double(correct) / Double(max(1, seen)))))"
            if !heldOut.isEmpty {
                line += "; held-out \(Self.evaluate(model, on: heldOut))"
            }
            log(line)
            if iteration == max(1, options.iterations) {
                log("model: \(model.featureCount) features, \(model.weightCount) weights")
                return model
            }
        }
        fatalError("unreachable")
    }

    /// The averaged weights, pruned to the `maxWeights` largest by magnitude.
    private func averaged(_ hashes: [UInt64], _ weights: [Float], _ updates: [Double], _ step: Double) -> EntityModel {
        let tagCount = EntityTag.count
        var average = [Float](repeating: 0, count: weights.count)
        for k in weights.indices { average[k] = Float(Double(weights[k]) - updates[k] / step) }
        var threshold: Float = 1e-6
        let nonzero = average.lazy.filter { abs($0) > 1e-6 }.count
        if nonzero > options.maxWeights {
            var magnitudes = average.map(abs)
            magnitudes.sort(by: >)
            threshold = max(threshold, magnitudes[options.maxWeights])
        }
        var entries: [UInt64: [(tag: UInt8, weight: Float)]] = [:]
        for (f, hash) in hashes.enumerated() {
            var list: [(tag: UInt8, weight: Float)] = []
            for t in 0..<tagCount {
                let w = average[f * tagCount + t]
                if abs(w) > threshold { list.append((UInt8(t), w)) }
            }
            if !list.isEmpty { entries[hash] = list }
        }
        return EntityModel(entries: entries)
    }

    /// Token accuracy and typed exact-span scores of `model` on `documents`.
    public static func evaluate(_ model: EntityModel, on documents: [EntityTrainingDocument]) -> Evaluation {
        let tagger = EntityTagger(model: model)
        var correctTokens = 0
        var tokens = 0
        var truePositives = 0
        var predicted = 0
        var gold = 0
        for doc in documents {
            let document = EntityDocument(text: doc.text, gazetteer: tagger.gazetteer)
            var misaligned = 0
            let goldTags = doc.goldTags(for: document, misaligned: &misaligned)
            let tags = tagger.decode(document)
            for i in tags.indices where tags[i] == goldTags[i] { correctTokens += 1 }
            tokens += tags.count
            let found = EntityTagger.mentionSpans(in: document, tags: tags).map { span in
                "\(document.tokens[span.tokens.lowerBound].range.start):"
                    + "\(document.tokens[span.tokens.upperBound - 1].range.end):\(span.type.rawValue)"
            }
            let expected = Set(doc.mentions.map { "\($0.range.start):\($0.range.end):\($0.type.rawValue)" })
            predicted += found.count
            gold += expected.count
            truePositives += Set(found).intersection(expected).count
        }
        let p = predicted == 0 ? 0 : Double(truePositives) / Double(predicted)
        let r = gold == 0 ? 0 : Double(truePositives) / Double(gold)
        return Evaluation(
            tokenAccuracy: tokens == 0 ? 0 : Double(correctTokens) / Double(tokens),
            precision: p,
            recall: r,
            f1: p + r == 0 ? 0 : 2 * p * r / (p + r)
        )
    }
}

private func format3(_ x: Double) -> String {
    "." + String(Int((x * 1000).rounded())).leftPadded(to: 3)
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

/// A small, fast, seedable generator (Steele, Lea & Flood 2014) for reproducible shuffles.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
