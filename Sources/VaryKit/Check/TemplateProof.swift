import Mustache

/// Proves, once per build, what every rendering of the page templates will be, whatever the data: every tag's
/// value lands in an HTML context where escaping makes it inert, and every section, inverted section, block and
/// partial body is a balanced fragment, so the page is well-formed however often each section renders.
///
/// The analysis follows Go's `html/template`: it walks each page template with its parent, blocks and partials
/// expanded in place, tracking the HTML tokenizer's context (`HTMLContext`) across literal text. `{{x}}` is
/// allowed in text, in escapable raw text (`<title>`) and inside quoted attribute values, except event handlers
/// (`on…`), `style` and `srcdoc`; `{{{x}}}` only for Vary's script-safe JSON inside
/// `<script type="application/ld+json">` (`page.jsonLD`) and `<script type="application/json">` (`configurator.data`). Anything it cannot prove is an error at the tag's file, line and column.
struct TemplateProof {
    /// Names whose values Vary makes safe inside `<script type="application/ld+json">`.
    static let scriptSafeNames: Set<String> = ["page.jsonLD"]
    /// Names whose values Vary makes safe inside a data block, `<script type="application/json">`.
    static let scriptSafeDataNames: Set<String> = ["configurator.data"]

    /// What the proof found for one page template.
    struct Result: Sendable {
        var problems: [TemplateError] = []
        /// The message ids (`offer.code`) the template reads under `t`, and the prefixes whose every id it may read.
        var messages = MessageUse()
        /// The `<img>` and `<h1>` start tags the page's templates write literally, in page order.
        var tags: [TemplateTag] = []
    }

    /// The messages a template reads: exact ids, whole subtrees, or all of them.
    struct MessageUse: Sendable, Hashable {
        var ids: Set<String> = []
        var prefixes: Set<String> = []
        var all = false

        /// Whether a page reading these messages depends on message `id`.
        func contains(_ id: String) -> Bool {
            if all || ids.contains(id) { return true }
            return prefixes.contains { id == $0 || id.hasPrefix($0 + ".") }
        }
    }

    private let syntax: [String: [TemplateNode]]

    /// Prepares the analysis over a library's sources, keyed by template name.
    init(sources: [String: String]) {
        syntax = sources.compactMapValues(TemplateLibrary.syntax(of:))
    }

    /// Proves one page template, with everything it includes.
    func prove(page name: String) -> Result {
        var walk = Walk(syntax: syntax)
        walk.walk(syntax[name] ?? [], template: name, blocks: [:], depth: 0)
        walk.finishPage(template: name)
        return Result(problems: walk.problems.sorted(), messages: walk.messages, tags: walk.tags)
    }
}

/// One walk over a page template and everything it expands to.
private struct Walk {
    let syntax: [String: [TemplateNode]]
    var context = HTMLContext()
    /// The names of the open elements, outermost first.
    var open: [String] = []
    /// Elements below this index belong to an enclosing fragment, which the current one may not close.
    var floor = 0
    var problems: [TemplateError] = []
    var messages = TemplateProof.MessageUse()
    /// Where the walk is, for problems found in literal text: the innermost tag around or before it.
    var here = (template: "", position: TemplatePosition(line: 1, column: 1))
    private var reported: Set<TemplateError> = []
    /// The traced start tags seen so far (`TemplateTag.traced`).
    var tags: [TemplateTag] = []
    /// The start tag being read: where its `<` is and its bytes so far (0 where a Mustache tag writes).
    private var tagStart: (template: String, position: TemplatePosition)?
    private var tagBytes: [UInt8] = []

    init(syntax: [String: [TemplateNode]]) { self.syntax = syntax }

    /// A block's content to use instead of its default: the passing template's name and the body.
    typealias Override = (template: String, body: [TemplateNode])

