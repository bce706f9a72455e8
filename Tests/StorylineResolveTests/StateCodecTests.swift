import Foundation
import Testing

@testable import StorylineResolve

/// The codecs a resolver's state is saved with: JSON (stores written before the binary format) and
/// ``StateEncoder``/``StateDecoder``.
enum Codecs {
    /// `value` encoded and decoded by each codec, named.
    static func roundTrips<T: Codable>(_ value: T) throws -> [(codec: String, value: T)] {
        [
            ("JSON", try JSONDecoder().decode(T.self, from: JSONEncoder().encode(value))),
            ("state", try StateDecoder().decode(T.self, from: StateEncoder().encode(value))),
        ]
    }
}

/// The binary state codec on values of every shape `Codable` produces, and on damaged input.
@Suite struct StateCodecTests {
    enum Mode: String, Codable, Hashable { case happened, planned }

    enum Shape: Codable, Hashable {
        case point
        case circle(radius: Double)
        case labelled(String, Int?)
    }

    struct Inner: Codable, Hashable {
        var name: String
        var weights: [Double]
        var note: String?
    }

    struct Empty: Codable, Hashable {}

    struct Everything: Codable, Hashable {
        var flag = true
        var small: Int8 = -128
        var int = Int.min
        var big = UInt64.max
        var uint16: UInt16 = 65535
        var float: Float = 1.5
        var doubles: [Double] = [0, -0.0, .pi, 1e-300, -1.7976931348623157e308, 5e-324]
        var strings = [
            "", "Zelenskyy", "Київ", "emoji 🇺🇦", "quote \" and \\ and \n", String(repeating: "x", count: 300),
        ]
        var optionalNil: Int? = nil
        var optionalSome: Int? = 0
        var nestedOptionals: [String?] = [nil, "a", nil]
        var inner = Inner(name: "Starmer", weights: [0.25, 0.75], note: nil)
        var inners: [Inner] = []
        var byName: [String: Int] = ["Trump": 3, "Putin": 2, "": 0]
        var byNumber: [Int: String] = [1: "one", -7: "minus seven"]
        var byMode: [Mode: [String]] = [.happened: ["met"], .planned: []]
        var sets: Set<String> = ["NATO", "EU"]
        var shapes: [Shape] = [.point, .circle(radius: 2), .labelled("x", nil), .labelled("y", 4)]
        var empty = Empty()
        var emptyList: [Int] = []
        var emptyMap: [String: Inner] = [:]
        var date = Date(timeIntervalSince1970: 1_740_614_400.25)
        var data = Data([0, 1, 2, 255])
        var url = URL(string: "https://example.com/a?b=c")!
    }

    /// A type whose `encode(to:)` takes its keyed container twice and writes through a nested container, as
    /// hand-written methods may.
    struct HandWritten: Codable, Hashable {
        var a: Int
        var b: [String]
        enum CodingKeys: String, CodingKey { case a, b, c }
        enum Nested: String, CodingKey { case x }

        init(a: Int, b: [String]) {
            self.a = a
            self.b = b
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            a = try c.decode(Int.self, forKey: .a)
            var list = try c.nestedUnkeyedContainer(forKey: .b)
            var b: [String] = []
            while !list.isAtEnd { b.append(try list.decode(String.self)) }
            self.b = b
            #expect(try c.nestedContainer(keyedBy: Nested.self, forKey: .c).decode(Int.self, forKey: .x) == a * 2)
        }

        func encode(to encoder: any Encoder) throws {
            var first = encoder.container(keyedBy: CodingKeys.self)
            try first.encode(a, forKey: .a)
            var list = first.nestedUnkeyedContainer(forKey: .b)
            for s in b { try list.encode(s) }
            var second = encoder.container(keyedBy: CodingKeys.self)
            var nested = second.nestedContainer(keyedBy: Nested.self, forKey: .c)
            try nested.encode(a * 2, forKey: .x)
        }
    }

