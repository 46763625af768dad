import Mustache

/// The render stage's input: the compiled Mustache templates and the static assets of `site-templates/`.
public struct SiteTemplates: Sendable {
    /// The page templates every store must provide, by page kind.
    public static let requiredPages = PageSpec.Kind.allCases.filter { !optionalKinds.contains($0) }.map { "pages/\($0.rawValue)" }
    /// Page kinds a store may leave out: without `pages/product`, no product pages are built; `pages/configure` is
    /// needed only by a store with configurators (validation says so).
    public static let optionalKinds: Set<PageSpec.Kind> = [.product, .configure]

    public let library: TemplateLibrary
    /// Asset path under `assets/` (`css/store.css`) → bytes.
    public let assets: [String: [UInt8]]
    /// The folder name used in diagnostics (`site-templates`).
    public let root: String
    /// The messages each page template reads (`pages/landing` → `offer.code`, …), from the template proof.
    let messageUse: [String: TemplateProof.MessageUse]
    /// The literal `<img>` and `<h1>` tags each page template writes (`TemplateTag`), from the template proof.
    let tags: [String: [TemplateTag]]

    /// The asset paths under `assets/` of a templates folder (`css/store.css`), known even when templates fail to compile.
    public static func assetPaths(_ source: SourceFiles) -> Set<String> {
        Set(source.files.keys.filter { $0.hasPrefix("assets/") }.map { String($0.dropFirst("assets/".count)) })
    }

    /// Compiles every `.mustache` file, named by its path without the extension; reports all template errors.
    public static func load(_ source: SourceFiles) -> (templates: SiteTemplates?, diagnostics: [Diagnostic]) {
        var sources: [String: String] = [:]
        var assets: [String: [UInt8]] = [:]
        var diagnostics: [Diagnostic] = []
        for (path, bytes) in source.files {
            if path.hasPrefix("assets/") {
                assets[String(path.dropFirst("assets/".count))] = bytes
            } else if path.hasSuffix(".mustache") {
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    diagnostics.append(Diagnostic(file: source.displayPath(path), message: "is not valid UTF-8"))
                    continue
                }
                sources[String(path.dropLast(".mustache".count))] = text
            }
        }
        for name in requiredPages where sources[name] == nil {
            diagnostics.append(Diagnostic(file: source.displayPath(name + ".mustache"), message: "missing page template"))
        }
        do {
            let library = try TemplateLibrary(sources: sources, requireKnownPartials: true)
            guard diagnostics.isEmpty else { return (nil, diagnostics) }
            // Every page's HTML structure and escaping is proven here, once, instead of on every page.
            let proof = TemplateProof(sources: sources)
            var messageUse: [String: TemplateProof.MessageUse] = [:]
            var tags: [String: [TemplateTag]] = [:]
            let optional = optionalKinds.map { "pages/\($0.rawValue)" }.filter { sources[$0] != nil }.sorted()
            for name in requiredPages + optional {
                let result = proof.prove(page: name)
                diagnostics += result.problems.map { diagnostic($0, root: source.root) }
                messageUse[name] = result.messages
                // A partial included in several places is walked each time: keep each tag once, in page order.
                var seen: Set<TemplateTag> = []
                tags[name] = result.tags.filter { seen.insert($0).inserted }
            }
            guard diagnostics.isEmpty else { return (nil, diagnostics.sorted()) }
            return (SiteTemplates(library: library, assets: assets, root: source.root, messageUse: messageUse, tags: tags), diagnostics)
        } catch {
            diagnostics += error.errors.map { diagnostic($0, root: source.root) }
            return (nil, diagnostics.sorted())
        }
    }

    /// Whether the templates have a page template for a kind (always, but for `optionalKinds`).
    public func hasPage(_ kind: PageSpec.Kind) -> Bool {
        !SiteTemplates.optionalKinds.contains(kind) || messageUse["pages/\(kind.rawValue)"] != nil
    }

    /// Renders a page's template over its view model; in strict mode a name that resolves to nothing is an error.
    public func render(_ page: PageSpec, model: Value, strict: Bool) -> Result<[UInt8], Diagnostic> {
        do {
            return .success(try library.render("pages/\(page.kind.rawValue)", model, strict: strict))
        } catch {
            var problem = SiteTemplates.diagnostic(error, root: root)
            problem.message += " (rendering \(page.path))"
            return .failure(problem)
        }
    }

    static func diagnostic(_ error: TemplateError, root: String) -> Diagnostic {
        Diagnostic(file: "\(root)/\(error.name).mustache", line: error.line, column: error.column, message: error.message)
    }
}
