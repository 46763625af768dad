import Foundation
import Mustache
import Testing

/// One case of the official Mustache specification, loaded from its JSON file.
struct SpecCase: Sendable, CustomTestStringConvertible {
    var module: String
    var name: String
    var template: String
    var partials: [String: String]
    var data: Value
    var expected: String

    var testDescription: String { "\(module): \(name)" }
}

/// Finds and loads the specification's JSON files, once per test run.
enum SpecSuite {
    /// The modules Vary implements; every one of them must be present.
    static let modules = [
        "comments", "delimiters", "interpolation", "inverted", "partials", "sections",
        "~inheritance", "~dynamic-names",
    ]

    /// `MUSTACHE_SPEC_DIR`, else `../shared/mustache-spec` beside the package root.
    static let directory: URL = {
        if let configured = ProcessInfo.processInfo.environment["MUSTACHE_SPEC_DIR"], !configured.isEmpty {
            return URL(fileURLWithPath: configured, isDirectory: true)
        }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Infrastructure
            .deletingLastPathComponent()  // MustacheTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/mustache-spec", isDirectory: true)
    }()

    static var isPresent: Bool { FileManager.default.fileExists(atPath: directory.path) }

    /// Whether a missing suite must fail the run rather than be skipped.
    static var isRequired: Bool { ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false }

    /// Every case of every module, or none when the folder is missing.
    static let cases: [SpecCase] = modules.flatMap { (try? load(module: $0)) ?? [] }

    /// The cases of one module; throws when its file is missing or malformed.
    static func load(module: String) throws -> [SpecCase] {
        let url = directory.appendingPathComponent(module + ".json")
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        guard let object = root as? [String: Any], let tests = object["tests"] as? [[String: Any]] else {
            throw SpecFileError(path: url.path)
        }
        return try tests.map { test in
            guard let name = test["name"] as? String, let template = test["template"] as? String,
                  let expected = test["expected"] as? String else { throw SpecFileError(path: url.path) }
            return SpecCase(
                module: module.hasPrefix("~") ? String(module.dropFirst()) : module, name: name,
                template: template, partials: test["partials"] as? [String: String] ?? [:],
                data: value(fromJSON: test["data"] ?? NSNull()), expected: expected)
        }
    }

    /// Converts what `JSONSerialization` returns into a `Value`.
    static func value(fromJSON any: Any) -> Value {
        switch any {
        case let text as String:
            return .string(text)
        case let number as NSNumber:
            switch String(cString: number.objCType) {
            case "c": return .bool(number.boolValue)
            case "d", "f": return .double(number.doubleValue)
            default: return .int(number.intValue)
            }
        case let items as [Any]:
            return .list(items.map(value(fromJSON:)))
        case let fields as [String: Any]:
            return .object(fields.mapValues(value(fromJSON:)))
        default:
            return .null
        }
    }
}

struct SpecFileError: Error, CustomStringConvertible {
    var path: String
    var description: String { "\(path) is not a Mustache specification file" }
}
