import Foundation
import Testing

@testable import storyline

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The exports of `storyline events`, `quotes` and `entities` (`--format csv|json`) and `storyline network`
/// (GraphML, JSON) over the example corpus, read back as a spreadsheet or Gephi would read them.
struct ExportCommandTests {
    /// `storyline ARGS… --db DB`, which must succeed.
    static func output(_ arguments: [String], db: String) throws -> String {
        let run = try CLI.run(arguments + ["--db", db])
        #expect(run.status == 0, "\(arguments): \(run.stderr)")
        return run.stdout
    }

    static func jsonArray(_ arguments: [String], db: String) throws -> [[String: Any]] {
        try TimelineCommandTests.jsonArray(output(arguments, db: db))
    }

    /// `csv` parsed as RFC 4180 with CR LF line ends; fails on anything a strict reader refuses.
    static func records(_ csv: String) throws -> [[String]] {
        try #require(csv.hasSuffix("\r\n"), "the last record ends with CR LF")
        return try RFC4180Reader.parse(csv)
    }

    /// The CSV as dictionaries keyed by its header row.
    static func table(_ csv: String) throws -> (header: [String], rows: [[String: String]]) {
        let parsed = try records(csv)
        let header = try #require(parsed.first)
        for record in parsed.dropFirst() { #expect(record.count == header.count, "\(record)") }
        let rows = parsed.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
        return (header, rows)
    }

    @Test func csvFieldsWithCommasQuotesAndLineBreaksRoundTrip() throws {
        let nasty = [
            "plain", "a, b", "she said \"no\"", "line\nbreak", "crlf\r\nbreak", "\"", ",", "", " spaced ",
            "Zelenskyy; Zelensky", "trailing\r",
        ]
        let csv =
            CSVWriter.document(header: ["one", "two"], rows: [nasty.prefix(2).map { $0 }, ["x", "y"]])
            + nasty.map { CSVWriter.record([$0, "end"]) }.joined()
        let parsed = try Self.records(csv)
        #expect(parsed[0] == ["one", "two"])
        #expect(parsed[1] == Array(nasty.prefix(2)))
        #expect(parsed.dropFirst(3).map(\.[0]) == nasty)
        #expect(parsed.dropFirst(3).allSatisfy { $0.count == 2 && $0[1] == "end" })
    }

    @Test func eventsCSVHasOneRowPerJSONReportWithTheSameFields() throws {
        let (db, dir) = try TimelineCommandTests.ingestedCorpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        let json = try Self.jsonArray(["events", "--format", "json", "--limit", "100000"], db: db)
        let (header, rows) = try Self.table(
            try Self.output(["events", "--format", "csv", "--limit", "100000"], db: db)
        )
        #expect(Array(header.prefix(3)) == ["article_id", "outlet", "published"], "\(header)")
        #expect(header.contains("sentence") && header.contains("actors") && header.contains("type"))
        #expect(!json.isEmpty)
        #expect(rows.count == json.count)
        var withComma = 0
        for (row, item) in zip(rows, json) {
            #expect(row["article_id"] == item["articleID"] as? String)
            #expect(row["type"] == item["type"] as? String)
            #expect(row["sentence"] == item["sentence"] as? String)
            #expect(row["sentence_start"] == (item["sentenceStart"] as? Int).map(String.init))
            #expect(row["actors"] == ((item["actors"] as? [String]) ?? []).joined(separator: "; "))
            if (item["sentence"] as? String)?.contains(",") == true { withComma += 1 }
        }
        // Sentences with commas survived the trip.
        #expect(withComma > 0)
    }

    @Test func jsonFlagIsASynonymOfFormatJSONAndConflictsAreRefused() throws {
        let (db, dir) = try TimelineCommandTests.ingestedCorpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        for command in ["events", "quotes", "entities"] {
            let flag = try Self.output([command, "--json"], db: db)
            let format = try Self.output([command, "--format", "json"], db: db)
            #expect(flag == format, "\(command)")
            #expect(!(try TimelineCommandTests.jsonArray(flag)).isEmpty, "\(command)")
            let both = try CLI.run([command, "--json", "--format", "json", "--db", db])
            #expect(both.status == 0, "\(command): \(both.stderr)")
            let conflict = try CLI.run([command, "--json", "--format", "csv", "--db", db])
            #expect(conflict.status != 0, "\(command)")
            #expect(conflict.stderr.contains("--json"), "\(command): \(conflict.stderr)")
            let unknown = try CLI.run([command, "--format", "xlsx", "--db", db])
            #expect(unknown.status != 0, "\(command)")
            #expect(unknown.stderr.contains("xlsx"), "\(command): \(unknown.stderr)")
        }
    }

    @Test func quotesCSVHasOneRowPerReportWithItsWording() throws {
        let (db, dir) = try TimelineCommandTests.ingestedCorpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        let statements = try Self.jsonArray(["quotes", "--format", "json", "--limit", "100000"], db: db)
        let (header, rows) = try Self.table(
            try Self.output(["quotes", "--format", "csv", "--limit", "100000"], db: db)
        )
        for column in ["statement_id", "speaker", "cue", "kind", "published", "outlet", "article_id", "url", "wording"]
        {
            #expect(header.contains(column), "\(column) in \(header)")
        }
        let reports = statements.flatMap { statement in
            ((statement["reports"] as? [[String: Any]]) ?? []).map { (statement, $0) }
        }
        #expect(!reports.isEmpty)
        #expect(rows.count == reports.count)
        var withComma = 0
        for (row, (statement, report)) in zip(rows, reports) {
            #expect(row["statement_id"] == (statement["id"] as? Int).map(String.init))
            #expect(row["wording"] == report["text"] as? String)
            #expect(row["article_id"] == report["articleID"] as? String)
            #expect(row["start"] == (report["start"] as? Int).map(String.init))
            #expect(row["context"] == report["context"] as? String)
            if row["wording"]?.contains(",") == true { withComma += 1 }
        }
        #expect(withComma > 0)
    }

    @Test func entitiesCSVHasOneRowPerJSONEntity() throws {
        let (db, dir) = try TimelineCommandTests.ingestedCorpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        let json = try Self.jsonArray(["entities", "--format", "json", "--limit", "100000"], db: db)
        let (header, rows) = try Self.table(
            try Self.output(["entities", "--format", "csv", "--limit", "100000"], db: db)
        )
        #expect(Array(header.prefix(3)) == ["id", "name", "type"], "\(header)")
        #expect(!json.isEmpty)
        #expect(rows.count == json.count)
        for (row, item) in zip(rows, json) {
            #expect(row["id"] == (item["id"] as? Int).map(String.init))
            #expect(row["name"] == item["name"] as? String)
            #expect(row["other_spellings"] == ((item["otherSpellings"] as? [String]) ?? []).joined(separator: "; "))
        }
        #expect(rows.contains { $0["name"] == "Keir Starmer" && $0["type"] == "PERSON" })
    }

    @Test func graphMLEscapesMarkupAndLeavesOutControlCharacters() throws {
        let graph = NetworkGraph(
            nodes: [
                .init(
                    id: "n1",
                    label: "AT&T <\"Ma Bell\"> 'US'\u{1}",
                    type: "ORG",
                    mentions: 2,
                    articles: 1,
                    events: 1
                ),
                .init(id: "n2", label: "Line\nbreak", type: "PERSON", mentions: 1, articles: 1, events: 1),
            ],
            edges: [
                .init(
                    id: "e1",
                    source: "n1",
                    target: "n2",
                    directed: true,
                    relation: .actsOn,
                    weight: 1,
                    reports: 2,
                    types: ["CONSULT": 1],
                    firstDate: "2025-02-27",
                    lastDate: "2025-02-27"
                )
            ]
        )
        let parsed = try GraphMLDocument(Data(GraphML.document(graph).utf8))
        #expect(parsed.nodes["n1"]?["label"] == "AT&T <\"Ma Bell\"> 'US'")
        #expect(parsed.nodes["n2"]?["label"] == "Line\nbreak")
        #expect(parsed.edges.first?.data["CONSULT"] == "1")
    }

    @Test func theNetworkIsGraphMLWithDeclaredNodesAndWeightedEdges() throws {
        let (db, dir) = try TimelineCommandTests.ingestedCorpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        let graph = try GraphMLDocument(Data(try Self.output(["network"], db: db).utf8))
        #expect(!graph.nodes.isEmpty && !graph.edges.isEmpty)
        for edge in graph.edges {
            #expect(graph.nodes[edge.source] != nil && graph.nodes[edge.target] != nil, "\(edge)")
            let weight = try #require(edge.data["weight"].flatMap { Int($0) }, "\(edge)")
            #expect(weight >= 1)
        }
        for node in graph.nodes.values { #expect(node["label"]?.isEmpty == false && node["type"] != nil) }
        let ids = { (name: String) in Set(graph.nodes.filter { $0.value["label"] == name }.keys) }
        let trump = ids("Donald Trump")
        let starmer = ids("Keir Starmer")
        #expect(trump.count == 1 && starmer.count == 1)
        #expect(
            graph.edges.contains { edge in
                (trump.contains(edge.source) && starmer.contains(edge.target))
                    || (starmer.contains(edge.source) && trump.contains(edge.target))
            }
        )

        // The same network as JSON.
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(try Self.output(["network", "--format", "json"], db: db).utf8))
                as? [String: Any]
        )
        #expect((json["nodes"] as? [Any])?.count == graph.nodes.count)
        #expect((json["edges"] as? [Any])?.count == graph.edges.count)

