import Dispatch
import Foundation
import Mustache
#if canImport(Glibc)
import Glibc
#endif

/// `vary build`: runs load → validate → plan → personalize → render → check → emit over a store.
public enum StoreBuild {
    /// Builds the store; nothing in the output changes unless every stage before emit succeeded, and nothing is
    /// read or written when the output overlaps the inputs (`OutputPlacement`).
    public static func run(_ options: BuildOptions, events: @escaping @Sendable (BuildEvent) -> Void = { _ in }) -> BuildOutcome {
        let misplaced = OutputPlacement.problems(options)
        guard misplaced.isEmpty else { return BuildOutcome(exitCode: 2, diagnostics: misplaced, report: nil, timings: []) }
        var clock = StageClock(events: events)
        var diagnostics: [Diagnostic] = []
        // The translation audit's warnings (tens of megabytes for a large store that lacks translations) are made
        // from the audit's compact results only when emit needs them, not held through the page stage.
        var audit: TranslationAudit?
        do {
            var outcome = try build(options, clock: &clock, diagnostics: &diagnostics, audit: &audit, events: events)
            // The returned report's warnings are made last, once the stages' values (the catalog, the plan, the
            // pages' records) are gone with `build`'s scope and the report's file and the cache are written.
            if outcome.report?.warnings.isEmpty == true {
                outcome.report?.warnings = Array(diagnostics.lazy.filter { $0.severity == .warning }.map(\.description))
            }
            return outcome
        } catch {
            return BuildOutcome(
                exitCode: error.exitCode, diagnostics: withWarnings(of: &audit, diagnostics) + error.diagnostics, report: nil,
                timings: clock.timings)
        }
    }

    /// The stages of `run` after its output check; a returned report (other than an unchanged build's) leaves its
    /// warnings to `run`: they are the descriptions of the warnings among `diagnostics`.
    private static func build(
        _ options: BuildOptions, clock: inout StageClock, diagnostics: inout [Diagnostic], audit: inout TranslationAudit?,
        events: @escaping @Sendable (BuildEvent) -> Void
    ) throws(Stop) -> BuildOutcome {
        clock.start("load")
        var staged: Staged
        do {
            let files = try readSources(options)
            let keys = PageCache.BuildKey(options: options, content: files.content, templates: files.templates)
            let key = keys.key()
            let cache = PageCache.load(for: options.output, outcomeFor: key)
            if let outcome = try UnchangedBuild.keep(options, cache: cache, key: key, clock: &clock, events: events) {
                return outcome
            }
            staged = try stage(options, files: files, cache: cache, keys: keys, clock: &clock, diagnostics: &diagnostics,
                               audit: &audit, events: events)
        }
        // The source files, the catalog and the plan are freed beside the commit, before its audit's warnings are
        // made; the stages' records once the outcome is made.
        let overlaps = staged.overlaps
        let leftovers = staged.leftovers.take()
        if overlaps { Leftovers.free(consume leftovers) } else { _ = consume leftovers }
        let report = try commit(staged, options: options, clock: &clock, diagnostics: &diagnostics, audit: &audit)
        let outcome = BuildOutcome(
            exitCode: staged.checkProblems.contains { $0.severity == .error } ? 1 : 0,
            diagnostics: diagnostics + staged.checkProblems, report: report, timings: clock.timings,
            personalized: staged.rendered.personalized)
        if overlaps { Leftovers.free(consume staged) }
        return outcome
    }

    /// What the stages leave for the commit: the staging folder with every page and site file in it, and what the
    /// report, the cache and the returned outcome need.
    struct Staged {
        var staging: StagingDirectory
        var rendered: PageRenderer.Result
        var previous: PreviousBuild
        /// The report without what the commit adds (the changes) and without its warnings.
        var report: BuildReport
        /// The check's problems, one per template tag that causes them.
        var checkProblems: [Diagnostic]
        /// How many pages this build renders (its shard's, or all).
        var pages: Int
        /// The translation audit's results for the cache, with their key.
        var auditRecord: PageCache.AuditRecord
        /// Each sitemap file's inputs digest (`SiteFiles.writeSitemaps`), for the cache.
        var sitemaps: [String: String]
        /// What the stages before emit read and the commit does not: freed beside it (`Leftovers`) when the build
        /// overlaps its steps (`StageOverlap`), else before it.
        var leftovers: (source: Source, planned: Planned, builder: PageModelBuilder)?
        var overlaps: Bool
    }

