import Foundation
import VaryKit

/// Printing to the terminal or a CI log.
enum Terminal {
    /// Whether this runs under CI (`CI=true` or `CI=1`), which also makes builds strict.
    static let isCI = ["true", "1"].contains(ProcessInfo.processInfo.environment["CI"]?.lowercased() ?? "")

    /// Whether output goes to a person at a terminal rather than a CI log.
    static var isInteractive: Bool { isatty(STDERR_FILENO) == 1 && !isCI }

    /// Read once: the environment is a new dictionary on every read, and a build may print thousands of warnings.
    static let isGitHubActions = ProcessInfo.processInfo.environment["GITHUB_ACTIONS"] == "true"

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Diagnostics in compiler form (with the source line under a syntax error), and as GitHub annotations on
    /// standard output when running there.
    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            error(diagnostic.description)
            if let excerpt = diagnostic.excerpt { error(excerpt) }
            if isGitHubActions { Swift.print(annotation(diagnostic)) }
        }
    }

    /// GitHub annotations alone, on standard error, for `--format json`, whose standard output is the JSON
    /// (the runner reads workflow commands from both streams).
    static func annotate(_ diagnostics: [Diagnostic]) {
        guard isGitHubActions else { return }
        for diagnostic in diagnostics { error(annotation(diagnostic)) }
    }

    /// `::error file=content/site.json,line=3,col=5::message (hint)`. The file is given only when it lies in the
    /// repository (`GITHUB_WORKSPACE`, else the working directory), relative to it, as GitHub needs to place it.
    static func annotation(_ diagnostic: Diagnostic) -> String {
        let kind = diagnostic.severity == .error ? "error" : "warning"
        var properties: [String] = []
        var message = diagnostic.path.isEmpty ? diagnostic.message : "\(diagnostic.path): \(diagnostic.message)"
        if let affected = diagnostic.affected { message += " [\(affected)]" }
        if let hint = diagnostic.hint { message += " (\(hint))" }
        if let file = repositoryPath(diagnostic.file) {
            properties.append("file=\(escaped(file, property: true))")
            if diagnostic.line > 0 { properties.append("line=\(diagnostic.line)") }
            if diagnostic.column > 0 { properties.append("col=\(diagnostic.column)") }
        } else {
            message = "\(diagnostic.file): " + message
        }
        let head = properties.isEmpty ? "::\(kind)" : "::\(kind) \(properties.joined(separator: ","))"
        return "\(head)::\(escaped(message, property: false))"
    }

    /// A path relative to the repository, or nil when it is outside it.
    static func repositoryPath(_ file: String) -> String? {
        let environment = ProcessInfo.processInfo.environment
        let current = FileManager.default.currentDirectoryPath
        let root = URL(fileURLWithPath: environment["GITHUB_WORKSPACE"] ?? current).standardizedFileURL.path
        let absolute = URL(fileURLWithPath: file, relativeTo: URL(fileURLWithPath: current + "/")).standardizedFileURL.path
        guard absolute.hasPrefix(root.hasSuffix("/") ? root : root + "/") else { return nil }
        return String(absolute.dropFirst(root.hasSuffix("/") ? root.count : root.count + 1))
    }

    /// Workflow-command escaping: `%`, CR and LF everywhere, and `:` and `,` in property values.
    private static func escaped(_ text: String, property: Bool) -> String {
        var text = text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
        if property { text = text.replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C") }
        return text
    }

    /// A one-line progress bar redrawn in place.
    static func progressBar(done: Int, total: Int) {
        let width = 30
        let filled = total == 0 ? width : done * width / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r  render \(bar) \(done)/\(total)".utf8))
        if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}

/// JSON output for `--format json`, with sorted keys so that it is stable.
enum JSONOutput {
    static func print(_ object: [String: Any]) {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        Swift.print(String(decoding: data, as: UTF8.self))
    }

    static func diagnostic(_ diagnostic: Diagnostic) -> [String: Any] {
        var object: [String: Any] = [
            "severity": diagnostic.severity.rawValue, "file": diagnostic.file, "line": diagnostic.line,
            "column": diagnostic.column, "message": diagnostic.message, "text": diagnostic.description,
        ]
        if !diagnostic.path.isEmpty { object["path"] = diagnostic.path }
        if let hint = diagnostic.hint { object["hint"] = hint }
        if let excerpt = diagnostic.excerpt { object["excerpt"] = excerpt }
        if let example = diagnostic.examplePage, diagnostic.pages > 0 {
            object["pages"] = diagnostic.pages
            object["examplePage"] = example
        }
        return object
    }
}