        let heavy = try GraphMLDocument(Data(try Self.output(["network", "--min-weight", "2"], db: db).utf8))
        #expect(heavy.edges.allSatisfy { Int($0.data["weight"] ?? "") ?? 0 >= 2 })
        #expect(heavy.edges.count <= graph.edges.count)

        let refused = try CLI.run(["network", "--format", "gexf", "--db", db])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("gexf"), "\(refused.stderr)")
    }

    @Test func entityKeepsItsNeighbourhood() throws {
        let (db, dir) = try TimelineCommandTests.ingestedCorpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        let all = try GraphMLDocument(Data(try Self.output(["network"], db: db).utf8))
        let graph = try GraphMLDocument(Data(try Self.output(["network", "--entity", "STARMER"], db: db).utf8))
        let centre = Set(graph.nodes.filter { $0.value["label"]?.lowercased().contains("starmer") == true }.keys)
        #expect(!centre.isEmpty)
        #expect(graph.nodes.count < all.nodes.count)
        for id in graph.nodes.keys where !centre.contains(id) {
            let linked = graph.edges.contains { edge in
                (edge.source == id && centre.contains(edge.target))
                    || (edge.target == id && centre.contains(edge.source))
            }
            #expect(linked, "\(graph.nodes[id] ?? [:]) is no neighbour of Starmer")
        }
        for edge in graph.edges { #expect(graph.nodes[edge.source] != nil && graph.nodes[edge.target] != nil) }
    }
}