    /// Load, validate, plan, the translation audit, the pages and the site files, up to the commit.
    private static func stage(
        _ options: BuildOptions, files: (content: SourceFiles, templates: SourceFiles), cache: PageCache, keys: PageCache.BuildKey,
        clock: inout StageClock, diagnostics: inout [Diagnostic], audit: inout TranslationAudit?,
        events: @escaping @Sendable (BuildEvent) -> Void
    ) throws(Stop) -> Staged {
        let source = try loadAndValidate(options, files: files, clock: &clock, diagnostics: &diagnostics)
        let planned = plan(source, options: options, clock: &clock)
        diagnostics = (diagnostics + planned.inputs.priorPrices.warnings).sorted()
        let withoutCatalog = keys.key(leavingOut: CatalogChanges.files(of: files.content))
        // What the previous build left is compared with this one's inputs while the audit runs (neither needs the
        // other), or after it.
        let overlaps = StageOverlap.applies(to: files.content)
        let compared = Pending(on: overlaps ? .global() : nil) {
            PreviousBuild(
                source: source, planned: planned, options: options, cache: cache, keys: keys, withoutCatalog: withoutCatalog,
                files: files)
        }
        let audited = try auditTranslations(
            planned, source: source, options: options, clock: &clock, diagnostics: &diagnostics,
            kept: options.force ? nil : cache.audit, rest: withoutCatalog)
        audit = audited.audit
        returnFreedMemory()
        let previous = compared.value
        let staging = try openStaging(options, clock: clock, diagnostics: diagnostics)
        // The pages' builder also lists the sitemap's alternates: its tables are made once.
        let builder = PageModelBuilder(inputs: planned.inputs)
        let rendered = try render(planned, builder: builder, source: source, previous: previous, options: options,
                                  staging: staging, clock: &clock, events: events)
        let (report, sitemaps) = try emitSite(
            planned, builder: builder, source: source, rendered: rendered, options: options, staging: staging,
            previous: previous.cache, clock: &clock, translations: audit?.completeness ?? [:])
        return Staged(
            staging: staging, rendered: rendered, previous: previous, report: report,
            checkProblems: Diagnostic.mergingTemplatePlaces(rendered.checkProblems), pages: planned.own.count,
            auditRecord: audited.record, sitemaps: sitemaps, leftovers: (source, planned, builder), overlaps: overlaps)
    }

    /// Why a build stopped early: the exit code and what to report.
    struct Stop: Error {
        var exitCode: Int32
        var diagnostics: [Diagnostic]
    }

    /// The store's content and templates after load and validate.
    struct Source {
        var content: StoreContent
        var templates: SiteTemplates
        var templateFiles: SourceFiles
        /// A shard build's record of its inputs, made while the content files' bytes are at hand: they are not
        /// kept past the stages that read them (tens of megabytes for a large catalog).
        var shardInputs: ShardRecord.Inputs?
    }

    /// The plan: the pages, what they share, and what was skipped.
    struct Planned {
        var pages: [PageSpec]
        /// The pages this build renders: all of them, or its shard's (`ShardAssignment`).
        var own: [PageSpec]
        var inputs: BuildInputs
        var skipped: [BuildReport.Skipped]
        var allPaths: Set<String>
        /// The templates' assets plus Vary's own (the configurator script), by path under `assets/`.
        var assets: [String: [UInt8]]
    }

