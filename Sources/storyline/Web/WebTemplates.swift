import Foundation
import Mustache

/// The pages' Mustache templates (`Resources/web/templates/*.mustache`), parsed once when the server starts.
/// Every page template inherits `layout` (`{{<layout}}{{$main}}…{{/main}}{{/layout}}`) and is rendered with a
/// ``WebPage``; `pager` and `entity-link` are partials any page can use. `{{value}}` is escaped by Mustache;
/// `{{{value}}}` is used only for HTML built in Swift from escaped parts (``HTML/escape(_:)``).
struct WebTemplates: Sendable {
    let library: MustacheLibrary

    /// The folder of the web resources in the bundle (`Resources/web`).
    static func resources() throws -> URL {
        guard let url = Bundle.module.url(forResource: "web", withExtension: nil) else {
            throw WebError(status: .internalServerError, heading: "The web pages are missing from the build")
        }
        return url
    }

    /// Parses every template of `folder` (the bundle's `web/templates` by default).
    init(folder: URL? = nil) throws {
        let folder = try folder ?? Self.resources().appendingPathComponent("templates")
        var library = MustacheLibrary()
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        for file in names.sorted() where file.hasSuffix(".mustache") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            do {
                try library.register(text, named: String(file.dropLast(".mustache".count)))
            } catch {
                throw WebError(
                    status: .internalServerError,
                    heading: "The template \(file) cannot be parsed",
                    message: "\(error)"
                )
            }
        }
        self.library = library
    }

    /// The page `template` renders for `page`.
    func render<Content>(_ page: WebPage<Content>, _ template: String) throws -> String {
        guard let html = library.render(page, withTemplate: template) else {
            throw WebError(status: .internalServerError, heading: "No template \(template)")
        }
        // The doctype first: the line breaks around `{{<layout}}` are the template's, not the page's.
        return String(html.drop { $0.isWhitespace })
    }
}

/// What every page template is rendered with: the layout's title, navigation and search box, and the page's
/// own `content` (referenced in templates inside `{{#content}}…{{/content}}`).
///
/// Mustache looks a missing or nil name up in the enclosing objects, so view models use names that are unique
/// across a page (`articleTitle`, `reportHref`) rather than `title` or `href`.
struct WebPage<Content> {
    /// The text before " — Storyline" in `<title>`.
    var pageTitle: String
    /// Which navigation link is the current page.
    var nav: Nav
    /// The search box's value.
    var searchQuery: String
    var content: Content

    struct Nav {
        var timeline = false
        var quotes = false
        var entities = false
        var articles = false
        var search = false
    }
}

/// The pager of a list page: `?page=K`, ``size`` items a page.
struct Pager {
    static let size = 50

    var number: Int
    var prevHref: String?
    var nextHref: String?
    var hasPages: Bool

    /// The pager of page `number` of `path` with `parameters` (the page's filters), and whether there is a next.
    init(number: Int, hasNext: Bool, path: String, parameters: [(String, String?)]) {
        self.number = number
        func href(_ page: Int) -> String {
            HTML.url(path, parameters + [("page", page > 1 ? String(page) : nil)])
        }
        prevHref = number > 1 ? href(number - 1) : nil
        nextHref = hasNext ? href(number + 1) : nil
        hasPages = prevHref != nil || nextHref != nil
    }

    /// How many items come before page `number`.
    static func offset(_ number: Int) -> Int { (number - 1) * size }
}
