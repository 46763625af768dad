/// Checks of a page's document shape: doctype, well-formed tags, language, heading, title, image text.
enum DocumentRules {
    /// Every document-shape problem of one page; `balance` also scans its tags for unclosed and stray ones,
    /// which a page rendered from proven templates cannot have.
    static func check(_ tree: PageTree, bytes: [UInt8], in context: PageContext, balance: Bool = true) -> [Diagnostic] {
        guard tree.parsed else {
            return [context.error(line: 0, "the page is empty or could not be parsed as HTML")]
        }
        var diagnostics: [Diagnostic] = []
        if !startsWithDoctype(bytes) {
            diagnostics.append(context.error(
                line: 1, "the page does not start with <!DOCTYPE html>",
                hint: "without it browsers render the page in quirks mode"))
        }
        for problem in tree.problems {
            diagnostics.append(context.error(
                line: problem.line, column: problem.column, "malformed HTML: \(problem.message)"))
        }
        for problem in balance ? TagBalance.problems(in: bytes) : [] {
            diagnostics.append(context.error(line: problem.line, "malformed HTML: \(problem.message)"))
        }
        diagnostics += language(tree, in: context)
        diagnostics += headings(tree, in: context)
        diagnostics += title(tree, in: context)
        diagnostics += imageText(tree, in: context)
        return diagnostics
    }

    /// True when the bytes begin, after an optional byte order mark and white space, with `<!DOCTYPE html`.
    static func startsWithDoctype(_ bytes: [UInt8]) -> Bool {
        var index = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D, 0x0C].contains(bytes[index]) { index += 1 }
        let expected = Array("<!doctype html".utf8)
        guard bytes.count - index >= expected.count + 1 else { return false }
        for offset in 0..<expected.count {
            let byte = bytes[index + offset]
            let lowered = byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
            if lowered != expected[offset] { return false }
        }
        let after = bytes[index + expected.count]
        return after == UInt8(ascii: ">") || [0x20, 0x09, 0x0A, 0x0D, 0x0C].contains(after)
    }

    static func language(_ tree: PageTree, in context: PageContext) -> [Diagnostic] {
        guard let html = tree.elements(named: "html").first else { return [] }
        var diagnostics: [Diagnostic] = []
        let expected = context.expectedLanguage
        let hint = expected.map { "set lang=\"\($0)\"" } ?? "set lang to the page's locale, such as lang=\"de-DE\""
        switch html.attribute("lang").map(PageElement.trimmed) {
        case nil:
            diagnostics.append(context.error(line: html.line, "<html> has no lang attribute", hint: hint))
        case let lang? where lang.isEmpty:
            diagnostics.append(context.error(line: html.line, "<html> has an empty lang attribute", hint: hint))
        case let lang?:
            if let expected, lang.lowercased() != expected.lowercased() {
                diagnostics.append(context.error(
                    line: html.line, "<html lang=\"\(lang)\"> does not match the page's locale \(expected)", hint: hint))
            }
        }
        if let dir = html.attribute("dir"), dir != "ltr" && dir != "rtl" {
            diagnostics.append(context.error(
                line: html.line, "<html dir=\"\(PageElement.shortened(dir))\"> must be \"ltr\" or \"rtl\""))
        }
        return diagnostics
    }

    static func headings(_ tree: PageTree, in context: PageContext) -> [Diagnostic] {
        let headings = tree.elements(named: "h1")
        guard let first = headings.first else {
            let line = tree.elements(named: "body").first?.line ?? 0
            return [context.error(
                line: line, "the page has no <h1>", hint: "a page has exactly one <h1> saying what it is about")]
        }
        let hint = "use <h2> for section headings"
        return headings.dropFirst().map { extra in
            // A heading the templates write is the template's mistake: reported at its tag, naming the first's.
            if let tag = context.tag(of: extra) {
                let firstPlace = context.tag(of: first).map { "\($0.file(root: context.templatesRoot)):\($0.position.line):\($0.position.column)" }
                return context.error(
                    at: tag, "a second <h1> (the first is at \(firstPlace ?? "line \(first.line) of the page")); a page has exactly one <h1>",
                    hint: hint)
            }
            return context.error(
                line: extra.line, "a second <h1> (the first is on line \(first.line)); a page has exactly one <h1>", hint: hint)
        }
    }

    static func title(_ tree: PageTree, in context: PageContext) -> [Diagnostic] {
        let titles = tree.elements(named: "title")
        guard let title = titles.first else {
            let line = tree.elements(named: "head").first?.line ?? 0
            return [context.error(line: line, "the page has no <title>")]
        }
        var diagnostics: [Diagnostic] = []
        if (title.text ?? "").allSatisfy(\.isWhitespace) {
            diagnostics.append(context.error(line: title.line, "<title> is empty"))
        }
        for extra in titles.dropFirst() {
            diagnostics.append(context.error(
                line: extra.line, "a second <title> (the first is on line \(title.line)); a page has one title"))
        }
        return diagnostics
    }

    /// Every `<img>` needs alt text; an empty alt is accepted only for an image marked decorative with
    /// `aria-hidden="true"`. HTML forbids any `role` on an `<img alt="">` (the Nu checker's error), so the
    /// older `role="presentation"` marking is reported with the valid one.
    static func imageText(_ tree: PageTree, in context: PageContext) -> [Diagnostic] {
        let hint = "describe the image, or mark a decorative one with alt=\"\" aria-hidden=\"true\""
        var diagnostics: [Diagnostic] = []
        for image in tree.elements(named: "img") {
            // When the template writes the alt (or leaves it out), the problem is the template's: reported at its
            // tag, once for all pages. When data writes it, the problem is the data's and stays on the page.
            let templateTag = context.tag(of: image).flatMap { $0.writesLiterally("alt") ? $0 : nil }
            // Made only for a message: most images have none.
            var tag: String { templateTag?.source ?? image.startTag(showing: ["src"]) }
            func report(_ message: String, hint: String) {
                diagnostics.append(templateTag.map { context.error(at: $0, message, hint: hint) }
                    ?? context.error(line: image.line, message, hint: hint))
            }
            guard let alt = image.attribute("alt") else {
                report("\(tag) has no alt attribute", hint: hint)
                continue
            }
            guard alt.allSatisfy(\.isWhitespace) else { continue }
            if image.attribute("role") != nil {
                report("\(tag) has an empty alt and a role attribute, which HTML does not allow",
                       hint: "remove the role; mark a decorative image with alt=\"\" aria-hidden=\"true\"")
            } else if image.attribute("aria-hidden")?.lowercased() != "true" {
                // An empty text the catalog gives a product image is reported where the catalog names the image.
                if templateTag == nil, let place = image.attribute("src").flatMap({ context.contentImages[$0] }) {
                    diagnostics.append(context.error(
                        at: place, "the product image has an empty alt text on its pages",
                        hint: "describe the image in image.alt, in every locale the product is shown in"))
                } else {
                    report("\(tag) has an empty alt attribute", hint: hint)
                }
            }
        }
        return diagnostics
    }
}
