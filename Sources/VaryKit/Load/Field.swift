import Foundation
import DataFormats
import Intl

/// A JSON value being decoded, with its path and file, reporting type problems to a shared log.
struct Field {
    let node: JSONNode
    let file: String
    let log: DiagnosticLog
    /// The path of the value this one is in (or this one's, when `step` is nil) and the key or index that leads
    /// here: a path is only made when a message or a location needs it, not for every member decoded.
    private let base: String
    private let step: Step?

    private enum Step {
        case key(String)
        case index(Int)
    }

    init(node: JSONNode, path: String, file: String, log: DiagnosticLog) {
        self.init(node: node, base: path, step: nil, file: file, log: log)
    }

    private init(node: JSONNode, base: String, step: Step?, file: String, log: DiagnosticLog) {
        self.node = node
        self.base = base
        self.step = step
        self.file = file
        self.log = log
    }

    /// The JSON path of this value, `products[3].title.en`.
    var path: String {
        switch step {
        case nil: base
        case .key(let key): base.isEmpty ? key : "\(base).\(key)"
        case .index(let index): "\(base)[\(index)]"
        }
    }

    /// A member or element of this value.
    private func child(_ node: JSONNode, _ step: Step, path: String) -> Field {
        Field(node: node, base: path, step: step, file: file, log: log)
    }

    /// A member of an object, its key's place reported on demand.
    struct Member {
        let key: String
        let value: Field
        let keyPosition: TextPosition

        var keyLocation: SourceLocation {
            SourceLocation(file: value.file, line: keyPosition.line, column: keyPosition.column, path: value.path)
        }
    }

    var location: SourceLocation {
        SourceLocation(file: file, line: node.position.line, column: node.position.column, path: path)
    }

    func error(_ message: String, hint: String? = nil) {
        log.add(location.error(message, hint: hint))
    }

    func warning(_ message: String, hint: String? = nil) {
        log.add(location.warning(message, hint: hint))
    }

    private func typeError(_ expected: String) {
        error("expected \(expected), found \(node.typeName)")
    }

    // MARK: Members

    /// The member with this key, or nil when absent (an explicit `null` counts as absent).
    func optional(_ key: String) -> Field? {
        guard let child = node[key] else { return nil }
        if case .null = child.value { return nil }
        return self.child(child, .key(key), path: path)
    }

    /// The member with this key, reporting it missing otherwise.
    func required(_ key: String) -> Field? {
        guard node.members != nil else { return nil }
        if let field = optional(key) { return field }
        error("missing required field '\(key)'")
        return nil
    }

    /// The members of an object in source order, reporting a non-object.
    var members: [Member]? {
        guard let members = node.members else {
            typeError("an object")
            return nil
        }
        let path = path
        return members.map { member in
            Member(key: member.key, value: child(member.value, .key(member.key), path: path), keyPosition: member.keyPosition)
        }
    }

    /// The elements of an array, reporting a non-array.
    var elements: [Field]? {
        guard let items = node.array else {
            typeError("an array")
            return nil
        }
        let path = path
        return items.enumerated().map { index, item in child(item, .index(index), path: path) }
    }

    /// Reports members this decoder does not know, suggesting the closest known name (a likely typo).
    func rejectUnknownKeys(_ known: [String]) {
        guard let members = node.members else { return }
        var seen: Set<String> = []
        for member in members {
            let location = SourceLocation(
                file: file, line: member.keyPosition.line, column: member.keyPosition.column,
                path: path.isEmpty ? member.key : "\(path).\(member.key)")
            if !seen.insert(member.key).inserted {
                log.add(location.error("duplicate field '\(member.key)'"))
            } else if !known.contains(member.key) {
                log.add(location.warning(
                    "unknown field '\(member.key)' is ignored", hint: Suggestion.hint(for: member.key, among: known)))
            }
        }
    }

    // MARK: Scalars

    var string: String? {
        guard let text = node.string else {
            typeError("a string")
            return nil
        }
        return text
    }

    var nonEmptyString: String? {
        guard let text = string else { return nil }
        if text.trimmingCharacters(in: .whitespaces).isEmpty {
            error("must not be empty")
            return nil
        }
        return text
    }

    var bool: Bool? {
        guard let value = node.bool else {
            typeError("true or false")
            return nil
        }
        return value
    }

    var double: Double? {
        guard let value = node.double else {
            typeError("a number")
            return nil
        }
        return value
    }

    var int: Int? {
        guard case .number(let literal) = node.value else {
            typeError("an integer")
            return nil
        }
        guard let value = node.int else {
            error("\(literal) is not a whole number")
            return nil
        }
        return value
    }

    /// A number within a closed range, reporting one outside it.
    func double(in range: ClosedRange<Double>) -> Double? {
        guard let value = double else { return nil }
        guard range.contains(value) else {
            error("\(value) is outside \(range.lowerBound)…\(range.upperBound)")
            return nil
        }
        return value
    }

    /// An integer within a closed range, reporting one outside it.
    func int(in range: ClosedRange<Int>) -> Int? {
        guard let value = int else { return nil }
        guard range.contains(value) else {
            error("\(value) is outside \(range.lowerBound)…\(range.upperBound)")
            return nil
        }
        return value
    }

    var strings: [String]? {
        elements?.compactMap { $0.string }
    }
}
