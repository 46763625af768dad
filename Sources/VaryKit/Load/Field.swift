import Foundation
import DataFormats
import Intl

/// A JSON value being decoded, with its path and file, reporting type problems to a shared log.
struct Field {
    let node: JSONNode
    let path: String
    let file: String
    let log: DiagnosticLog

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
        return Field(node: child, path: path.isEmpty ? key : "\(path).\(key)", file: file, log: log)
    }

    /// The member with this key, reporting it missing otherwise.
    func required(_ key: String) -> Field? {
        guard node.members != nil else { return nil }
        if let field = optional(key) { return field }
        error("missing required field '\(key)'")
        return nil
    }

    /// The members of an object in source order, reporting a non-object.
    var members: [(key: String, keyLocation: SourceLocation, value: Field)]? {
        guard let members = node.members else {
            typeError("an object")
            return nil
        }
        return members.map { member in
            let childPath = path.isEmpty ? member.key : "\(path).\(member.key)"
            let keyLocation = SourceLocation(
                file: file, line: member.keyPosition.line, column: member.keyPosition.column, path: childPath)
            return (member.key, keyLocation, Field(node: member.value, path: childPath, file: file, log: log))
        }
    }

    /// The elements of an array, reporting a non-array.
    var elements: [Field]? {
        guard let items = node.array else {
            typeError("an array")
            return nil
        }
        return items.enumerated().map { index, item in
            Field(node: item, path: "\(path)[\(index)]", file: file, log: log)
        }
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
