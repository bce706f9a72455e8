/// GraphML 1.0 (http://graphml.graphdrawing.org) for `storyline network --format graphml`, as Gephi, yEd,
/// Cytoscape and networkx (`networkx.read_graphml`) read it.
///
/// Every attribute is declared by a `<key>` with its `attr.type`; a node's `label` is its canonical name (the
/// column Gephi shows). The graph is written `edgedefault="directed"` and every edge is directed, co-actor
/// edges included (from the lower entity id to the higher; their `relation` attribute says they have no
/// direction): GraphML allows a per-edge `directed="false"`, but networkx refuses a graph that mixes the two.
/// Text is escaped for XML (`&`, `<`, `>`, `"`, `'`), and characters XML 1.0 forbids (control characters
/// other than tab, line feed and carriage return; U+FFFE, U+FFFF) are left out.
enum GraphML {
    /// One `<key>` declaration: what an attribute is called, what it belongs to and its GraphML type.
    struct Key {
        var id: String
        var domain: String
        var name: String
        var type: String
        var defaultValue: String? = nil
    }

    /// The keys of the node attributes; `quotes` only when the nodes count quotes.
    static func nodeKeys(quotes: Bool) -> [Key] {
        var keys = [
            Key(id: "label", domain: "node", name: "label", type: "string"),
            Key(id: "type", domain: "node", name: "type", type: "string"),
            Key(id: "mentions", domain: "node", name: "mentions", type: "int"),
            Key(id: "articles", domain: "node", name: "articles", type: "int"),
            Key(id: "events", domain: "node", name: "events", type: "int"),
        ]
        if quotes { keys.append(Key(id: "quotes", domain: "node", name: "quotes", type: "int")) }
        return keys
    }

    /// The keys of the edge attributes, with a count (default 0) for each PLOVER type in `eventTypes`.
    static func edgeKeys(eventTypes: [String]) -> [Key] {
        [
            Key(id: "relation", domain: "edge", name: "relation", type: "string"),
            Key(id: "weight", domain: "edge", name: "weight", type: "int"),
            Key(id: "reports", domain: "edge", name: "reports", type: "int"),
            Key(id: "types", domain: "edge", name: "types", type: "string"),
            Key(id: "first_date", domain: "edge", name: "first_date", type: "string"),
            Key(id: "last_date", domain: "edge", name: "last_date", type: "string"),
        ]
            + eventTypes.map { Key(id: "type_" + $0, domain: "edge", name: $0, type: "int", defaultValue: "0") }
    }

    /// The whole document for `graph`.
    static func document(_ graph: NetworkGraph) -> String {
        let countsQuotes = graph.nodes.contains { $0.quotes != nil }
        let eventTypes = graph.eventTypes
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<graphml xmlns="http://graphml.graphdrawing.org/xmlns""#
                + #" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance""#
                + #" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns"#
                + #" http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#,
        ]
        for key in nodeKeys(quotes: countsQuotes) + edgeKeys(eventTypes: eventTypes) {
            let open =
                "  <key id=\"\(escaped(key.id))\" for=\"\(key.domain)\" attr.name=\"\(escaped(key.name))\" "
                + "attr.type=\"\(key.type)\""
            if let value = key.defaultValue {
                lines.append(open + "><default>\(escaped(value))</default></key>")
            } else {
                lines.append(open + "/>")
            }
        }
        lines.append(#"  <graph id="storyline" edgedefault="directed">"#)
        for node in graph.nodes {
            lines.append("    <node id=\"\(escaped(node.id))\">")
            lines.append(data("label", node.label))
            lines.append(data("type", node.type))
            lines.append(data("mentions", String(node.mentions)))
            lines.append(data("articles", String(node.articles)))
            lines.append(data("events", String(node.events)))
            if let quotes = node.quotes { lines.append(data("quotes", String(quotes))) }
            lines.append("    </node>")
        }
        for edge in graph.edges {
            lines.append(
                "    <edge id=\"\(escaped(edge.id))\" source=\"\(escaped(edge.source))\" "
                    + "target=\"\(escaped(edge.target))\">"
            )
            lines.append(data("relation", edge.relation.rawValue))
            lines.append(data("weight", String(edge.weight)))
            lines.append(data("reports", String(edge.reports)))
            lines.append(data("types", typeSummary(edge.types)))
            if let first = edge.firstDate { lines.append(data("first_date", first)) }
            if let last = edge.lastDate { lines.append(data("last_date", last)) }
            for type in eventTypes {
                if let count = edge.types[type] { lines.append(data("type_" + type, String(count))) }
            }
            lines.append("    </edge>")
        }
        lines.append("  </graph>")
        lines.append("</graphml>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// "CONSULT 3; AGREE 1": the counts by type, most first, then by name.
    static func typeSummary(_ types: [String: Int]) -> String {
        types.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { "\($0.key) \($0.value)" }.joined(separator: CSVWriter.listSeparator)
    }

    /// One `<data>` element of a node or an edge.
    static func data(_ key: String, _ value: String) -> String {
        "      <data key=\"\(escaped(key))\">\(escaped(value))</data>"
    }

    /// `text` safe in XML and HTML content and attribute values: the five special characters as entities, line
    /// breaks and tabs as character references (so attribute values keep them), and characters XML 1.0 forbids
    /// left out. The timeline's TimelineJS export escapes its HTML with it too.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t": out += "&#9;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
