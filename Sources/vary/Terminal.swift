import Foundation
import VaryKit

/// Printing to the terminal or a CI log.
enum Terminal {
    /// Whether this runs under CI (`CI=true` or `CI=1`), which also makes builds strict.
    static var isCI: Bool { ["true", "1"].contains(ProcessInfo.processInfo.environment["CI"]?.lowercased() ?? "") }

    /// Whether output goes to a person at a terminal rather than a CI log.
    static var isInteractive: Bool { isatty(STDERR_FILENO) == 1 && !isCI }

    static var isGitHubActions: Bool { ProcessInfo.processInfo.environment["GITHUB_ACTIONS"] == "true" }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Diagnostics in compiler form, and as GitHub annotations when running there.
    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            error(diagnostic.description)
            if isGitHubActions {
                let kind = diagnostic.severity == .error ? "error" : "warning"
                var location = "file=\(diagnostic.file)"
                if diagnostic.line > 0 { location += ",line=\(diagnostic.line)" }
                if diagnostic.column > 0 { location += ",col=\(diagnostic.column)" }
                Swift.print("::\(kind) \(location)::\(annotationEscaped(diagnostic.message))")
            }
        }
    }

    private static func annotationEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
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
        return object
    }
}
