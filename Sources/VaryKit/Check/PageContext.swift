/// What the rules know about the page they check and the site around it.
struct PageContext: Sendable {
    /// The page's file as printed in diagnostics, `output/de/de-de/index.html`.
    var file: String
    /// The page's path relative to the output folder.
    var pagePath: String
    /// The locale the page was rendered for, when known.
    var expectedLanguage: String?
    /// Every file of the output, relative to the output folder.
    var allPaths: Set<String>
    /// The site's own absolute URL, so that absolute links to it are checked like local ones.
    var siteURL: String?
    /// Finds the closest existing path for a broken link.
    var suggestions: PathSuggestions
    /// The literal `<img>` and `<h1>` tags of the page's templates, and the templates folder as printed.
    var traced: [TemplateTag] = []
    var templatesRoot = ""
    /// Where the catalog names each product image, by the URL pages show it at.
    var contentImages: [String: SourceLocation] = [:]

    /// The template tag a page element was rendered from, when its templates write it literally.
    func tag(of element: PageElement) -> TemplateTag? {
        traced.first { $0.matches(element) }
    }

    /// An error at a template tag, found on this page: merged with the same error on other pages afterwards.
    func error(at tag: TemplateTag, _ message: String, hint: String? = nil) -> Diagnostic {
        error(at: SourceLocation(file: tag.file(root: templatesRoot), line: tag.position.line, column: tag.position.column),
              message, hint: hint)
    }

    /// An error at the template or content place that caused it, found on this page (merged afterwards).
    func error(at place: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        var diagnostic = place.error(message, hint: hint)
        diagnostic.pages = 1
        diagnostic.examplePage = file
        return diagnostic
    }

    /// An error at `line` of this page.
    func error(line: Int, column: Int = 0, path: String = "", _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, file: file, line: line, column: column, path: path, message: message, hint: hint)
    }

    /// A warning at `line` of this page.
    func warning(line: Int, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, file: file, line: line, message: message, hint: hint)
    }
}
