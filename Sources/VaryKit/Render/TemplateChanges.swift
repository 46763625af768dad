import Foundation
import Mustache

/// The templates a build changed since the previous one, when templates are all it changed: then a page whose
/// page template, parents and partials are none of them has the view model and the bytes it had, and is taken
/// over without building its model.
///
/// As for messages (`MessageChanges`), the previous build records its key with the bytes of the templates
/// (`.mustache` files outside `assets/`) left out, and a digest of each template. The view model does not read
/// templates; what it takes from the templates folder is the assets (their fingerprinted URLs) and which
/// optional page templates exist (product pages are planned only with one), and both stay in that key: assets
/// by their bytes, templates by their paths, so a template added or removed builds every page's model.
struct TemplateChanges: Sendable, Hashable {
    /// The changed templates, by name (`partials/card`).
    var changed: Set<String>
    /// The page templates (`pages/landing`) that render a changed template, directly or through a parent or
    /// partial at any depth.
    var reached: Set<String>
    /// Every template's name.
    var names: Set<String>

    /// The changes from `previous` to `current` digests (`digests(of:)`), or nil when a template was added or
    /// removed.
    init?(from previous: [String: String], to current: [String: String], templates: SourceFiles) {
        guard Set(previous.keys) == Set(current.keys) else { return nil }
        changed = Set(current.keys.filter { previous[$0] != current[$0] }.map(TemplateChanges.name))
        var syntax: [String: [TemplateNode]] = [:]
        for path in current.keys {
            guard let text = templates.files[path].flatMap({ String(validating: $0, as: UTF8.self) }) else { return nil }
            syntax[TemplateChanges.name(path)] = TemplateLibrary.syntax(of: text)
        }
        names = Set(current.keys.map(TemplateChanges.name))
        var reached: Set<String> = []
        for page in names where page.hasPrefix("pages/") {
            var seen: Set<String> = []
            if TemplateChanges.renders(page, changed, syntax: syntax, seen: &seen) { reached.insert(page) }
        }
        self.reached = reached
    }

    /// Whether a page rendered with `template` can render a changed template (an unknown one may).
    func reach(_ template: String) -> Bool {
        !changed.isEmpty && (reached.contains(template) || !names.contains(template))
    }

    /// Whether `name` is changed or includes a changed template; a template that cannot be read, or a dynamic
    /// name, counts as changed.
    private static func renders(_ name: String, _ changed: Set<String>, syntax: [String: [TemplateNode]],
                                seen: inout Set<String>) -> Bool {
        if changed.contains(name) { return true }
        guard seen.insert(name).inserted else { return false }
        guard let nodes = syntax[name] else { return true }
        return includes(nodes, changed, syntax: syntax, seen: &seen)
    }

    private static func includes(_ nodes: [TemplateNode], _ changed: Set<String>, syntax: [String: [TemplateNode]],
                                 seen: inout Set<String>) -> Bool {
        for node in nodes {
            switch node {
            case .text, .variable: continue
            case .section(_, _, let body, _), .block(_, let body, _):
                if includes(body, changed, syntax: syntax, seen: &seen) { return true }
            case .partial(let name, _):
                guard let name else { return true }
                if renders(name, changed, syntax: syntax, seen: &seen) { return true }
            case .parent(let name, let blocks, _):
                guard let name else { return true }
                if renders(name, changed, syntax: syntax, seen: &seen) { return true }
                for block in blocks where includes(block.body, changed, syntax: syntax, seen: &seen) { return true }
            }
        }
        return false
    }

    /// A template's name: its path without `.mustache`.
    static func name(_ path: String) -> String { String(path.dropLast(".mustache".count)) }

    /// The templates of a templates folder: `.mustache` files outside `assets/`, as `SiteTemplates` compiles them.
    static func files(of templates: SourceFiles) -> Set<String> {
        Set(templates.files.keys.filter { !$0.hasPrefix("assets/") && $0.hasSuffix(".mustache") })
    }

    /// Per template path, a digest of its bytes.
    static func digests(of templates: SourceFiles) -> [String: String] {
        files(of: templates).reduce(into: [:]) { $0[$1] = InputsHash.hex(templates.files[$1]!) }
    }
}