    /// Reads and validates everything; warnings go to `diagnostics`, errors stop the build with exit code 2.
    /// The raw files of the content and template folders.
    static func readSources(_ options: BuildOptions) throws(Stop) -> (content: SourceFiles, templates: SourceFiles) {
        do {
            return (try SourceFiles.read(directory: options.content, displayName: options.contentName),
                    try SourceFiles.read(directory: options.templates, displayName: options.templatesName))
        } catch {
            throw Stop(exitCode: 2, diagnostics: [
                Diagnostic(file: options.contentName, message: "cannot read: \(error.localizedDescription)")
            ])
        }
    }

    /// Parses and validates the files `readSources` read, in the `load` stage the caller started.
    static func loadAndValidate(
        _ options: BuildOptions, files: (content: SourceFiles, templates: SourceFiles), clock: inout StageClock,
        diagnostics: inout [Diagnostic]
    ) throws(Stop) -> Source {
        let contentFiles = files.content
        let templateFiles = files.templates
        let (loaded, loadDiagnostics) = ContentLoader.load(contentFiles)
        let (templates, templateDiagnostics) = SiteTemplates.load(templateFiles)
        clock.finish()

        clock.start("validate")
        var found = contentFiles.warnings + templateFiles.warnings + loadDiagnostics + templateDiagnostics
        if let loaded {
            found += ContentValidator.validate(loaded, assets: SiteTemplates.assetPaths(templateFiles))
            if !loaded.configurators.isEmpty, let templates, !templates.hasPage(.configure) {
                found.append(Diagnostic(
                    file: templateFiles.displayPath("pages/configure.mustache"),
                    message: "missing page template: configurators.json has configurators, whose pages it renders"))
            }
        }
        clock.finish()
        if let loaded, let templates, let problem = ProductPagesDecoder.missingTemplate(loaded.site, templates, root: options.templatesName) {
            found.append(problem)
        }
        guard let content = loaded, let templates, !found.contains(where: { $0.severity == .error }) else {
            throw Stop(exitCode: 2, diagnostics: found.sorted())
        }
        diagnostics += found.sorted()
        let shardInputs = options.shard.map { _ in
            ShardRecord.Inputs(options: options, content: contentFiles, templates: templateFiles)
        }
        return Source(content: content, templates: templates, templateFiles: templateFiles, shardInputs: shardInputs)
    }

    /// Publishes bundles per region, expands the variant matrix and fingerprints the assets.
    static func plan(_ source: Source, options: BuildOptions, clock: inout StageClock) -> Planned {
        clock.start("plan")
        defer { clock.finish() }
        let content = source.content
        var skipped: [BuildReport.Skipped] = []
        var bundles: [String: [PricedBundle]] = [:]
        // Each region's bundles are priced on their own: in parallel, reported in region order.
        for (region, result) in zip(content.regions, parallelMap(content.regions) { publishBundles(content, region: $0, segment: nil) }) {
            bundles[region.id] = result.published
            // A bundle aimed at other regions is not skipped here, only out of scope.
            skipped += result.skipped.filter { $0.reason != .notTargeted }.map {
                BuildReport.Skipped(kind: "bundle", id: $0.bundle, region: region.id, reason: $0.reason.description)
            }
        }
        let products = Planner.productPages(content, hasTemplate: source.templates.hasPage(.product))
        let configurators = ConfiguratorPlan.plan(content)
        skipped += configurators.skipped
        let pages = Planner.plan(
            content, now: options.now, bundlesByRegion: bundles.mapValues { $0.map(\.bundle.id) }, productsByRegion: products,
            configurators: configurators.plans)
        let crossSell = CrossSell(content, productsByRegion: products, now: options.now)
        skipped += crossSell.skipped
        var assets = source.templates.assets
        // A store's own file at the script's path wins: Vary never replaces what it was given.
        if !content.configurators.isEmpty, assets[ConfiguratorScript.path] == nil {
            assets[ConfiguratorScript.path] = ConfiguratorScript.bytes
        }
        let assetURLs = assets.keys.sorted().reduce(into: [String: String]()) { urls, path in
            urls[path] = "/assets/" + AssetFingerprint.fingerprintedPath(path, bytes: assets[path]!)
        }
        let inputs = BuildInputs(
            content: content, now: options.now, pages: pages, assetURLs: assetURLs, bundles: bundles, crossSell: crossSell,
            configurators: configurators.plans)
        let allPaths = Set(pages.map(\.file) + assetURLs.values.map { String($0.dropFirst()) } + SiteFiles.fixedPaths)
        let own = options.shard.map { ShardAssignment.pages(of: pages, for: $0) } ?? pages
        return Planned(pages: pages, own: own, inputs: inputs, skipped: skipped, allPaths: allPaths, assets: assets)
    }

