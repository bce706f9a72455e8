import CLibXML2
import Foundation

/// A parsed libxml2 document (HTML or XML), freed when the last reference goes away.
///
/// Not `Sendable`: a tree is built, read and dropped inside one reader call.
final class XMLTree {
    let document: xmlDocPtr

    private init(document: xmlDocPtr) {
        self.document = document
    }

    deinit {
        xmlFreeDoc(document)
    }

    /// libxml2 must be initialised once before documents are parsed on several threads.
    static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses HTML with libxml2's tolerant HTML parser (the one lxml uses): never fails on
    /// broken markup, never touches the network. `encoding` overrides the document's own declaration.
    static func html(_ bytes: UnsafeRawBufferPointer, url: String? = nil, encoding: String? = nil) -> XMLTree? {
        _ = initialised
        guard bytes.count > 0, bytes.count < Int(Int32.max), let base = bytes.baseAddress else { return nil }
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_NOBLANKS.rawValue
        )
        let doc = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { pointer in
            htmlReadMemory(pointer, Int32(bytes.count), url, encoding, options)
        }
        return doc.map(XMLTree.init(document:))
    }

    /// Parses well-formed XML (feeds). Entities are not substituted, no DTD is loaded, and the network is never
    /// used. Returns the tree or the first error libxml2 reported, with its line.
    static func xml(_ bytes: UnsafeRawBufferPointer) -> Result<XMLTree, XMLParseFailure> {
        _ = initialised
        guard bytes.count > 0, let base = bytes.baseAddress else {
            return .failure(XMLParseFailure(message: "empty document", line: 0))
        }
        guard bytes.count < Int(Int32.max) else {
            return .failure(XMLParseFailure(message: "document too large for the XML parser", line: 0))
        }
        guard let context = xmlNewParserCtxt() else {
            return .failure(XMLParseFailure(message: "out of memory", line: 0))
        }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(
            XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                | XML_PARSE_COMPACT.rawValue | XML_PARSE_NOCDATA.rawValue
        )
        let doc = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { pointer in
            xmlCtxtReadMemory(context, pointer, Int32(bytes.count), nil, nil, options)
        }
        if context.pointee.wellFormed == 0 || doc == nil {
            var message = "not well-formed XML"
            var line = 0
            if let error = xmlCtxtGetLastError(context), let text = error.pointee.message {
                message = String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines)
                line = Int(error.pointee.line)
            }
            if let doc { xmlFreeDoc(doc) }
            return .failure(XMLParseFailure(message: message, line: line))
        }
        return .success(XMLTree(document: doc!))
    }

    /// The root element.
    var root: XMLNode? {
        xmlDocGetRootElement(document).map(XMLNode.init)
    }
}

/// Why an XML document could not be parsed.
struct XMLParseFailure: Error {
    var message: String
    var line: Int
}

/// A borrowed reference to a node of an ``XMLTree``; valid while the tree is alive.
struct XMLNode {
    let pointer: xmlNodePtr

    init(_ pointer: xmlNodePtr) {
        self.pointer = pointer
    }

    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

    /// The element's local name as libxml2 stores it (lowercased by the HTML parser).
    var name: String {
        guard let name = pointer.pointee.name else { return "" }
        return String(cString: name)
    }

    /// Compares the node's name with an ASCII name without allocating.
    func hasName(_ expected: StaticString) -> Bool {
        guard let name = pointer.pointee.name else { return false }
        return expected.withUTF8Buffer { buffer in
            for (index, byte) in buffer.enumerated() where name[index] != byte {
                return false
            }
            return name[buffer.count] == 0
        }
    }

    /// The namespace prefix's URI, for XML documents.
    var namespaceURI: String? {
        guard let ns = pointer.pointee.ns, let href = ns.pointee.href else { return nil }
        return String(cString: href)
    }

    var parent: XMLNode? {
        guard let parent = pointer.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
        return XMLNode(parent)
    }

    /// Child nodes in document order.
    var children: XMLChildren { XMLChildren(first: pointer.pointee.children) }

    /// Child elements in document order.
    var elementChildren: [XMLNode] { children.filter(\.isElement) }

    /// The first child element with the given local name (and namespace URI, when given).
    func child(_ localName: String, namespace: String? = nil) -> XMLNode? {
        children.first { $0.isElement && $0.name == localName && (namespace == nil || $0.namespaceURI == namespace) }
    }

    /// All child elements with the given local name (and namespace URI, when given).
    func children(_ localName: String, namespace: String? = nil) -> [XMLNode] {
        children.filter { $0.isElement && $0.name == localName && (namespace == nil || $0.namespaceURI == namespace) }
    }

    /// An attribute's value, or nil. Reads libxml2's attribute list directly (no allocation by libxml2).
    func attribute(_ name: String) -> String? {
        var attr = pointer.pointee.properties
        while let current = attr {
            if let attrName = current.pointee.name, String(cString: attrName) == name {
                var value = ""
                var child = current.pointee.children
                while let node = child {
                    if let content = node.pointee.content { value += String(cString: content) }
                    child = node.pointee.next
                }
                return value
            }
            attr = current.pointee.next
        }
        return nil
    }

    /// All attributes as (name, value) pairs.
    var attributes: [(name: String, value: String)] {
        var result: [(String, String)] = []
        var attr = pointer.pointee.properties
        while let current = attr {
            if let attrName = current.pointee.name {
                var value = ""
                var child = current.pointee.children
                while let node = child {
                    if let content = node.pointee.content { value += String(cString: content) }
                    child = node.pointee.next
                }
                result.append((String(cString: attrName), value))
            }
            attr = current.pointee.next
        }
        return result
    }

    /// A text or CDATA node's own content.
    var content: String {
        guard let content = pointer.pointee.content else { return "" }
        return String(cString: content)
    }

    /// The concatenated text of the node and all its descendants.
    var textContent: String {
        var bytes: [UInt8] = []
        appendText(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the UTF-8 text of the node and its descendants to `bytes`.
    func appendText(to bytes: inout [UInt8]) {
        var stack: [xmlNodePtr] = [pointer]
        while let node = stack.popLast() {
            let type = node.pointee.type
            if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE {
                if var p = node.pointee.content {
                    while p.pointee != 0 {
                        bytes.append(p.pointee)
                        p += 1
                    }
                }
            } else if type == XML_ELEMENT_NODE || type == XML_DOCUMENT_NODE || type == XML_HTML_DOCUMENT_NODE {
                var children: [xmlNodePtr] = []
                var child = node.pointee.children
                while let c = child {
                    children.append(c)
                    child = c.pointee.next
                }
                stack.append(contentsOf: children.reversed())
            }
        }
    }

    /// Removes the node from its tree and frees it. The node must not be used afterwards.
    func unlinkAndFree() {
        xmlUnlinkNode(pointer)
        xmlFreeNode(pointer)
    }
}

/// A lazy sequence over a node's children.
struct XMLChildren: Sequence {
    let first: xmlNodePtr?

    func makeIterator() -> AnyIterator<XMLNode> {
        var current = first
        return AnyIterator {
            guard let node = current else { return nil }
            current = node.pointee.next
            return XMLNode(node)
        }
    }
}