    mutating func walk(_ nodes: [TemplateNode], template: String, blocks: [String: Override], depth: Int) {
        for node in nodes {
            // Inside a start tag, whatever a Mustache tag writes is data: a 0 in the tag's bytes.
            if tagStart != nil, !node.isText { tagBytes.append(0) }
            switch node {
            case .text(let bytes, let starts):
                text(bytes, starts: starts, template: template)
            case .variable(let name, let escaped, let position):
                here = (template, position)
                recordMessage(name, section: false)
                variable(name, escaped: escaped, template: template, at: position)
            case .section(let name, let inverted, let body, let position):
                recordMessage(name, section: !inverted)
                fragment("the \(inverted ? "inverted " : "")section '\(name)'", template: template, at: position) { walk in
                    walk.walk(body, template: template, blocks: blocks, depth: depth + 1)
                }
            case .block(let name, let body, let position):
                let chosen = blocks[name] ?? (template, body)
                fragment("the block '\(name)'", template: template, at: position) { walk in
                    walk.walk(chosen.body, template: chosen.template, blocks: blocks, depth: depth + 1)
                }
            case .partial(let name, let position):
                guard let name, let body = syntax[name], depth < 50 else {
                    problem(template, position, name == nil
                        ? "a dynamic partial cannot be proven safe: its template is chosen by data"
                        : "partials nest too deep to be proven (does one include itself?)")
                    continue
                }
                fragment("the partial '\(name)'", template: template, at: position) { walk in
                    walk.walk(body, template: name, blocks: [:], depth: depth + 1)
                }
            case .parent(let name, let passed, let position):
                guard let name, let body = syntax[name], depth < 50 else {
                    problem(template, position, name == nil
                        ? "a dynamic parent cannot be proven safe: its template is chosen by data"
                        : "parents nest too deep to be proven (does one include itself?)")
                    continue
                }
                // The outermost definition of a block wins, as the inheritance specification says.
                var merged = blocks
                for block in passed where merged[block.name] == nil { merged[block.name] = (template, block.body) }
                here = (template, position)
                walk(body, template: name, blocks: merged, depth: depth + 1)
            }
        }
    }

    /// Walks a body that renders any number of times: it must end in the context it started in, with every
    /// element it opened closed and none closed that it did not open.
    private mutating func fragment(_ what: String, template: String, at position: TemplatePosition, body: (inout Walk) -> Void) {
        here = (template, position)
        let entry = context
        let savedFloor = floor
        floor = open.count
        body(&self)
        if !context.agrees(with: entry) {
            problem(template, position, "\(what) starts \(describe(entry)) but ends \(describe(context)), so a rendering that "
                    + "repeats or skips it is malformed", hint: "open and close tags and quotes inside the section")
            context = entry
        }
        if open.count > floor {
            let names = open[floor...].map { "<\($0)>" }.joined(separator: ", ")
            problem(template, position, "\(what) leaves \(names) open", hint: "close inside the section what it opens")
            open.removeLast(open.count - floor)
        }
        floor = savedFloor
        here = (template, position)
    }

    mutating func finishPage(template: String) {
        if context.mode != .text {
            problem(here.template, here.position, "the page ends \(describe(context))")
        }
        let unclosed = open.filter { !TagBalance.optionalEnd.contains($0) }
        if !unclosed.isEmpty {
            problem(template, TemplatePosition(line: 1, column: 1),
                    "the page leaves \(unclosed.map { "<\($0)>" }.joined(separator: ", ")) open")
        }
    }

    private mutating func text(_ bytes: [UInt8], starts: [TextStart], template: String) {
        var events: [HTMLEvent] = []
        for (index, byte) in bytes.enumerated() {
            if context.mode == .text, byte == UInt8(ascii: "<") {
                tagStart = (template, Self.position(of: index, in: bytes, starts: starts))
                tagBytes = []
            }
            if tagStart != nil { tagBytes.append(byte) }
            context.consume([byte]) { events.append($0) }
            for event in events { element(event) }
            events.removeAll(keepingCapacity: true)
            if context.mode == .text || context.mode == .rawText { tagStart = nil }
        }
    }

    /// The source position of a byte of a text node, from the starts of its runs (columns in characters).
    private static func position(of index: Int, in bytes: [UInt8], starts: [TextStart]) -> TemplatePosition {
        guard let start = starts.last(where: { $0.offset <= index }) else { return TemplatePosition(line: 1, column: 1) }
        let characters = bytes[start.offset..<index].filter { $0 & 0xC0 != 0x80 }.count
        return TemplatePosition(line: start.position.line, column: start.position.column + characters)
    }

