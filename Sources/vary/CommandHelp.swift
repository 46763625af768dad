/// What `vary help CMD` and `vary CMD --help` print: a command's synopsis, options, examples and exit codes.
struct CommandHelp: Sendable {
    /// One option: `--jobs N` and a sentence on what it does.
    struct Option: Sendable {
        var flag: String
        /// The value's placeholder (`DIR`), or nil for a flag that takes none.
        var value: String?
        var text: String

        init(_ flag: String, _ value: String, _ text: String) {
            self.flag = flag
            self.value = value
            self.text = text
        }

        init(_ flag: String, _ text: String) {
            self.flag = flag
            self.value = nil
            self.text = text
        }

        var synopsis: String { value.map { "\(flag) \($0)" } ?? flag }
    }

    var name: String
    var summary: String
    var options: [Option]
    var examples: [String]
    /// Exit codes this command can return, with their meaning.
    var exitCodes: [(code: Int, meaning: String)]

    /// Every flag the command accepts, `--help` and `-h` included.
    var flags: [String] { options.map(\.flag) + ["--help", "-h"] }

    /// The one-line usage: `vary build [--content DIR] …`; required options are written without brackets.
    var usage: String {
        let parts = options.map { $0.text.hasPrefix("Required") ? $0.synopsis : "[\($0.synopsis)]" }
        return (["vary", name] + parts).joined(separator: " ")
    }

    /// The whole help text, wrapped for an 80-column terminal.
    var text: String {
        var lines = ["vary \(name): \(summary)", "", "Usage:"]
        lines += wrap(usage, width: 78, indent: "  ", hanging: "      ")
        if !options.isEmpty {
            lines += ["", "Options:"]
            let width = min(24, options.map(\.synopsis.count).max() ?? 0)
            for option in options {
                let head = "  " + option.synopsis.padding(toLength: max(width, option.synopsis.count), withPad: " ", startingAt: 0)
                let hanging = String(repeating: " ", count: width + 4)
                if option.synopsis.count > width {
                    lines.append(head)
                    lines += wrap(option.text, width: 78, indent: hanging, hanging: hanging)
                } else {
                    var wrapped = wrap(option.text, width: 78 - width - 4, indent: "", hanging: "")
                    lines.append(head + "  " + wrapped.removeFirst())
                    lines += wrapped.map { hanging + $0 }
                }
            }
            lines.append("  -h, --help" + String(repeating: " ", count: max(0, width - 10)) + "  Show this help.")
        }
        if !examples.isEmpty {
            lines += ["", "Examples:"] + examples.map { "  " + $0 }
        }
        lines += ["", "Exit codes:"] + exitCodes.map { "  \($0.code)  \($0.meaning)" }
        return lines.joined(separator: "\n")
    }
}

/// Breaks text at spaces into lines of at most `width` characters (a longer word gets its own line).
func wrap(_ text: String, width: Int, indent: String, hanging: String) -> [String] {
    var lines: [String] = []
    var line = indent
    var lineIsEmpty = true
    for word in text.split(separator: " ") {
        if !lineIsEmpty, line.count + 1 + word.count > width {
            lines.append(line)
            line = hanging
            lineIsEmpty = true
        }
        line += (lineIsEmpty ? "" : " ") + word
        lineIsEmpty = false
    }
    lines.append(line)
    return lines
}
