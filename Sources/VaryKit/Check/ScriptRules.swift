import Foundation

/// Security checks: no inline event handlers, no `javascript:` URLs, and scripts only as JSON-LD or local files.
///
/// Vary's templates never need inline script, so any found is content that escaped escaping.
enum ScriptRules {
    /// Attributes whose value a browser may treat as a URL to navigate to or load.
    static let urlAttributes: Set<String> = [
        "href", "src", "action", "formaction", "poster", "cite", "background", "data", "xlink:href", "srcdoc",
    ]

    /// `name.hasPrefix("on")`, asked only of a name whose first byte is an `o`: most are not.
    static func isEventHandler(_ name: String) -> Bool {
        name.utf8.first == UInt8(ascii: "o") && name.hasPrefix("on")
    }

    /// True for `<script type="application/ld+json">`.
    static func isJSONLD(_ script: PageElement) -> Bool {
        PageElement.trimmed(script.attribute("type") ?? "").lowercased() == "application/ld+json"
    }

    /// True for a data block, `<script type="application/json">`, which browsers never run.
    static func isJSONData(_ script: PageElement) -> Bool {
        PageElement.trimmed(script.attribute("type") ?? "").lowercased() == "application/json"
    }

    /// Every security problem of one page.
    static func check(_ tree: PageTree, in context: PageContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for element in tree.elements {
            for attribute in element.attributes {
                if isEventHandler(attribute.name) {
                    diagnostics.append(context.error(
                        line: element.line,
                        "<\(element.name) \(attribute.name)=\"\(PageElement.shortened(attribute.value, limit: 40))\"> is an inline event handler",
                        hint: "content must be HTML-escaped, and scripts must come from files"))
                } else if PageScanner.isURLAttribute(attribute.name) {
                    let url = LinkTarget.strippedForScheme(attribute.value)
                    let scheme = LinkTarget.scheme(of: url)
                    if scheme == "javascript" || scheme == "vbscript" {
                        diagnostics.append(context.error(
                            line: element.line,
                            "<\(element.name) \(attribute.name)=\"\(PageElement.shortened(url, limit: 40))\"> runs script",
                            hint: "URLs from content must be relative or https:/http:"))
                    }
                }
            }
            if element.name == "script" {
                diagnostics += script(element, in: context)
            }
        }
        return diagnostics
    }

    /// A data block must be JSON that cannot close its element: no raw `<`, no `src`.
    private static func dataBlock(_ script: PageElement, in context: PageContext) -> [Diagnostic] {
        let text = script.text ?? ""
        if script.attribute("src") != nil {
            return [context.error(line: script.line, "a data block (<script type=\"application/json\">) cannot load a file")]
        }
        if text.containsByte(UInt8(ascii: "<")) {
            return [context.error(line: script.line, "a data block contains a raw \"<\"",
                                  hint: "escape it as \\u003c so that no content can close the <script>")]
        }
        if (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) == nil {
            return [context.error(line: script.line, "a data block (<script type=\"application/json\">) is not valid JSON")]
        }
        return []
    }

    private static func script(_ script: PageElement, in context: PageContext) -> [Diagnostic] {
        if isJSONLD(script) { return [] }
        if isJSONData(script) { return dataBlock(script, in: context) }
        guard let src = script.attribute("src") else {
            return [context.error(
                line: script.line, "an inline <script> is not allowed",
                hint: "only JSON-LD (type=\"application/ld+json\") or a script file from the output may appear")]
        }
        switch LinkTarget.resolve(src, onPage: context.pagePath, siteURL: context.siteURL) {
        case .file:
            if !(script.text ?? "").allSatisfy(\.isWhitespace) {
                return [context.error(line: script.line, "<script src=\"\(PageElement.shortened(src))\"> also has inline code")]
            }
            return []
        case .scheme("javascript"), .scheme("vbscript"):
            return []
        default:
            return [context.error(
                line: script.line, "<script src=\"\(PageElement.shortened(src))\"> does not load a file of the output",
                hint: "ship scripts as fingerprinted files under /assets/")]
        }
    }
}