    private mutating func element(_ event: HTMLEvent) {
        switch event {
        case .start(let name, let selfClosing):
            if TemplateTag.traced.contains(name), let start = tagStart, let attributes = TemplateTag.attributes(of: tagBytes) {
                tags.append(TemplateTag(name: name, template: start.template, position: start.position, attributes: attributes))
            }
            if HTMLContext.rawTextElements.contains(name) || TagBalance.voidElements.contains(name) || selfClosing { return }
            open.append(name)
        case .end(let name):
            if HTMLContext.rawTextElements.contains(name) || TagBalance.voidElements.contains(name) { return }
            var index = open.count - 1
            while index >= floor, open[index] != name, TagBalance.optionalEnd.contains(open[index]) { index -= 1 }
            if index >= floor, open[index] == name {
                open.removeLast(open.count - index)
            } else if index >= floor {
                problem(here.template, here.position, "</\(name)> does not close the open <\(open[index])>")
            } else {
                problem(here.template, here.position, floor > 0
                    ? "</\(name)> closes an element opened outside this section, block or partial"
                    : "</\(name)> has no open <\(name)> to close")
            }
        }
    }

    private mutating func variable(_ name: String, escaped: Bool, template: String, at position: TemplatePosition) {
        let raw = "{{{\(name)}}}"
        switch context.mode {
        case .text:
            if !escaped { problem(template, position, "\(raw) writes data into the page as markup", hint: "use {{\(name)}}, which escapes it") }
        case .rawText where HTMLContext.escapableRawText.contains(context.tag):
            if !escaped { problem(template, position, "\(raw) in <\(context.tag)> writes data unescaped", hint: "use {{\(name)}}") }
        case .rawText where context.tag == "script" && context.holdsJSONLD:
            if escaped || !TemplateProof.scriptSafeNames.contains(name) {
                problem(template, position, "only Vary's script-safe JSON may be written inside <script type=\"application/ld+json\">",
                        hint: "embed {{{page.jsonLD}}}")
            }
        case .rawText where context.tag == "script" && context.holdsJSONData:
            if escaped || !TemplateProof.scriptSafeDataNames.contains(name) {
                problem(template, position, "only Vary's script-safe JSON may be written inside <script type=\"application/json\">",
                        hint: "embed {{{configurator.data}}}")
            }
        case .rawText:
            problem(template, position, "a tag inside <\(context.tag)> cannot be escaped for its content",
                    hint: "<script> takes only {{{page.jsonLD}}} in JSON-LD; <style> takes no tags")
        case .doubleQuoted, .singleQuoted:
            let attribute = context.attribute
            if attribute.hasPrefix("on") || attribute == "style" || attribute == "srcdoc" {
                problem(template, position, "\(attribute)=\"…\" holds script, style or markup, which data may not write",
                        hint: "move it to a stylesheet or script file")
            } else if !escaped {
                problem(template, position, "\(raw) in the attribute \(attribute) writes data unescaped", hint: "use {{\(name)}}")
            }
        case .unquoted, .beforeValue:
            problem(template, position, "the value of \(context.attribute) is not quoted, so data could end it",
                    hint: "write \(context.attribute)=\"{{\(name)}}\"")
        case .comment, .declaration, .markup:
            problem(template, position, "a tag inside an HTML comment or declaration", hint: "move it out, or make it a Mustache comment {{! … }}")
        case .tagOpen, .tagName, .inTag, .attributeName, .afterAttributeName:
            problem(template, position, "a tag's name or attributes cannot come from data",
                    hint: "write the attribute in the template and put {{\(name)}} inside its quotes")
        }
        context.consumeValue()
    }

    private mutating func recordMessage(_ name: String, section: Bool) {
        if name == "t" {
            messages.all = true
        } else if name.hasPrefix("t.") {
            let id = String(name.dropFirst(2))
            if section { messages.prefixes.insert(id) } else { messages.ids.insert(id) }
        }
    }

    private func describe(_ context: HTMLContext) -> String {
        switch context.mode {
        case .text: return "in text"
        case .rawText: return "inside <\(context.tag)>"
        case .doubleQuoted, .singleQuoted, .unquoted: return "inside the value of \(context.attribute) in <\(context.tag)>"
        case .comment: return "inside a comment"
        case .declaration, .markup: return "inside a declaration"
        default: return "inside the tag <\(context.isEndTag ? "/" : "")\(context.tag)>"
        }
    }

    private mutating func problem(_ template: String, _ position: TemplatePosition, _ message: String, hint: String? = nil) {
        let error = TemplateError(
            name: template, line: position.line, column: position.column, message: message + (hint.map { " (\($0))" } ?? ""))
        if reported.insert(error).inserted { problems.append(error) }
    }
}

private extension TemplateNode {
    var isText: Bool {
        if case .text = self { return true }
        return false
    }
}
