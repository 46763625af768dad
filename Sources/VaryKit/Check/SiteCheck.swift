import Dispatch
import Foundation

/// The check stage: parses every generated page with libxml2 and verifies the site's integrity.
public enum SiteCheck {
    /// Checks pages against each other and the set of all output paths (pages + assets + other files).
    ///
    /// `siteURL` (the site's `baseURL`) lets absolute links to the site itself, such as hreflang
    /// alternates, be checked against the output too. Pages are checked in parallel; the result is sorted.
    public static func check(
        pages: [CheckedPage], allPaths: Set<String>, outputName: String = "output", siteURL: String? = nil,
        depth: CheckDepth = .full
    ) -> [Diagnostic] {
        let checker = PageChecker(allPaths: allPaths, outputName: outputName, siteURL: siteURL, depth: depth)
        var results = [[Diagnostic]](repeating: [], count: pages.count)
        results.withUnsafeMutableBufferPointer { slots in
            let slots = SendableSlots(base: slots.baseAddress)
            DispatchQueue.concurrentPerform(iterations: pages.count) { index in
                slots.base?[index] = checker.check(pages[index])
            }
        }
        return results.flatMap { $0 }.sorted()
    }

    /// Reads an output folder from disk and checks every `.html` file in it (for `vary check --output DIR`).
    ///
    /// The pages' locales are not known here, so `<html lang>` must only be present and non-empty. Each page is
    /// read by the thread that checks it, so memory stays flat however large the output is.
    public static func check(outputDirectory: URL) throws -> [Diagnostic] {
        let paths = try OutputFolder.files(in: outputDirectory)
        let pages = paths.filter { $0.lowercased().hasSuffix(".html") }
        let checker = PageChecker(allPaths: Set(paths), outputName: outputDirectory.standardizedFileURL.lastPathComponent)
        var results = [Result<[Diagnostic], any Error>](repeating: .success([]), count: pages.count)
        results.withUnsafeMutableBufferPointer { slots in
            let slots = SendableSlots(base: slots.baseAddress)
            DispatchQueue.concurrentPerform(iterations: pages.count) { index in
                slots.base?[index] = Result {
                    let data = try Data(contentsOf: outputDirectory.appendingPathComponent(pages[index]))
                    return checker.check(CheckedPage(path: pages[index], bytes: [UInt8](data)))
                }
            }
        }
        var diagnostics: [Diagnostic] = []
        // The first unreadable page in path order is the error, as when pages were read one after another.
        for result in results { diagnostics += try result.get() }
        return diagnostics.sorted()
    }

    /// Every problem of one page; `depth` `.full` parses it with libxml2, `.data` reads a proven page in one pass.
    static func check(_ bytes: [UInt8], in context: PageContext, depth: CheckDepth = .full) -> [Diagnostic] {
        let tree = depth == .full ? PageParser.parse(bytes) : PageScanner.scan(bytes)
        var diagnostics = DocumentRules.check(tree, bytes: bytes, in: context, balance: depth == .full)
        guard tree.parsed else { return diagnostics }
        diagnostics += LinkRules.check(tree, in: context)
        diagnostics += AlternateRules.check(tree, in: context)
        diagnostics += StructuredDataRules.check(tree, in: context)
        diagnostics += ScriptRules.check(tree, in: context)
        return diagnostics
    }
}

/// Checks pages one at a time against the same output, for a build that checks each page as it is rendered.
public struct PageChecker: Sendable {
    let allPaths: Set<String>
    let siteURL: String?
    let prefix: String
    let suggestions: PathSuggestions
    let depth: CheckDepth
    /// Each page template's literal `<img>` and `<h1>` tags (from the template proof), so that a problem one of
    /// them causes is reported at the tag; empty when the templates are not known (`vary check`).
    var templateTags: [String: [TemplateTag]] = [:]
    /// The templates folder as printed in diagnostics.
    var templatesRoot = "site-templates"
    /// Where the catalog names each product image, by the URL pages show it at, so that an empty alt text the
    /// catalog gives is reported there.
    var contentImages: [String: SourceLocation] = [:]

    /// Prepares the lookups shared by every page: the output's paths and their suggestions.
    public init(allPaths: Set<String>, outputName: String = "output", siteURL: String? = nil, depth: CheckDepth = .full) {
        self.allPaths = allPaths
        self.depth = depth
        self.siteURL = siteURL
        prefix = outputName.isEmpty ? "" : (outputName.hasSuffix("/") ? outputName : outputName + "/")
        suggestions = PathSuggestions(paths: allPaths)
    }

    /// Every problem of one page, unsorted.
    public func check(_ page: CheckedPage) -> [Diagnostic] {
        let context = PageContext(
            file: prefix + page.path, pagePath: page.path, expectedLanguage: page.expectedLanguage,
            allPaths: allPaths, siteURL: siteURL, suggestions: suggestions,
            traced: page.template.flatMap { templateTags[$0] } ?? [], templatesRoot: templatesRoot, contentImages: contentImages)
        return SiteCheck.check(page.bytes, in: context, depth: depth)
    }
}

/// Each parallel iteration writes only its own slot, so sharing the base address is safe.
private struct SendableSlots<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>?
}
