import Foundation
import VaryKit

/// `vary build`: renders the store into the output folder.
struct BuildCommand {
    var options: BuildOptions
    var format: OutputFormat
    var quiet: Bool

    init(_ arguments: Arguments) throws(UsageError) {
        var arguments = arguments
        let content = try arguments.value("--content") ?? "content"
        let templates = try arguments.value("--templates") ?? "site-templates"
        let output = try arguments.value("--output") ?? "output"
        let force = arguments.flag("--force")
        let now = try BuildCommand.now(try arguments.value("--now"))
        var jobs = ProcessInfo.processInfo.activeProcessorCount
        if let text = try arguments.value("--jobs") {
            guard let value = Int(text), value > 0 else { throw UsageError("--jobs must be a positive number") }
            jobs = value
        }
        let strict = arguments.flag("--strict") || Terminal.isCI
        var check = CheckDepth.data
        if let text = try arguments.value("--check") {
            guard let depth = CheckDepth(rawValue: text) else { throw UsageError("--check must be data or full, not \"\(text)\"") }
            check = depth
        }
        let failOnFallback = arguments.flag("--fail-on-fallback")
        let shard = try BuildCommand.shard(try arguments.value("--shard"), count: try arguments.value("--shard-count"))
        format = try OutputFormat.parse(try arguments.value("--format"))
        quiet = arguments.flag("--quiet")
        try arguments.finish()
        options = BuildOptions(content: content, templates: templates, output: output, now: now, jobs: jobs, strict: strict)
        options.check = check
        options.failOnFallback = failOnFallback
        options.force = force
        options.shard = shard
    }

    /// `--shard I/N`, or `--shard-count N` with the 0-based index Kubernetes sets in `JOB_COMPLETION_INDEX`.
    static func shard(_ flag: String?, count: String?,
                      environment: [String: String] = ProcessInfo.processInfo.environment) throws(UsageError) -> Shard? {
        switch (flag, count) {
        case (nil, nil):
            return nil
        case (.some, .some):
            throw UsageError("give --shard I/N or --shard-count N, not both")
        case (let flag?, nil):
            let parts = flag.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, let index = Int(parts[0]), let total = Int(parts[1]) else {
                throw UsageError("--shard \"\(flag)\" is not I/N", hint: "such as --shard 2/4: the second of four shards")
            }
            guard total >= 1 else { throw UsageError("--shard \(flag): N must be at least 1") }
            guard let shard = Shard(index: index, count: total) else {
                throw UsageError("--shard \(flag): I must be between 1 and \(total)")
            }
            return shard
        case (nil, let count?):
            guard let total = Int(count), total >= 1 else { throw UsageError("--shard-count \"\(count)\" is not a positive number") }
            guard let text = environment["JOB_COMPLETION_INDEX"] else {
                throw UsageError("--shard-count needs JOB_COMPLETION_INDEX", hint: "Kubernetes sets it in an Indexed Job; elsewhere use --shard I/N")
            }
            guard let index = Int(text), let shard = Shard(index: index + 1, count: total) else {
                throw UsageError("JOB_COMPLETION_INDEX \"\(text)\" is not an index from 0 to \(total - 1) (--shard-count \(total))")
            }
            return shard
        }
    }

    /// `--now`, else `SOURCE_DATE_EPOCH`, else the clock.
    static func now(_ flag: String?) throws(UsageError) -> Date {
        if let flag {
            guard let date = BuildTime.parse(flag) else { throw UsageError("--now \"\(flag)\" is not an ISO 8601 instant with an offset") }
            return date
        }
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] {
            guard let seconds = Int(epoch) else { throw UsageError("SOURCE_DATE_EPOCH \"\(epoch)\" is not a number of seconds") }
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        return Date()
    }

    func run() -> Int32 {
        let interactive = Terminal.isInteractive && format == .text && !quiet
        let logStages = !interactive && format == .text && !quiet
        let outcome = StoreBuild.run(options) { event in
            switch event {
            case .progress(let done, let total) where interactive:
                Terminal.progressBar(done: done, total: total)
            case .stageFinished(let stage, let milliseconds) where logStages:
                Terminal.error("vary: \(stage) done in \(milliseconds) ms")
            default:
                break
            }
        }
        switch format {
        case .json: BuildCommand.printJSON(outcome)
        case .text: printText(outcome)
        }
        return outcome.exitCode
    }

    private func printText(_ outcome: BuildOutcome) {
        Terminal.print(outcome.diagnostics.filter { !quiet || $0.severity == .error })
        let errors = outcome.diagnostics.filter { $0.severity == .error }.count
        guard let report = outcome.report else {
            Terminal.error("vary: build failed with \(errors) error\(errors == 1 ? "" : "s"); \(options.outputName)/ is unchanged")
            return
        }
        guard !quiet else { return }
        let pages = report.pagesByKind.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        let total = report.pagesByKind.values.reduce(0, +)
        let milliseconds = outcome.milliseconds
        let shard = options.shard.map { " as shard \($0)" } ?? ""
        print("Built \(total) pages (\(pages))\(shard) into \(options.outputName)/ in \(milliseconds) ms")
        print("  \(report.written) written, \(report.unchanged) unchanged, \(report.removed) removed")
        if !report.skipped.isEmpty { print("  \(report.skipped.count) skipped (see \(options.outputName)/_vary/report.json)") }
        if let next = report.nextSchedule.first { print("  next promotion change: \(BuildTime.format(next))") }
        if outcome.exitCode == 1 { print("  checks found \(errors) problem\(errors == 1 ? "" : "s")") }
    }

    /// One JSON object with the exit code, diagnostics, timings and report, for scripts; `vary merge` prints the same.
    static func printJSON(_ outcome: BuildOutcome) {
        var object: [String: Any] = [
            "exitCode": Int(outcome.exitCode),
            "diagnostics": outcome.diagnostics.map(JSONOutput.diagnostic),
            "timings": outcome.timings.map { ["stage": $0.stage, "milliseconds": $0.milliseconds] },
        ]
        if let report = outcome.report,
           let reportObject = try? JSONSerialization.jsonObject(with: Data(report.json()))
        {
            object["report"] = reportObject
        }
        JSONOutput.print(object)
        Terminal.annotate(outcome.diagnostics)
    }
}
