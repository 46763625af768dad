import Mustache
import Testing

/// The error lines a set of sources compiles to, or an empty list when it compiles.
func compileErrors(_ sources: [String: String], requireKnownPartials: Bool = false) -> [String] {
    do {
        _ = try TemplateLibrary(sources: sources, requireKnownPartials: requireKnownPartials)
        return []
    } catch {
        return error.errors.map(\.description)
    }
}

/// Renders `template` (with `partials`) over `context` as text.
func render(_ template: String, _ context: Value = [:], partials: [String: String] = [:], strict: Bool = false) throws -> String {
    var sources = partials
    sources["page"] = template
    return try TemplateLibrary(sources: sources).renderString("page", context, strict: strict)
}

/// The message of the render error that rendering throws, or nil when it renders.
func renderError(_ sources: [String: String], _ name: String, _ context: Value) throws -> String? {
    let library = try TemplateLibrary(sources: sources)
    do {
        _ = try library.render(name, context, strict: true)
        return nil
    } catch {
        return error.description
    }
}
