import Foundation
import VaryKit

/// `vary merge SHARD_DIR... --output DIR`: joins the outputs of `vary build --shard I/N`.
struct MergeCommand {
    var options: MergeOptions
    var format: OutputFormat
    var quiet: Bool

    init(_ arguments: Arguments) throws(UsageError) {
        var arguments = arguments
        let output = try arguments.value("--output") ?? "output"
        let force = arguments.flag("--force")
        var jobs = ProcessInfo.processInfo.activeProcessorCount
        if let text = try arguments.value("--jobs") {
            guard let value = Int(text), value > 0 else { throw UsageError("--jobs must be a positive number") }
            jobs = value
        }
        format = try OutputFormat.parse(try arguments.value("--format"))
        quiet = arguments.flag("--quiet")
        var shards: [String] = []
        while let folder = arguments.positional() { shards.append(folder) }
        try arguments.finish()
        guard !shards.isEmpty else {
            throw UsageError("no shard folders given", hint: "vary merge shards/shard-* --output output")
        }
        options = MergeOptions(shards: shards, output: output, jobs: jobs)
        options.force = force
    }

    func run() -> Int32 {
        let interactive = Terminal.isInteractive && format == .text && !quiet
        let outcome = ShardMerge.run(options) { event in
            if case .progress(let done, let total) = event, interactive { Terminal.progressBar(done: done, total: total) }
        }
        switch format {
        case .json:
            BuildCommand.printJSON(outcome)
        case .text:
            Terminal.print(outcome.diagnostics.filter { !quiet || $0.severity == .error })
            guard let report = outcome.report else {
                let errors = outcome.diagnostics.filter { $0.severity == .error }.count
                Terminal.error("vary: merge failed with \(errors) error\(errors == 1 ? "" : "s"); \(options.outputName)/ is unchanged")
                return outcome.exitCode
            }
            guard !quiet else { break }
            let pages = report.pagesByKind.values.reduce(0, +)
            let milliseconds = outcome.milliseconds
            print("Merged \(options.shards.count) shards (\(pages) pages) into \(options.outputName)/ in \(milliseconds) ms")
            print("  \(report.written) written, \(report.unchanged) unchanged, \(report.removed) removed")
        }
        return outcome.exitCode
    }
}
