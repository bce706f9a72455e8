import CLibXML2

extension XMLNode {
    /// The first child element named `localName` in exactly `namespace` (`nil`: in no namespace).
    ///
    /// Unlike ``child(_:namespace:)``, a `nil` namespace does not match every namespace, so an RSS item's
    /// `title` is never confused with its `media:title`.
    func element(_ localName: String, in namespace: String?) -> XMLNode? {
        children.first { $0.isElement && $0.namespaceURI == namespace && $0.name == localName }
    }

    /// All child elements named `localName` in exactly `namespace`.
    func elements(_ localName: String, in namespace: String?) -> [XMLNode] {
        children.filter { $0.isElement && $0.namespaceURI == namespace && $0.name == localName }
    }

    /// The text content with whitespace collapsed, or nil when nothing is left.
    var trimmedText: String? {
        let text = TextCleanup.collapseWhitespace(textContent)
        return text.isEmpty ? nil : text
    }

    /// The `xml:lang` in scope: this element's or the nearest ancestor's.
    var xmlLanguage: String? {
        var node: XMLNode? = self
        while let current = node {
            var attr = current.pointer.pointee.properties
            while let attribute = attr {
                if let name = attribute.pointee.name, String(cString: name) == "lang",
                    let ns = attribute.pointee.ns, let href = ns.pointee.href,
                    String(cString: href) == FeedNamespace.xml
                {
                    var value = ""
                    var text = attribute.pointee.children
                    while let node = text {
                        if let content = node.pointee.content { value += String(cString: content) }
                        text = node.pointee.next
                    }
                    return value.isEmpty ? nil : value
                }
                attr = attribute.pointee.next
            }
            node = current.parent
        }
        return nil
    }

    /// The serialized markup of the element's children (an Atom `type="xhtml"` content), as XML text.
    /// Entity references are written back as references, never expanded.
    var innerMarkup: String {
        guard let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        var child = pointer.pointee.children
        while let node = child {
            xmlNodeDump(buffer, pointer.pointee.doc, node, 0, 0)
            child = node.pointee.next
        }
        guard let content = xmlBufferContent(buffer) else { return "" }
        return String(cString: content)
    }

    /// The 1-based line where the element starts in the source, when libxml2 recorded it.
    var line: Int? {
        let line = Int(xmlGetLineNo(pointer))
        return line > 0 ? line : nil
    }
}
