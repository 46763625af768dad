/// Checks of a page's links: every local URL names a file of the output, and only safe schemes are used.
enum LinkRules {
    /// The URL attributes that are followed, per element.
    static let linkAttributes: [String: [String]] = [
        "a": ["href"], "area": ["href"], "link": ["href"], "img": ["src", "srcset"], "script": ["src"],
        "source": ["src", "srcset"], "video": ["src", "poster"], "audio": ["src"], "iframe": ["src"],
        "form": ["action"],
    ]

    /// Every link problem of one page.
    static func check(_ tree: PageTree, in context: PageContext) -> [Diagnostic] {
        // The page's ids, collected at the first link to a fragment: most pages have none.
        var ids: Set<String>?
        var diagnostics: [Diagnostic] = []
        for element in tree.elements {
            guard let names = followed(element.name) else { continue }
            for name in names {
                guard let value = element.attribute(name) else { continue }
                if name == "srcset" {
                    for url in candidates(inSrcset: value) {
                        if let diagnostic = check(url, attribute: name, of: element, ids: &ids, tree: tree, in: context) {
                            diagnostics.append(diagnostic)
                        }
                    }
                } else if let diagnostic = check(value, attribute: name, of: element, ids: &ids, tree: tree, in: context) {
                    diagnostics.append(diagnostic)
                }
            }
        }
        return diagnostics
    }

    /// `linkAttributes[name]`, compared rather than hashed, from lists made once: it is asked for every element of
    /// every page.
    static func followed(_ name: String) -> [String]? {
        switch name {
        case "a", "area", "link": Followed.href
        case "img", "source": Followed.image
        case "script", "audio", "iframe": Followed.src
        case "video": Followed.video
        case "form": Followed.action
        default: nil
        }
    }

    private enum Followed {
        static let href = ["href"], image = ["src", "srcset"], src = ["src"], video = ["src", "poster"], action = ["action"]
    }

    /// The URLs of a `srcset` (`a.jpg 1x, b.jpg 2x`).
    static func candidates(inSrcset value: String) -> [String] {
        value.split(separator: ",").compactMap { candidate in
            PageElement.trimmed(String(candidate)).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
                .first.map(String.init)
        }
    }

    private static func check(
        _ url: String, attribute name: String, of element: PageElement, ids: inout Set<String>?, tree: PageTree,
        in context: PageContext
    ) -> Diagnostic? {
        var tag: String { "<\(element.name) \(name)=\"\(PageElement.shortened(url))\">" }
        switch LinkTarget.resolve(url, onPage: context.pagePath, siteURL: context.siteURL) {
        case .external:
            return nil
        case .empty:
            return context.error(line: element.line, "\(tag): the URL is empty")
        case .aboveRoot:
            return context.error(line: element.line, "\(tag): the path goes above the site's root folder")
        case .fragment(let id):
            if id.isEmpty || id == "top" { return nil }
            if ids == nil { ids = Set(tree.elements.compactMap { $0.attribute("id") }) }
            if ids?.contains(LinkTarget.percentDecoded(id)) == true { return nil }
            return context.error(line: element.line, "\(tag): no element on this page has id=\"\(id)\"")
        case .scheme(let scheme):
            return schemeProblem(scheme, url: url, tag: tag, element: element, in: context)
        case .file(let path):
            if context.allPaths.contains(path) { return nil }
            if context.allPaths.contains(path + "/index.html") {
                return context.warning(
                    line: element.line, "\(tag): \(path) is a folder",
                    hint: "end the link with a slash, /\(path)/, so that no server has to redirect")
            }
            let hint = context.suggestions.suggestion(for: path).map { "did you mean \(urlPath(for: $0))?" }
            return context.error(
                line: element.line, "\(tag): \(path) is not in the output", hint: hint)
        }
    }

    /// `javascript:` is the security rule's business; `data:` is allowed only for images; `mailto:`/`tel:` only in links.
    private static func schemeProblem(
        _ scheme: String, url: String, tag: String, element: PageElement, in context: PageContext
    ) -> Diagnostic? {
        switch scheme {
        case "javascript", "vbscript":
            return nil
        case "data":
            let isImage = ["img", "source"].contains(element.name)
                && LinkTarget.strippedForScheme(url).lowercased().hasPrefix("data:image/")
            return isImage ? nil : context.error(
                line: element.line, "\(tag): data: URLs are allowed only for images",
                hint: "write the content to a file in the output and link to it")
        case "mailto", "tel":
            return ["a", "area"].contains(element.name) ? nil : context.error(
                line: element.line, "\(tag): \(scheme): URLs belong only in <a href>")
        default:
            return context.error(
                line: element.line, "\(tag): \(scheme): URLs are not allowed",
                hint: "use a relative path or an https: URL")
        }
    }

    /// The URL a link would use for an output file: `de/de-de/index.html` is `/de/de-de/`.
    static func urlPath(for path: String) -> String {
        if path == "index.html" { return "/" }
        if path.hasSuffix("/index.html") { return "/" + path.dropLast("index.html".count) }
        return "/" + path
    }
}
