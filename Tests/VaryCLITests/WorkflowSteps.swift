import Foundation

/// The `run:` steps of a GitHub Actions workflow file, read well enough to run them on this machine: a step's
/// script and its `env:` values, and the workflow's own `env:`.
struct WorkflowSteps {
    let lines: [Substring]

    init(_ text: String) { lines = text.split(separator: "\n", omittingEmptySubsequences: false) }

    /// The workflow's top-level `env:` values.
    var environment: [String: String] { map(after: lines.firstIndex { $0 == "env:" }) }

    /// The script and `env:` of the step named `name` in job `job`, or nil when there is no such step with a `run:`.
    func step(_ name: String, in job: String) -> (script: String, environment: [String: String])? {
        guard let jobs = lines.firstIndex(of: "jobs:"),
              let start = lines[jobs...].firstIndex(of: "  \(job):"),
              let named = lines[start...].firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "- name: \(name)" })
        else { return nil }
        let indent = indentation(lines[named]) + 2
        var end = named + 1
        while end < lines.count, lines[end].isEmpty || indentation(lines[end]) >= indent { end += 1 }
        let body = lines[(named + 1)..<end]
        let env = body.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "env:" }
        guard let run = body.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix("run:") }) else { return nil }
        let inline = lines[run].trimmingCharacters(in: .whitespaces).dropFirst("run:".count).trimmingCharacters(in: .whitespaces)
        if inline != "|" { return (inline, map(after: env)) }
        var script: [String] = []
        var index = run + 1
        let blockIndent = indentation(lines[index])
        while index < end, lines[index].isEmpty || indentation(lines[index]) >= blockIndent {
            script.append(String(lines[index].dropFirst(min(blockIndent, lines[index].count))))
            index += 1
        }
        return (script.joined(separator: "\n"), map(after: env))
    }

    /// The `KEY: value` lines indented under the line at `index`.
    private func map(after index: Int?) -> [String: String] {
        guard let index else { return [:] }
        let indent = indentation(lines[index])
        var values: [String: String] = [:]
        for line in lines[(index + 1)...] {
            guard !line.isEmpty, indentation(line) > indent else { break }
            let parts = line.trimmingCharacters(in: .whitespaces).split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            values[String(parts[0])] = parts[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return values
    }

    private func indentation(_ line: Substring) -> Int { line.prefix { $0 == " " }.count }
}

/// Runs a shell script as a workflow's `run:` step does (`bash -e`), or as a container's `command` says
/// (`/bin/sh -c`), returning its exit code and output.
enum Shell {
    @discardableResult
    static func run(_ script: String, in directory: URL, environment: [String: String],
                    shell: [String] = ["/bin/bash", "-e", "-c"]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: shell[0])
        process.arguments = Array(shell.dropFirst()) + [script]
        process.currentDirectoryURL = directory
        var variables = ProcessInfo.processInfo.environment
        for name in ["CI", "GITHUB_ACTIONS", "SOURCE_DATE_EPOCH", "JOB_COMPLETION_INDEX"] { variables[name] = nil }
        variables.merge(environment) { $1 }
        process.environment = variables
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
