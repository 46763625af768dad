import VaryKit

/// A command line's options, read one flag at a time; unknown flags are usage errors with a suggestion.
struct Arguments {
    private var remaining: [String]
    /// The command's help, whose options are the flags it accepts.
    let help: CommandHelp

    init(_ arguments: [String], help: CommandHelp) {
        remaining = arguments
        self.help = help
    }

    /// Removes `--name VALUE` or `--name=VALUE` and returns the value.
    mutating func value(_ name: String) throws(UsageError) -> String? {
        assert(help.flags.contains(name), "\(name) is missing from the help of vary \(help.name)")
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
        assert(help.flags.contains(name), "\(name) is missing from the help of vary \(help.name)")
        guard let index = remaining.firstIndex(of: name) else { return false }
        remaining.remove(at: index)
        return true
    }

    /// Removes and returns the first argument that is not an option, such as `vary init DIR`'s folder.
    mutating func positional() -> String? {
        guard let index = remaining.firstIndex(where: { !$0.hasPrefix("-") }) else { return nil }
        return remaining.remove(at: index)
    }

    /// Fails on anything not consumed, suggesting the closest option.
    func finish() throws(UsageError) {
        guard let extra = remaining.first else { return }
        guard extra.hasPrefix("-") else { throw UsageError("unexpected argument '\(extra)'") }
        let name = String(extra.prefix { $0 != "=" })
        throw UsageError("unknown option '\(name)'", hint: Suggestion.hint(for: name, among: help.options.map(\.flag)))
    }
}

/// A mistake in how the command was called (exit code 2).
struct UsageError: Error {
    var message: String
    var hint: String?

    init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    var description: String { hint.map { "\(message) (\($0))" } ?? message }
}

/// `--format text|json`.
enum OutputFormat: String {
    case text, json

    static func parse(_ text: String?) throws(UsageError) -> OutputFormat {
        guard let text else { return .text }
        guard let format = OutputFormat(rawValue: text) else {
            throw UsageError("--format must be text or json, not '\(text)'", hint: Suggestion.hint(for: text, among: ["text", "json"]))
        }
        return format
    }
}
