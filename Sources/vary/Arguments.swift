/// A command line's options, read one flag at a time; unknown flags are usage errors.
struct Arguments {
    private var remaining: [String]

    init(_ arguments: [String]) { remaining = arguments }

    /// Removes `--name VALUE` or `--name=VALUE` and returns the value.
    mutating func value(_ name: String) throws(UsageError) -> String? {
        guard let index = remaining.firstIndex(where: { $0 == name || $0.hasPrefix(name + "=") }) else { return nil }
        let flag = remaining.remove(at: index)
        if flag.count > name.count { return String(flag.dropFirst(name.count + 1)) }
        guard index < remaining.count, !remaining[index].hasPrefix("--") else {
            throw UsageError("\(name) needs a value")
        }
        return remaining.remove(at: index)
    }

    /// Removes `--name` and says whether it was there.
    mutating func flag(_ name: String) -> Bool {
        guard let index = remaining.firstIndex(of: name) else { return false }
        remaining.remove(at: index)
        return true
    }

    /// Fails on anything not consumed.
    func finish() throws(UsageError) {
        if let extra = remaining.first { throw UsageError("unknown argument '\(extra)'") }
    }
}

/// A mistake in how the command was called (exit code 2).
struct UsageError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// `--format text|json`.
enum OutputFormat: String {
    case text, json

    static func parse(_ text: String?) throws(UsageError) -> OutputFormat {
        guard let text else { return .text }
        guard let format = OutputFormat(rawValue: text) else { throw UsageError("--format must be text or json") }
        return format
    }
}