    /// Hands the memory freed by the stage just done back to the system. The audit and the page stage work on
    /// several threads, and the allocator keeps what a thread freed for that thread: without this, the next
    /// stage's values (the audit's warnings, made in emit) would come on top of it in the build's peak.
    static func returnFreedMemory() {
        #if canImport(Glibc)
        // glibc's `malloc_trim`, looked up once: its header is not part of the Glibc module.
        if let trim = mallocTrim { _ = trim(0) }
        #endif
    }

    #if canImport(Glibc)
    private static let mallocTrim: (@convention(c) (Int) -> Int32)? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim")
        .map { unsafeBitCast($0, to: (@convention(c) (Int) -> Int32).self) }
    #endif

    /// `diagnostics` with the warnings of `audit`, which is then spent (nil), sorted.
    static func withWarnings(of audit: inout TranslationAudit?, _ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var all = diagnostics
        addWarnings(of: &audit, to: &all)
        return all
    }

    /// Adds the warnings of `audit`, which is then spent (nil), to `diagnostics` and sorts them, in place: the
    /// same order as `(diagnostics + audit.diagnostics).sorted()`, the sort being stable.
    static func addWarnings(of audit: inout TranslationAudit?, to diagnostics: inout [Diagnostic]) {
        guard let spent = audit else { return }
        audit = nil
        spent.appendDiagnostics(to: &diagnostics)
        diagnostics.sort()
    }

    /// Reports every shopper-visible text resolved by fallback: warnings, which the caller adds to the diagnostics
    /// when it needs them (`withWarnings(of:_:)`), or errors (exit 2, nothing written) when `--fail-on-fallback` or
    /// `site.json` `failOnFallback` asks for complete translations.
    ///
    /// The previous build's results (`kept`) are taken when their key is this build's (`TranslationAudit.key`, over
    /// `rest`, this build's key without the catalog files): a build that changed only prices or stock counts finds
    /// what the previous one found.
    static func auditTranslations(
        _ planned: Planned, source: Source, options: BuildOptions, clock: inout StageClock, diagnostics: inout [Diagnostic],
        kept: PageCache.AuditRecord?, rest: String
    ) throws(Stop) -> (audit: TranslationAudit, record: PageCache.AuditRecord) {
        clock.start("audit")
        let key = TranslationAudit.key(content: source.content, pages: planned.pages, bundles: planned.inputs.bundles, rest: rest)
        let audit: TranslationAudit
        let record: PageCache.AuditRecord
        if let kept, kept.key == key, let known = TranslationAudit(record: kept.results) {
            audit = known
            record = kept
        } else {
            audit = TranslationAudit(
                content: source.content, pages: planned.pages, bundles: planned.inputs.bundles, now: options.now,
                localesFile: options.contentName + "/locales",
                localizers: planned.inputs.localizers)
            record = PageCache.AuditRecord(key: key, results: Data(audit.record())[...])
        }
        clock.finish()
        guard options.failOnFallback || source.content.site.failOnFallback else { return (audit, record) }
        let errors = audit.diagnostics.map { (fallback: Diagnostic) -> Diagnostic in
            var stop = fallback
            stop.severity = Diagnostic.Severity.error
            return stop
        }
        if !errors.isEmpty { throw Stop(exitCode: 2, diagnostics: (diagnostics + errors).sorted()) }
        return (audit, record)
    }

