/// A set of named templates compiled once and rendered many times, from any thread.
///
/// Partials and parents are named by their key in the library (`{{> partials/card}}`, `{{< layouts/base}}`);
/// static names are resolved when the library is built, `{{>*name}}` when it renders.
public struct TemplateLibrary: Sendable {
    private let program: Program

    /// Compiles every template, reporting all problems in all templates at once, sorted by name, line and column.
    /// With `requireKnownPartials`, a partial or parent tag naming a template not in `sources` is an error;
    /// without it such a tag renders nothing, as the Mustache specification says.
    public init(sources: [String: String], requireKnownPartials: Bool = false) throws(TemplateErrors) {
        let names = sources.keys.sorted()
        var problems: [TemplateError] = []
        var trees: [[Node]] = []
        trees.reserveCapacity(names.count)
        for name in names {
            let (tree, found) = Self.parse(Array(sources[name]!.utf8), named: name)
            trees.append(tree)
            problems += found
        }
        var linker = Linker(templateNames: names, requireKnownPartials: requireKnownPartials)
        let program = linker.link(trees)
        problems += linker.problems
        if !problems.isEmpty { throw TemplateErrors(problems) }
        self.program = program
    }

    /// The names of the templates, sorted.
    public var names: [String] { program.templateNames }

    /// Whether the library holds a template with this name.
    public func contains(_ name: String) -> Bool { program.templateIndex[name] != nil }

    /// Renders the named template over `context` into new bytes; with `strict`, a name that resolves to nothing is an error.
    public func render(_ name: String, _ context: Value, strict: Bool = false) throws(RenderError) -> [UInt8] {
        var out: [UInt8] = []
        try render(name, context, strict: strict, into: &out)
        return out
    }

    /// Renders the named template over `context`, appending to `buffer` so a caller can reuse its capacity.
    public func render(_ name: String, _ context: Value, strict: Bool = false, into buffer: inout [UInt8]) throws(RenderError) {
        guard let template = program.templateIndex[name] else {
            throw RenderError(name: name, line: 0, column: 0, message: "no template named '\(name)' in the library")
        }
        var output = OutputBuffer(capacity: 16 * 1024)
        defer { output.release() }
        var renderer = Renderer(program: program, strict: strict)
        try renderer.render(template: template, context: context, into: &output)
        buffer.append(contentsOf: output.bytes)
    }

    /// Renders the named template over `context` as a string, for tests and small outputs.
    public func renderString(_ name: String, _ context: Value, strict: Bool = false) throws(RenderError) -> String {
        String(decoding: try render(name, context, strict: strict), as: UTF8.self)
    }

    /// One template's tree and every problem its scanner, line layout and tree builder found (also for `syntax(of:)`).
    static func parse(_ bytes: [UInt8], named name: String) -> ([Node], [TemplateError]) {
        var scanner = Scanner(bytes)
        scanner.scan()
        let layout = LineLayout(tokens: scanner.tokens, bytes: bytes)
        var builder = TreeBuilder(layout: layout)
        let tree = builder.build()
        let problems = (scanner.problems + layout.problems + builder.problems).map {
            TemplateError(name: name, line: $0.line, column: $0.column, message: $0.message)
        }
        return (tree, problems)
    }
}
