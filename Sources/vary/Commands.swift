import VaryKit

/// A command: its help, which is also the list of options it accepts, and how to run it.
struct Command: Sendable {
    var help: CommandHelp
    var run: @Sendable (Arguments) throws(UsageError) -> Int32
}

/// Every command and its options, one line per option: adding an option to a command starts here.
enum Commands {
    static let version = "vary \(Vary.version)"

    static let all: [Command] = [
        Command(
            help: CommandHelp(
                name: "init", summary: "Write a small working store (content/ and site-templates/) to start from.",
                options: [
                    .init("DIR", "The folder to create the store in; the current folder when not given."),
                    .init("--force", "Write into a folder that is not empty; a file the store would write must not exist (none is ever replaced)."),
                ],
                examples: ["vary init my-store && cd my-store && vary build"],
                exitCodes: [(0, "the store was written"), usageError("bad usage, or the folder is not empty"),
                            (3, "a file could not be written")]),
            run: { arguments throws(UsageError) in try InitCommand(arguments).run() }),
        Command(
            help: CommandHelp(
                name: "build", summary: "Render every variant of the store into the output folder.",
                options: [
                    content, templates, output, now,
                    .init("--jobs", "N", "Render N pages at once; all cores by default."),
                    .init("--strict", "Make a template name that resolves to nothing an error (always on under CI=true)."),
                    .init("--fail-on-fallback", "Make a text that falls back to another language, or a taxonomy id shown without a name, an error instead of a warning (also site.json failOnFallback)."),
                    .init("--force", "Replace an output folder that was not written by Vary (has no _vary/manifest.json)."),
                    .init("--check", "data|full", "How much of each page to check: data (one pass over each page, the default) or full (also parse every page with libxml2)."),
                    .init("--shard", "I/N", "Render only shard I of N (1 ≤ I ≤ N) with a record for vary merge; shard 1 also writes assets and site-wide files."),
                    .init("--shard-count", "N", "Like --shard, with I read from JOB_COMPLETION_INDEX (0-based, as a Kubernetes Indexed Job sets it) plus 1."),
                    format, .init("--quiet", "Print errors only, no summary or warnings."),
                ],
                examples: ["vary build", "vary build --now 2026-11-25T12:00:00Z --output public",
                           "CI=true vary build --format json > build.json",
                           "vary build --now 2026-11-25T12:00:00Z --shard 2/4 --output shards/shard-2"],
                exitCodes: [(0, "built"), (1, "built, but checks found problems"),
                            usageError("content or template errors, bad usage, or an output folder that overlaps the inputs; nothing written"),
                            (3, "a write failed; the previous output is intact")]),
            run: { arguments throws(UsageError) in try BuildCommand(arguments).run() }),
        Command(
            help: CommandHelp(
                name: "merge", summary: "Join the output folders of vary build --shard I/N into one output, as one build writes it.",
                options: [
                    .init("SHARD_DIR...", "Required: the shards' output folders, every shard 1 to N once, in any order."),
                    output,
                    .init("--force", "Replace an output folder that was not written by Vary (has no _vary/manifest.json)."),
                    .init("--jobs", "N", "Copy N files at once; all cores by default."),
                    format, .init("--quiet", "Print errors only, no summary."),
                ],
                examples: ["vary merge shards/shard-* --output output"],
                exitCodes: [(0, "merged"), (1, "merged, but the shards' checks found problems"),
                            usageError("bad usage, or shards that are missing, duplicated, damaged or from different inputs; nothing written"),
                            (3, "a write failed; the previous output is intact")]),
            run: { arguments throws(UsageError) in try MergeCommand(arguments).run() }),
        Command(
            help: CommandHelp(
                name: "check", summary: "Check an output folder's pages (HTML, language, headings, alt texts, links, JSON-LD).",
                options: [output, format],
                examples: ["vary check", "vary check --output public --format json"],
                exitCodes: [(0, "no problems found"), (1, "problems found"), usageError(), (3, "the folder cannot be read")]),
            run: { arguments throws(UsageError) in try CheckCommand(arguments).run() }),
        Command(
            help: CommandHelp(
                name: "explain", summary: "Show why each product is on one landing page: scores, their parts and reasons.",
                options: [
                    .init("--region", "R", "Required: the region's id, as in regions.json."),
                    .init("--locale", "L", "Required: the locale tag, such as de-DE."),
                    .init("--segment", "S", "Required: the segment's id, as in segments.json."),
                    content, now, format,
                ],
                examples: ["vary explain --region us --locale en-US --segment everyone"],
                exitCodes: [(0, "explained"), usageError("bad usage, or content errors")]),
            run: { arguments throws(UsageError) in try ExplainCommand(arguments).run() }),
        Command(
            help: CommandHelp(
                name: "evaluate",
                summary: "Score the segment pages against what customers bought after a cutoff, beside simpler lists.",
                options: [
                    .init("--cutoff", "INSTANT", "Train on the orders up to this instant and score against the rest; now minus 14 days by default."),
                    .init("--k", "N", "Score the first N products of each list (1 to 500); 24 by default."),
                    format,
                    .init("--chart", "FILE.svg", "Also write an SVG bar chart of each segment's hit-rate over the best sellers."),
                    content, now,
                ],
                examples: ["vary evaluate", "vary evaluate --cutoff 2026-11-01T00:00:00Z --k 12 --chart lift.svg"],
                exitCodes: [(0, "evaluated"), usageError("bad usage, content errors, or a cutoff not before now"),
                            (3, "the chart could not be written")]),
            run: { arguments throws(UsageError) in try EvaluateCommand(arguments).run() }),
        Command(
            help: CommandHelp(
                name: "serve", summary: "Preview the store on this machine, rebuilt and reloaded on every change.",
                options: [
                    .init("--host", "HOST", "The loopback address to listen on: 127.0.0.1 (default), ::1 or localhost."),
                    .init("--port", "PORT", "The port to listen on; 8080 by default, 0 picks a free one."),
                    content, templates, output,
                    .init("--now", "INSTANT", "Preview the store as at this instant; else SOURCE_DATE_EPOCH, else the clock at each rebuild."),
                    .init("--force", "Replace an output folder that was not written by Vary."),
                ],
                examples: ["vary serve", "vary serve --port 0 --now 2026-12-24T09:00:00+01:00"],
                exitCodes: [(0, "stopped"), usageError("bad usage, or an output folder that overlaps the inputs"),
                            (3, "the port cannot be opened")]),
            run: { arguments throws(UsageError) in try ServeCommand(arguments).run() }),
    ]