    /// The previous build's page cache, and this build's key and the build-wide part of every page's inputs.
    struct PreviousBuild {
        var cache: PageCache
        var context: [UInt8]
        var key: String
        /// This build's key without its messages, the digests of its messages, and what changed in them since the
        /// previous build when nothing else did (`MessageChanges`).
        var withoutMessages: String
        var messages: [String: String]
        var messageChanges: MessageChanges?
        /// The same for the templates (`TemplateChanges`).
        var withoutTemplates: String
        var templates: [String: String]
        var templateChanges: TemplateChanges?
        /// The same for the catalog (`CatalogChanges`): this build's key without its catalog files, the digest of
        /// what every page's inputs share and of the configurators' regions, its products' digests; and what the
        /// previous build's pages read of the catalog, when it recorded that in the same build as its pages.
        var withoutCatalog: String
        var catalogContext: String
        var products: [String: String]
        var productTable: ProductTable
        /// This build's `BuildInputs.rankingKey`.
        var ranking: String
        var reads: [String: CatalogReads.Page] = [:]
        var catalogChanges: CatalogChanges?

        /// `withoutCatalog` is `keys`' key with the catalog files left out (`CatalogChanges.files(of:)`).
        init(source: Source, planned: Planned, options: BuildOptions, cache: PageCache, keys: PageCache.BuildKey,
             withoutCatalog: String, files: (content: SourceFiles, templates: SourceFiles)) {
            self.cache = cache
            context = PageCache.context(
                templates: source.templateFiles, strict: options.strict, check: options.check, allPaths: planned.allPaths,
                outputName: options.outputName)
            // The key names the shard: a folder rebuilt as another shard holds other pages, it is not unchanged.
            key = keys.key()
            withoutMessages = keys.key(leavingOut: MessageChanges.files(of: source.content))
            messages = MessageChanges.digests(of: source.content)
            if !options.force, !cache.withoutMessages.isEmpty, cache.withoutMessages == withoutMessages {
                let site = source.content.site
                messageChanges = MessageChanges(
                    from: cache.messages, to: messages, content: source.content,
                    tags: Set(planned.own.map { $0.locale ?? site.defaultLocale }))
            }
            withoutTemplates = keys.key(leavingOutTemplates: TemplateChanges.files(of: files.templates))
            templates = TemplateChanges.digests(of: files.templates)
            if !options.force, !cache.withoutTemplates.isEmpty, cache.withoutTemplates == withoutTemplates {
                templateChanges = TemplateChanges(from: cache.templates, to: templates, templates: files.templates)
            }
            self.withoutCatalog = withoutCatalog
            var shared = context
            // A card links to its product's configurator where it has one in the region.
            for (id, plan) in planned.inputs.configurators.sorted(by: { $0.key < $1.key }) {
                ModelBytes.append(.string(id), to: &shared)
                ModelBytes.append(.list(plan.regions.keys.sorted().map(Value.string)), to: &shared)
            }
            catalogContext = InputsHash.hex(shared)
            products = CatalogChanges.digests(of: source.content)
            productTable = ProductTable(ids: products.keys)
            ranking = planned.inputs.rankingKey
            if !cache.build.isEmpty, let recorded = cache.reads, recorded.key == cache.build {
                reads = recorded.pages(in: productTable)
                if !options.force, recorded.withoutCatalog == withoutCatalog, recorded.context == catalogContext {
                    catalogChanges = CatalogChanges(
                        from: recorded.products, to: products, table: productTable, keepsScores: recorded.ranking == ranking)
                }
            }
        }
    }

