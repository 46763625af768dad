/// A problem found by any stage, located in a file so that a person can fix it.
public struct Diagnostic: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// How bad a problem is: errors stop the build, warnings are reported.
    public enum Severity: String, Sendable, Hashable, Codable {
        case error, warning
    }

    public var severity: Severity
    /// The file the problem is in, relative to where the command was run (`content/bundles.json`).
    public var file: String
    /// 1-based line, or 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based column, or 0 when unknown.
    public var column: Int
    /// The JSON path or other locator inside the file (`bundles[1].items[0].product`), or empty.
    public var path: String
    public var message: String
    /// A suggestion, such as the closest known id.
    public var hint: String?
    /// The offending source line with a caret under the column (`SourceExcerpt`), for syntax errors; printed below the
    /// description on a terminal, not part of it.
    public var excerpt: String?
    /// For a problem traced from the pages back to the template that writes it: how many pages show it
    /// (0 for every other problem) and the first of them by path.
    public var pages = 0
    public var examplePage: String?

    public init(
        _ severity: Severity = .error, file: String, line: Int = 0, column: Int = 0,
        path: String = "", message: String, hint: String? = nil
    ) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
        self.hint = hint
    }

    /// `file:line:column: path: message (hint)`, the form compilers use.
    public var description: String {
        var text = file
        if line > 0 {
            text += ":\(line)"
            if column > 0 { text += ":\(column)" }
        }
        text += ": "
        if severity == .warning { text += "warning: " }
        if !path.isEmpty { text += "\(path): " }
        text += message
        if let affected { text += " [\(affected)]" }
        if let hint { text += " (\(hint))" }
        return text
    }

    /// `on 84 pages, e.g. output/de/de-de/index.html` for a problem traced to its template, else nil.
    public var affected: String? {
        guard pages > 0, let examplePage else { return nil }
        return pages == 1 ? "on 1 page, \(examplePage)" : "on \(pages) pages, e.g. \(examplePage)"
    }

    /// The diagnostics with every problem traced to the same template place merged into one, counting the
    /// distinct pages it is on, its example the first of them by path; the others as they are. Sorted.
    public static func mergingTemplatePlaces(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var pagesByPlace: [Diagnostic: Set<String>] = [:]
        var others: [Diagnostic] = []
        for diagnostic in diagnostics {
            guard diagnostic.pages > 0, let page = diagnostic.examplePage else {
                others.append(diagnostic)
                continue
            }
            var place = diagnostic
            place.pages = 0
            place.examplePage = nil
            pagesByPlace[place, default: []].insert(page)
        }
        let merged = pagesByPlace.map { place, pages in
            var diagnostic = place
            diagnostic.pages = pages.count
            diagnostic.examplePage = pages.min()
            return diagnostic
        }
        return (others + merged).sorted()
    }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.file, a.line, a.column, a.path, a.message) < (b.file, b.line, b.column, b.path, b.message)
    }
}

extension Diagnostic: Error {}