    static func named(_ name: String) -> Command? { all.first { $0.help.name == name } }

    /// `vary help`: every command in a line, and where to read more.
    static var overview: String {
        let width = all.map(\.help.name.count).max() ?? 0
        var lines = ["vary: pre-render every personalized variant of a storefront as static HTML.", "",
                     "Usage: vary COMMAND [OPTIONS]", "", "Commands:"]
        for command in all {
            lines.append("  " + command.help.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + command.help.summary)
        }
        lines += [
            "  " + "help".padding(toLength: width, withPad: " ", startingAt: 0) + "  Show this list, or a command's help (vary help build).",
            "", "Options:", "  --version   Print Vary's version.", "  -h, --help  Show this help.",
            "", "Start a store:", "  vary init my-store && cd my-store && vary build && vary serve",
            "", "Exit codes: 0 success, 1 checks found problems, 2 bad input or usage, 3 I/O or internal failure.",
            "Run 'vary help COMMAND' or 'vary COMMAND --help' for a command's options and examples.",
        ]
        return lines.joined(separator: "\n")
    }

    // Options several commands share.
    static let content = CommandHelp.Option("--content", "DIR", "The store's data: catalog, segments, regions, locales, promotions; content/ by default.")
    static let templates = CommandHelp.Option("--templates", "DIR", "The Mustache templates and assets; site-templates/ by default.")
    static let output = CommandHelp.Option("--output", "DIR", "The folder the site is written to; output/ by default.")
    static let now = CommandHelp.Option(
        "--now", "INSTANT", "Build as at this ISO 8601 instant (2026-11-25T12:00:00Z); else SOURCE_DATE_EPOCH, else the clock.")
    static let format = CommandHelp.Option("--format", "text|json", "Print text (default), or one JSON object for scripts.")

    static func usageError(_ meaning: String = "bad usage: an unknown command or option, or a bad value") -> (code: Int, meaning: String) {
        (2, meaning)
    }
}