    /// The report of a build before its commit adds what changed in the output, without its warnings: they are
    /// the descriptions of the warnings among the diagnostics, which `emit` writes and adds last.
    static func baseReport(
        _ planned: Planned, source: Source, options: BuildOptions,
        translations: [String: [String: TranslationAudit.Completeness]]
    ) -> BuildReport {
        var report = BuildReport(
            pagesByKind: Dictionary(grouping: planned.own, by: \.kind.rawValue).mapValues(\.count),
            skipped: planned.skipped,
            nextSchedule: nextScheduleInstants(source.content.promotions, after: options.now), translations: translations)
        report.combinations = planned.inputs.configurators.mapValues { $0.regions.mapValues(\.count) }.filter { !$0.value.isEmpty }
        return report
    }

    /// A fresh staging directory beside the output, after removing those of killed builds.
    static func openStaging(_ options: BuildOptions, clock: StageClock, diagnostics: [Diagnostic]) throws(Stop)
        -> StagingDirectory
    {
        do {
            _ = try? StagingDirectory.removeStaleStaging(for: options.output)
            return try StagingDirectory(output: options.output, creation: options.fileCreation)
        } catch {
            throw Stop(exitCode: 3, diagnostics: [Diagnostic(file: options.outputName, message: "\(error)")])
        }
    }

    /// Personalizes, renders and checks every page into the staging directory; template errors stop the build with
    /// exit code 2, a failed write (disk full, permission) at once with exit code 3.
    static func render(
        _ planned: Planned, builder: PageModelBuilder, source: Source, previous: PreviousBuild, options: BuildOptions,
        staging: StagingDirectory, clock: inout StageClock, events: @Sendable (BuildEvent) -> Void
    ) throws(Stop) -> PageRenderer.Result {
        clock.start("pages")
        var checker = PageChecker(allPaths: planned.allPaths, outputName: options.outputName, depth: options.check)
        checker.templateTags = source.templates.tags
        checker.templatesRoot = source.templates.root
        for product in planned.inputs.content.products {
            checker.contentImages[planned.inputs.imageURL(product.image.src)] = product.image.location
        }
        var renderer = PageRenderer(
            builder: builder, templates: source.templates, staging: staging,
            strict: options.strict, checker: checker)
        renderer.cache = previous.cache
        renderer.cacheContext = previous.context
        renderer.buildKey = previous.key
        renderer.messageChanges = previous.messageChanges
        renderer.templateChanges = previous.templateChanges
        renderer.reads = previous.reads
        renderer.catalogChanges = previous.catalogChanges
        renderer.products = previous.productTable
        renderer.templateRoots = TemplateRoots.names(templates: source.templateFiles)
        var rendered = renderer.renderAll(planned.own, jobs: options.jobs, events: events)
        rendered.buildKey = renderer.buildKey
        clock.finish()
        clock.record(rendered.times.timings)
        if let failure = rendered.writeFailure {
            staging.abandon()
            throw Stop(exitCode: 3, diagnostics: [Diagnostic(file: options.outputName, message: failure)])
        }
        guard rendered.renderErrors.isEmpty else {
            staging.abandon()
            throw Stop(exitCode: 2, diagnostics: rendered.renderErrors.sorted())
        }
        return rendered
    }

    /// Writes assets, sitemap, robots and routes (a shard other than the first writes none of them, and every shard
    /// its record), adds the audit's warnings to `diagnostics` (after the site files, whose making needs memory of
    /// its own), commits the staging directory and records the page cache, with the diagnostics when
    /// `returnsDiagnostics` (a build without check problems: the next build with its key may return them too).
    /// Emit's first part: the site files (and a shard's record) into the staging folder; returns the report
    /// without the changes and the warnings, and the sitemap files' inputs digests.
    static func emitSite(
        _ planned: Planned, builder: PageModelBuilder, source: Source, rendered: PageRenderer.Result, options: BuildOptions,
        staging: StagingDirectory, previous: PageCache, clock: inout StageClock,
        translations: [String: [String: TranslationAudit.Completeness]]
    ) throws(Stop) -> (BuildReport, sitemaps: [String: String]) {
        clock.start("emit")
        var sitemaps: [String: String] = [:]
        do {
            if options.shard?.writesSiteFiles ?? true {
                sitemaps = try writeSiteFiles(planned, builder: builder, staging: staging, previous: previous)
            }
            if let shard = options.shard, let inputs = source.shardInputs {
                try staging.write(ShardRecord.path, shardRecord(shard, inputs: inputs, planned: planned, rendered: rendered, options: options).json())
            }
        } catch {
            staging.abandon()
            throw Stop(exitCode: 3, diagnostics: [Diagnostic(file: options.outputName, message: "\(error)")])
        }
        return (baseReport(planned, source: source, options: options, translations: translations), sitemaps)
    }

