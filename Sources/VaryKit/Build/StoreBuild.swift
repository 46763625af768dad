import Dispatch
import Foundation
import Mustache

/// `vary build`: runs load → validate → plan → personalize → render → check → emit over a store.
public enum StoreBuild {
    /// Builds the store; nothing in the output changes unless every stage before emit succeeded.
    public static func run(_ options: BuildOptions, events: @escaping @Sendable (BuildEvent) -> Void = { _ in }) -> BuildOutcome {
        var clock = StageClock(events: events)

        clock.start("load")
        let contentFiles: SourceFiles
        let templateFiles: SourceFiles
        do {
            contentFiles = try SourceFiles.read(directory: options.content, displayName: options.contentName)
            templateFiles = try SourceFiles.read(directory: options.templates, displayName: options.templatesName)
        } catch {
            return BuildOutcome(
                exitCode: 2, diagnostics: [Diagnostic(file: options.contentName, message: "cannot read: \(error.localizedDescription)")],
                report: nil, timings: clock.timings)
        }
        let (loaded, loadDiagnostics) = ContentLoader.load(contentFiles)
        let (templates, templateDiagnostics) = SiteTemplates.load(templateFiles)
        clock.finish()

        clock.start("validate")
        var diagnostics = loadDiagnostics + templateDiagnostics
        if let loaded {
            diagnostics += ContentValidator.validate(loaded, assets: SiteTemplates.assetPaths(templateFiles))
        }
        clock.finish()
        diagnostics.sort()
        guard let content = loaded, let templates, !diagnostics.contains(where: { $0.severity == .error }) else {
            return BuildOutcome(exitCode: 2, diagnostics: diagnostics, report: nil, timings: clock.timings)
        }

        clock.start("plan")
        var skipped: [BuildReport.Skipped] = []
        var bundles: [String: [PricedBundle]] = [:]
        for region in content.regions {
            let result = publishBundles(content, region: region, segment: nil)
            bundles[region.id] = result.published
            // A bundle aimed at other regions is not skipped here, only out of scope.
            skipped += result.skipped.filter { $0.reason != .notTargeted }.map {
                BuildReport.Skipped(kind: "bundle", id: $0.bundle, region: region.id, reason: $0.reason.description)
            }
        }
        let pages = Planner.plan(content, now: options.now, bundlesByRegion: bundles.mapValues { $0.map(\.bundle.id) })
        let assetURLs = templates.assets.keys.sorted().reduce(into: [String: String]()) { urls, path in
            urls[path] = "/assets/" + AssetFingerprint.fingerprintedPath(path, bytes: templates.assets[path]!)
        }
        let inputs = BuildInputs(content: content, now: options.now, pages: pages, assetURLs: assetURLs, bundles: bundles)
        clock.finish()

        let staging: StagingDirectory
        do {
            _ = try? StagingDirectory.removeStaleStaging(for: options.output)
            staging = try StagingDirectory(output: options.output)
        } catch {
            return BuildOutcome(
                exitCode: 3, diagnostics: diagnostics + [Diagnostic(file: options.outputName, message: "\(error)")],
                report: nil, timings: clock.timings)
        }

        clock.start("render")
        let site = SiteFiles(inputs: inputs, pages: pages)
        let allPaths = Set(pages.map(\.file) + assetURLs.values.map { String($0.dropFirst()) } + SiteFiles.fixedPaths)
        var renderer = PageRenderer(
            builder: PageModelBuilder(inputs: inputs), templates: templates, staging: staging, strict: options.strict,
            checker: PageChecker(allPaths: allPaths, outputName: options.outputName))
        renderer.cache = PageCache.load(for: options.output)
        renderer.cacheContext = PageCache.context(
            templates: templateFiles, strict: options.strict, allPaths: allPaths, outputName: options.outputName)
        let rendered = renderer.renderAll(pages, jobs: options.jobs, events: events)
        clock.finish()
        if rendered.renderErrors.isEmpty == false {
            staging.abandon()
            return BuildOutcome(exitCode: 2, diagnostics: diagnostics + rendered.renderErrors.sorted(), report: nil, timings: clock.timings)
        }

        clock.start("emit")
        var report = BuildReport(
            pagesByKind: Dictionary(grouping: pages, by: \.kind.rawValue).mapValues(\.count), skipped: skipped,
            warnings: diagnostics.filter { $0.severity == .warning }.map(\.description),
            nextSchedule: nextScheduleInstants(content.promotions, after: options.now))
        do {
            for (path, bytes) in templates.assets {
                try staging.write(String(assetURLs[path]!.dropFirst()), bytes)
            }
            for (path, bytes) in site.files() { try staging.write(path, bytes) }
            let summary = try staging.commit { summary in
                var final = report
                final.record(summary)
                return final.json()
            }
            report.record(summary)
            saveCache(of: rendered.cacheable, manifest: staging.manifest(), output: options.output)
        } catch {
            staging.abandon()
            return BuildOutcome(
                exitCode: 3, diagnostics: diagnostics + [Diagnostic(file: options.outputName, message: "\(error)")],
                report: nil, timings: clock.timings)
        }
        clock.finish()
        report.timings = clock.timings
        let checkProblems = rendered.checkProblems.sorted()
        return BuildOutcome(
            exitCode: checkProblems.contains { $0.severity == .error } ? 1 : 0,
            diagnostics: diagnostics + checkProblems, report: report, timings: clock.timings)
    }
}

extension StoreBuild {
    /// Records the pages just built for the next build: their inputs, and the files they became in the output.
    static func saveCache(of cacheable: [String: String], manifest: Manifest, output: URL) {
        var entries: [String: PageCache.Entry] = [:]
        let outputPath = output.standardizedFileURL.path
        for file in manifest.files {
            guard let inputs = cacheable[file.path],
                  let status = try? FileSystemCalls.status(outputPath + "/" + file.path), status.isRegularFile
            else { continue }
            entries[file.path] = PageCache.Entry(
                inputs: inputs, sha256: file.sha256, bytes: file.bytes,
                seconds: Int(status.modificationTime.tv_sec), nanoseconds: Int(status.modificationTime.tv_nsec))
        }
        PageCache(entries: entries).save(for: output)
    }
}

/// Measures stages and reports them as events.
struct StageClock {
    let events: @Sendable (BuildEvent) -> Void
    private(set) var timings: [BuildReport.Timing] = []
    private var current: (name: String, started: DispatchTime)?

    init(events: @escaping @Sendable (BuildEvent) -> Void) { self.events = events }

    mutating func start(_ name: String) {
        current = (name, .now())
        events(.stageStarted(name))
    }

    mutating func finish() {
        guard let current else { return }
        let milliseconds = Int((DispatchTime.now().uptimeNanoseconds - current.started.uptimeNanoseconds) / 1_000_000)
        timings.append(BuildReport.Timing(stage: current.name, milliseconds: milliseconds))
        events(.stageFinished(current.name, milliseconds: milliseconds))
        self.current = nil
    }
}