/// A strict RFC 4180 reader for the tests: fields separated by commas, records by CR LF, a field in double
/// quotes may hold commas, quotes (doubled) and line breaks. A bare LF between records, a quote inside an
/// unquoted field or text after a closing quote is an error.
enum RFC4180Reader {
    /// Where and how the text breaks the format.
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    /// The records of `text`, each a list of fields.
    static func parse(_ text: String) throws -> [[String]] {
        let scalars = Array(text.unicodeScalars)
        var records: [[String]] = []
        var record: [String] = []
        var field = String.UnicodeScalarView()
        var index = 0
        var quoted = false
        var closed = false
        func endField() {
            record.append(String(field))
            field = String.UnicodeScalarView()
            closed = false
        }
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if quoted {
                if scalar == "\"" {
                    if index < scalars.count, scalars[index] == "\"" {
                        field.append("\"")
                        index += 1
                    } else {
                        quoted = false
                        closed = true
                    }
                } else {
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",":
                endField()
            case "\r":
                guard index < scalars.count, scalars[index] == "\n" else {
                    throw Malformed(description: "bare CR after record \(records.count)")
                }
                index += 1
                endField()
                records.append(record)
                record = []
            case "\n":
                throw Malformed(description: "bare LF after record \(records.count)")
            case "\"":
                guard field.isEmpty, !closed else { throw Malformed(description: "stray quote in \(String(field))") }
                quoted = true
            default:
                if closed { throw Malformed(description: "text after a closing quote: \(String(field))") }
                field.append(scalar)
            }
        }
        if quoted { throw Malformed(description: "unterminated quoted field") }
        if !field.isEmpty || !record.isEmpty || closed {
            endField()
            records.append(record)
        }
        return records
    }
}