    static func sample() -> Everything {
        var value = Everything()
        value.inners = (0..<50).map {
            Inner(name: "n\($0)", weights: [Double($0) / 3], note: $0 % 2 == 0 ? "even" : nil)
        }
        return value
    }

    @Test func everyShapeOfValueComesBackEqual() throws {
        let value = Self.sample()
        let data = try StateEncoder().encode(value)
        #expect(StateDecoder.canDecode(data))
        let decoded = try StateDecoder().decode(Everything.self, from: data)
        #expect(decoded == value)
        #expect(decoded.doubles[1].sign == .minus, "-0.0 keeps its sign")
        // Encoding is deterministic for ordered containers.
        #expect(try StateEncoder().encode(value.inners) == StateEncoder().encode(decoded.inners))
    }

    @Test func handWrittenContainersRoundTrip() throws {
        let values = [HandWritten(a: 3, b: ["x", "y"]), HandWritten(a: -1, b: [])]
        #expect(try StateDecoder().decode([HandWritten].self, from: StateEncoder().encode(values)) == values)
    }

    @Test func topLevelPrimitivesAndOptionals() throws {
        #expect(try StateDecoder().decode(String.self, from: StateEncoder().encode("Kyiv")) == "Kyiv")
        #expect(try StateDecoder().decode(Int?.self, from: StateEncoder().encode(Int?.none)) == nil)
        #expect(try StateDecoder().decode([Int?].self, from: StateEncoder().encode([1, nil, 3])) == [1, nil, 3])
    }

    @Test func nonFiniteNumbersAreRefused() {
        #expect(throws: EncodingError.self) { try StateEncoder().encode([1.0, .nan]) }
        #expect(throws: EncodingError.self) { try StateEncoder().encode(Inner(name: "", weights: [.infinity])) }
    }

    @Test func wrongTypesAndMissingKeysAreDecodingErrors() throws {
        let data = try StateEncoder().encode(Inner(name: "a", weights: [1]))
        #expect(throws: DecodingError.self) { try StateDecoder().decode(Everything.self, from: data) }
        #expect(throws: DecodingError.self) { try StateDecoder().decode([Int].self, from: data) }
        let big = try StateEncoder().encode([Int64(1) << 40])
        #expect(throws: DecodingError.self) { try StateDecoder().decode([Int32].self, from: big) }
        let negative = try StateEncoder().encode([-1])
        #expect(throws: DecodingError.self) { try StateDecoder().decode([UInt].self, from: negative) }
        #expect(throws: DecodingError.self) { try StateDecoder().decode(Inner.self, from: Data("{\"name\":1}".utf8)) }
    }

    /// Every prefix of an encoding, and every single-byte change of it, is refused with a `DecodingError` or
    /// decodes to some value — never a crash or a read out of bounds.
    @Test func damagedInputIsRefusedNotCrashedOn() throws {
        let value = Inner(name: "Zelensky", weights: [0.5, 2], note: "x")
        let data = try StateEncoder().encode([value, value])
        for n in 0..<data.count {
            #expect(throws: DecodingError.self, "prefix of \(n) bytes") {
                try StateDecoder().decode([Inner].self, from: data.prefix(n))
            }
        }
        var decodedChanged = 0
        for i in StateFormat.magic.count..<data.count {
            for delta: UInt8 in [1, 0x40, 0x80, 0xff] {
                var changed = data
                changed[i] = changed[i] &+ delta
                if (try? StateDecoder().decode([Inner].self, from: changed)) != nil { decodedChanged += 1 }
            }
        }
        // Changes inside strings and numbers still decode; changes of tags and sizes do not.
        #expect(decodedChanged > 0)
        #expect(decodedChanged < (data.count - StateFormat.magic.count) * 4)
        var trailing = data
        trailing.append(0)
        #expect(throws: DecodingError.self) { try StateDecoder().decode([Inner].self, from: trailing) }
    }
}
