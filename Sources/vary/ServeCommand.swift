import Foundation
import VaryKit

/// `vary serve`: the content editors' local preview, rebuilt and reloaded on every change.
struct ServeCommand {
    var options: ServeOptions
    /// The fixed instant from `--now` or `SOURCE_DATE_EPOCH`, else nil for the clock at each rebuild.
    var fixedNow: Date?

    init(_ arguments: Arguments) throws(UsageError) {
        var arguments = arguments
        let host = try arguments.value("--host") ?? "127.0.0.1"
        guard PreviewHost.isAllowed(host) else {
            throw UsageError(
                "--host \(host) is not a loopback address: vary serve is a preview for this machine only "
                    + "(use \(PreviewHost.allowed.joined(separator: ", ")))")
        }
        var port: UInt16 = 8080
        if let text = try arguments.value("--port") {
            guard let value = UInt16(text) else { throw UsageError("--port must be a number from 0 to 65535") }
            port = value
        }
        let content = try arguments.value("--content") ?? "content"
        let templates = try arguments.value("--templates") ?? "site-templates"
        let output = try arguments.value("--output") ?? "output"
        let force = arguments.flag("--force")
        let nowFlag = try arguments.value("--now")
        let fixed = nowFlag != nil || ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] != nil
        let now = try BuildCommand.now(nowFlag)
        try arguments.finish()
        fixedNow = fixed ? now : nil
        options = ServeOptions(
            build: BuildOptions(content: content, templates: templates, output: output, now: now, strict: true), host: host,
            port: port)
        options.build.force = force
    }

    func run() -> Int32 {
        let fixedNow = self.fixedNow
        let outputName = options.build.outputName
        let server = PreviewServer(options: options, now: { fixedNow ?? Date() }) { build in
            ServeCommand.log(build, outputName: outputName)
        }
        do {
            try server.start()
        } catch ServeError.misplacedOutput(let problems) {
            Terminal.print(problems)
            return 2
        } catch {
            Terminal.error("vary: \(error)")
            return 3
        }
        ServeCommand.say("Serving \(outputName)/ at \(server.url) (Ctrl-C to stop)")
        dispatchMain()
    }

    /// A line on standard output, written at once (stdout is not line-buffered when piped).
    private static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// One line per build, and its errors below it.
    private static func log(_ build: PreviewBuild, outputName: String) {
        let time = build.outcome.milliseconds
        let trigger = build.changedFiles.isEmpty ? "" : "\(build.changedFiles.joined(separator: ", ")) changed: "
        let errors = build.outcome.diagnostics.filter { $0.severity == .error }
        if build.succeeded, let report = build.outcome.report {
            let pages = report.pagesByKind.values.reduce(0, +)
            var line = "\(trigger)built \(pages) pages in \(time) ms (\(report.written) written, \(report.unchanged) unchanged)"
            if build.outcome.exitCode == 1 { line += "; checks found \(errors.count) problem\(errors.count == 1 ? "" : "s")" }
            say(line)
        } else {
            say("\(trigger)build failed with \(errors.count) error\(errors.count == 1 ? "" : "s"); pages show them, \(outputName)/ is unchanged")
        }
        Terminal.print(build.outcome.diagnostics)
    }
}