    /// Emit's second part: the audit's warnings join the diagnostics, the staging folder replaces the output with
    /// its report, and the cache records the pages for the next build.
    static func commit(
        _ staged: Staged, options: BuildOptions, clock: inout StageClock, diagnostics: inout [Diagnostic],
        audit: inout TranslationAudit?
    ) throws(Stop) -> BuildReport {
        var report = staged.report
        let (staging, rendered, previous) = (staged.staging, staged.rendered, staged.previous)
        do {
            // The audit's warnings join the diagnostics while the staging folder is finished (its walks and manifest),
            // for the report and the cache's record that follow, once the catalog and the plan are freed and their
            // memory given back: the warnings come in its place.
            let joined = Pending(on: staged.overlaps ? Leftovers.queue : nil) { [audit, diagnostics] in
                returnFreedMemory()
                var audit = audit, all = diagnostics
                addWarnings(of: &audit, to: &all)
                return all
            }
            audit = nil
            // Without overlapping, joined now: before the walks and the manifest, as the stages run one after another.
            if !staged.overlaps { _ = joined.value }
            let all: @Sendable () -> [Diagnostic] = { joined.value }
            defer { diagnostics = all() }
            // (The record leaves the report's warnings out: they are the warnings among the diagnostics.)
            let (recordsOutcome, pages, unfinished) = (staged.checkProblems.isEmpty, staged.pages, report)
            let reads = CatalogReads(
                key: rendered.buildKey, withoutCatalog: previous.withoutCatalog, context: previous.catalogContext,
                ranking: previous.ranking, products: previous.products, pages: rendered.reads)
            let (messages, templates) = ((previous.withoutMessages, previous.messages), (previous.withoutTemplates, previous.templates))
            let (cacheable, buildKey, auditRecord, sitemaps) = (rendered.cacheable, rendered.buildKey, staged.auditRecord, staged.sitemaps)
            // The cache's record is written while the report is, from the staged files (their times stay with them
            // through the swap), and put in place only once the output is.
            let cache = ResultSlots<PageCache.Written?>(count: 1)
            // report.json is written in pieces as it is made: its warnings are tens of megabytes for a large store.
            let summary: EmitSummary
            do {
                summary = try staging.commit(streamingReport: { summary, append in
                    var final = report
                    final.record(summary)
                    try final.write(warnings: all().filter { $0.severity == .warning }, to: append)
                }, beside: { [output = options.output] stagedFiles in
                    let outcome = recordsOutcome ? PageCache.Outcome(pages: pages, diagnostics: all(), report: unfinished) : nil
                    cache.store(cacheRecord(
                        of: cacheable, build: buildKey, manifest: staging.manifest(), files: stagedFiles, outcome: outcome,
                        messages: messages, templates: templates, reads: reads, audit: auditRecord, sitemaps: sitemaps
                    ).written(for: output), at: 0)
                }, overlapping: staged.overlaps)
            } catch {
                cache.value(at: 0)??.discard()
                throw error
            }
            cache.value(at: 0)??.install()
            report.record(summary)
        } catch {
            staging.abandon()
            throw Stop(exitCode: 3, diagnostics: [Diagnostic(file: options.outputName, message: "\(error)")])
        }
        clock.finish()
        report.timings = clock.timings
        return report
    }
}