/// A GraphML document read with Foundation's XMLParser: its keys, nodes and edges, each with its data by the
/// key's `attr.name`. Fails unless the XML is well-formed, in the GraphML namespace, and every data key and
/// edge end is declared.
struct GraphMLDocument {
    /// One edge: its id, its ends and its data.
    struct Edge {
        var id: String
        var source: String
        var target: String
        var data: [String: String]
    }

    var nodes: [String: [String: String]] = [:]
    var edges: [Edge] = []

    /// Parses `xml`, failing the test when it is not well-formed GraphML.
    init(_ xml: Data) throws {
        let delegate = Delegate()
        let parser = XMLParser(data: xml)
        parser.shouldProcessNamespaces = true
        parser.delegate = delegate
        let ok = parser.parse()
        try #require(ok, "not well-formed: \(String(describing: parser.parserError))")
        try #require(delegate.problems.isEmpty, "\(delegate.problems)")
        nodes = delegate.nodes
        edges = delegate.edges
        for edge in edges {
            try #require(nodes[edge.source] != nil && nodes[edge.target] != nil, "undeclared end: \(edge)")
        }
    }

    /// Collects keys, nodes and edges as the parser reports them, and what is wrong with them.
    private final class Delegate: NSObject, XMLParserDelegate {
        var keys: [String: (domain: String, name: String)] = [:]
        var nodes: [String: [String: String]] = [:]
        var edges: [Edge] = []
        var problems: [String] = []
        var node: String?
        var edge: Edge?
        var key: String?
        var text = ""

        func parser(
            _ parser: XMLParser,
            didStartElement element: String,
            namespaceURI: String?,
            qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if namespaceURI != "http://graphml.graphdrawing.org/xmlns" { problems.append("\(element) namespace") }
            switch element {
            case "key":
                guard let id = attributes["id"], let name = attributes["attr.name"], let domain = attributes["for"],
                    ["string", "int", "long", "double", "float", "boolean"].contains(attributes["attr.type"] ?? "")
                else { return problems.append("bad key \(attributes)") }
                keys[id] = (domain, name)
            case "node":
                guard let id = attributes["id"], nodes[id] == nil else { return problems.append("node \(attributes)") }
                nodes[id] = [:]
                node = id
            case "edge":
                guard let id = attributes["id"], let source = attributes["source"], let target = attributes["target"]
                else { return problems.append("edge \(attributes)") }
                edge = Edge(id: id, source: source, target: target, data: [:])
            case "data":
                key = attributes["key"]
                text = ""
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
            switch element {
            case "node": node = nil
            case "edge":
                if let edge { edges.append(edge) }
                edge = nil
            case "data":
                guard let key, let declared = keys[key] else { return problems.append("undeclared key \(key ?? "")") }
                if let node, declared.domain == "node" {
                    nodes[node]?[declared.name] = text
                } else if edge != nil, declared.domain == "edge" {
                    edge?.data[declared.name] = text
                } else {
                    problems.append("key \(key) used outside its domain")
                }
            default: break
            }
        }
    }
}
