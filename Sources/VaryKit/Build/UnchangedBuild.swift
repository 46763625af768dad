import Foundation

/// The rebuild that parses nothing: the build key (`PageCache.buildKey`) is known from the raw bytes of the
/// content and template files and the settings, before any parsing. When it equals the key of the build that
/// wrote the cache, everything that build computed — diagnostics, plan, audit, pages — would come out the same, so
/// when its output is still intact this build reads the outcome the cache recorded (`PageCache.Outcome`) instead
/// of loading, validating, planning and auditing, writes the same change list and report a full rebuild writes,
/// and returns the same diagnostics and exit code. Anything in doubt (no recorded outcome, another cache
/// version, a damaged cache, an output changed since) takes the full path.
enum UnchangedBuild {
    /// The outcome of the build that left `output` as it is, with its change list and report written again; nil,
    /// having changed nothing, when the build must take the full path (`--force` always does). Called in the
    /// `load` stage, after reading the files; the `load` stage is running again when it returns nil.
    static func keep(
        _ options: BuildOptions, cache: PageCache, key: String, clock: inout StageClock,
        events: @Sendable (BuildEvent) -> Void
    ) throws(StoreBuild.Stop) -> BuildOutcome? {
        guard !options.force, !cache.build.isEmpty, cache.build == key, let recorded = cache.outcome else { return nil }
        clock.finish()
        clock.start("unchanged")
        _ = try? StagingDirectory.removeStaleStaging(for: options.output)
        guard cache.entries.count == recorded.pages, UnchangedOutput.isIntact(options.output, cache: cache) else {
            clock.finish()
            clock.start("load")
            return nil
        }
        var report = recorded.report
        let summary = UnchangedOutput.summary(of: cache)
        report.record(summary)
        do {
            try UnchangedOutput.record(changes: summary.changesJSON(), report: report.json(), in: options.output)
        } catch {
            clock.finish()
            throw StoreBuild.Stop(exitCode: 3, diagnostics: [Diagnostic(file: options.outputName, message: "\(error)")])
        }
        clock.finish()
        events(.progress(done: recorded.pages, total: recorded.pages))
        return BuildOutcome(exitCode: 0, diagnostics: recorded.diagnostics, report: report, timings: clock.timings)
    }
}

extension PageCache {
    /// What a build that finished with exit code 0 and no check problems returned, so that a build with its key
    /// can return it without computing it: its diagnostics (warnings), its report before the commit's counts,
    /// and how many pages it built (every one of them is in the cache, else it is not recorded).
    struct Outcome: Sendable, Hashable {
        var pages: Int
        var diagnostics: [Diagnostic]
        var report: BuildReport

        /// Appends the record as one line of JSON (no line breaks: strings escape them), for the cache file.
        /// The report's warnings are left out: they are the warnings among `diagnostics`, as printed, which is how
        /// the build made them (`StoreBuild.baseReport`). The diagnostics — tens of megabytes for a catalog that
        /// lacks translations — are written straight into `file`, without an encoder's intermediate copies, and
        /// `flush` is given the bytes after each diagnostic, so that a caller writing to disk holds only a part of them.
        func write(into file: inout [UInt8], flush: (inout [UInt8]) -> Void = { _ in }) {
            var report = report
            report.warnings = []
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            guard let reportJSON = try? encoder.encode(report) else { return }
            func field(_ name: String, _ text: String?) {
                guard let text else { return }
                file += ",\"\(name)\":".utf8
                DeterministicJSON.appendString(text, to: &file)
            }
            file += #"{"diagnostics":["#.utf8
            for (index, diagnostic) in diagnostics.enumerated() {
                if index > 0 { file.append(UInt8(ascii: ",")) }
                file += #"{"column":\#(diagnostic.column),"line":\#(diagnostic.line),"pages":\#(diagnostic.pages)"#.utf8
                field("severity", diagnostic.severity.rawValue)
                field("file", diagnostic.file)
                field("path", diagnostic.path)
                field("message", diagnostic.message)
                field("hint", diagnostic.hint)
                field("excerpt", diagnostic.excerpt)
                field("examplePage", diagnostic.examplePage)
                file.append(UInt8(ascii: "}"))
                flush(&file)
            }
            file += #"],"pages":\#(pages),"report":"#.utf8
            file += reportJSON
            file.append(UInt8(ascii: "}"))
        }

        init(pages: Int, diagnostics: [Diagnostic], report: BuildReport) {
            self.pages = pages
            self.diagnostics = diagnostics
            self.report = report
        }

        /// Reads `json`; nil when it is not one.
        init?(json: some Collection<UInt8>) {
            guard let record = try? JSONDecoder().decode(Record.self, from: Data(json)) else { return nil }
            pages = record.pages
            diagnostics = record.diagnostics.map(\.diagnostic)
            report = record.report
            report.warnings = diagnostics.filter { $0.severity == .warning }.map(\.description)
        }

        /// The stored form (`write(into:)`): every field of each diagnostic.
        private struct Record: Decodable {
            struct Item: Decodable {
                var severity: Diagnostic.Severity
                var file: String
                var line: Int
                var column: Int
                var path: String
                var message: String
                var hint: String?
                var excerpt: String?
                var pages: Int
                var examplePage: String?

                var diagnostic: Diagnostic {
                    var diagnostic = Diagnostic(
                        severity, file: file, line: line, column: column, path: path, message: message, hint: hint)
                    diagnostic.excerpt = excerpt
                    diagnostic.pages = pages
                    diagnostic.examplePage = examplePage
                    return diagnostic
                }
            }

            var pages: Int
            var diagnostics: [Item]
            var report: BuildReport
        }
    }
}