extension StoreBuild {
    /// Everything of the site that is not a planned page: assets, robots, routing table, CDN configs, sitemap.
    /// Returns the sitemap files' inputs digests; `previous` is the previous build's cache, whose sitemap files are
    /// taken over when their inputs did not change.
    static func writeSiteFiles(_ planned: Planned, builder: PageModelBuilder, staging: StagingDirectory,
                               previous: PageCache) throws -> [String: String] {
        for (path, bytes) in planned.assets {
            try staging.write(String(planned.inputs.assetURLs[path]!.dropFirst()), bytes)
        }
        let siteFiles = SiteFiles(builder: builder, pages: planned.pages)
        for (path, bytes) in siteFiles.files() {
            try staging.write(path, bytes)
        }
        return try siteFiles.writeSitemaps(into: staging, previous: previous.sitemaps, stamps: previous.others)
    }

    /// What `vary merge` needs to know of this shard build: its inputs, the plan it was cut from, its pages and
    /// their problems.
    static func shardRecord(_ shard: Shard, inputs: ShardRecord.Inputs, planned: Planned, rendered: PageRenderer.Result,
                            options: BuildOptions) -> ShardRecord {
        ShardRecord(
            shard: shard.index, shards: shard.count,
            inputs: inputs,
            plan: ShardRecord.Plan(files: planned.pages.map(\.file)), pages: planned.own.map(\.file).sorted(),
            problems: rendered.checkProblems.sorted().map { ShardRecord.Problem($0, outputName: options.outputName) })
    }

    /// The cache's record of the pages just built, for the next build: their inputs, and the files they became,
    /// with their times read under `files` (the staging directory about to become the output). The output's other
    /// files and its manifest are recorded by size and modification time.
    static func cacheRecord(of cacheable: [String: String], build: String, manifest: Manifest, files root: String,
                            outcome: PageCache.Outcome?, messages: (key: String, digests: [String: String]),
                            templates: (key: String, digests: [String: String]), reads: CatalogReads?,
                            audit: PageCache.AuditRecord?, sitemaps: [String: String]) -> PageCache {
        var entries: [String: PageCache.Entry] = [:]
        var others: [String: PageCache.Stamp] = [:]
        let files = manifest.files.map { ($0.path, $0 as ManifestEntry?) } + [(Manifest.path, nil)]
        for (path, file) in files {
            guard let status = try? FileSystemCalls.status(root + "/" + path), status.isRegularFile else { continue }
            let seconds = Int(status.modificationTime.tv_sec), nanoseconds = Int(status.modificationTime.tv_nsec)
            if let file, let inputs = cacheable[path] {
                entries[path] = PageCache.Entry(
                    inputs: inputs, sha256: file.sha256, bytes: file.bytes, seconds: seconds, nanoseconds: nanoseconds)
            } else {
                others[path] = PageCache.Stamp(bytes: status.size, seconds: seconds, nanoseconds: nanoseconds)
            }
        }
        return PageCache(
            entries: entries, build: build, others: others, outcome: outcome, withoutMessages: messages.key,
            messages: messages.digests, withoutTemplates: templates.key, templates: templates.digests, reads: reads,
            audit: audit,
            sitemaps: manifest.files.reduce(into: [:]) { recorded, file in
                if let inputs = sitemaps[file.path] { recorded[file.path] = .init(inputs: inputs, sha256: file.sha256) }
            })
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

    /// Adds timings measured elsewhere (the steps inside a stage), without events.
    mutating func record(_ more: [BuildReport.Timing]) {
        timings += more
    }

    mutating func finish() {
        guard let current else { return }
        let milliseconds = Int((DispatchTime.now().uptimeNanoseconds - current.started.uptimeNanoseconds) / 1_000_000)
        timings.append(BuildReport.Timing(stage: current.name, milliseconds: milliseconds))
        events(.stageFinished(current.name, milliseconds: milliseconds))
        self.current = nil
    }
}
