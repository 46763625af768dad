import Dispatch
import Foundation
import Mustache

/// Renders pages in parallel, checks each one, and streams it into the staging directory.
struct PageRenderer: Sendable {
    let builder: PageModelBuilder
    let templates: SiteTemplates
    let staging: StagingDirectory
    let strict: Bool
    let checker: PageChecker
    /// The previous build's pages and the build-wide part of every page's inputs (see `PageCache`).
    var cache = PageCache()
    var cacheContext: [UInt8] = []
    /// This build's key (`PageCache.buildKey`): when the previous build had the same, no page changed.
    var buildKey = ""
    /// When messages are all that changed since the previous build, which ones (see `MessageChanges`).
    var messageChanges: MessageChanges?
    /// When templates are all that changed since the previous build, which ones (see `TemplateChanges`).
    var templateChanges: TemplateChanges?
    /// What the previous build's pages read of the catalog (`CatalogReads`), kept for the pages taken over.
    var reads: [String: CatalogReads.Page] = [:]
    /// When the catalog is all that changed since the previous build, which products (see `CatalogChanges`).
    var catalogChanges: CatalogChanges?
    /// This build's products by number, in which pages record the products they show.
    var products = ProductTable(ids: [])
    /// Per page template, the top-level names of the model it can read (`TemplateRoots`).
    var templateRoots: [String: Set<String>?] = [:]

    struct Result {
        /// Template errors (strict mode): the build must not land.
        var renderErrors: [Diagnostic] = []
        /// The write that failed (disk full, quota, permission), which stopped rendering: an I/O failure, not bad input.
        var writeFailure: String?
        /// What the check stage found in the rendered pages.
        var checkProblems: [Diagnostic] = []
        /// Pages without problems, by path, with the digest of their inputs, for the next build's cache.
        var cacheable: [String: String] = [:]
        /// The build's key, recorded with the cache.
        var buildKey = ""
        /// Time spent in each step of the pages, summed over the threads.
        var times = StepTimes()
        /// How many pages had their view model built (the others were taken over from the previous build).
        var personalized = 0
        /// Of the pages in `cacheable`, what they read of the catalog (`PageSelection`), for the next build.
        var reads: [String: CatalogReads.Page] = [:]
    }

    func renderAll(_ pages: [PageSpec], jobs: Int, events: @Sendable (BuildEvent) -> Void) -> Result {
        let collected = Collected()
        let next = Counter()
        let done = Counter()
        let halted = Counter()
        let step = max(1, pages.count / 100)
        // A thread takes a whole run of pages of one region and locale at a time, so that the parts it makes for
        // them (`LocaleParts`: cards, offers, alternates, messages) are made once per run, not once per thread.
        let runs = Self.runs(of: pages)
        DispatchQueue.concurrentPerform(iterations: jobs) { _ in
            var local = Result()
            var parts: LocaleParts?
            taking: while halted.current == 0 {
                let run = next.increment() - 1
                guard run < runs.count else { break }
                for index in runs[run] {
                    if halted.current != 0 { break taking }
                    build(pages[index], parts: &parts, into: &local)
                    if local.writeFailure != nil {
                        _ = halted.increment()
                        break taking
                    }
                    let finished = done.increment()
                    if finished % step == 0 || finished == pages.count { events(.progress(done: finished, total: pages.count)) }
                }
            }
            collected.add(local)
        }
        return collected.result
    }

    /// The pages cut into runs of consecutive pages with the same region and locale.
    static func runs(of pages: [PageSpec]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start = 0
        for index in pages.indices.dropFirst()
        where pages[index].region != pages[index - 1].region || pages[index].locale != pages[index - 1].locale {
            runs.append(start..<index)
            start = index
        }
        if !pages.isEmpty { runs.append(start..<pages.count) }
        return runs
    }

    /// One page through the stages: taken over from the previous build, or personalized, rendered, checked and
    /// written, each step timed.
    private func build(_ page: PageSpec, parts: inout LocaleParts?, into local: inout Result) {
        // Nothing any page depends on changed: the previous file is this page, without building its model.
        if cache.build == buildKey, let known = cache.entries[page.file],
           local.times.measure(.write, { adopt(page, known) })
        {
            keep(page, known, into: &local)
            return
        }
        let messages = templates.messageUse["pages/\(page.kind.rawValue)"]
        // Only messages changed and this page's templates read none of them: its view model, hence its inputs,
        // are the previous build's.
        if let messageChanges, !messageChanges.reach(messages, tag: page.locale ?? builder.inputs.content.site.defaultLocale),
           let known = cache.entries[page.file],
           local.times.measure(.write, { adopt(page, known) })
        {
            keep(page, known, into: &local)
            return
        }
        // Only templates changed and this page renders none of them: its model and its bytes are the previous build's.
        if let templateChanges, !templateChanges.reach("pages/\(page.kind.rawValue)"), let known = cache.entries[page.file],
           local.times.measure(.write, { adopt(page, known) })
        {
            keep(page, known, into: &local)
            return
        }
        // Only the catalog changed, this landing page shows none of the changed products, none of them can enter its
        // ranking (`RankingRead`) and the rest of its selection is what it was: its view model, hence its inputs, are
        // the previous build's, without ranking it.
        if let catalogChanges, catalogChanges.keepsScores, let previous = reads[page.file], let kept = previous.ranking,
           !catalogChanges.reach(previous.products),
           local.times.measure(.personalize, {
               builder.keeps(kept, of: page, changed: catalogChanges.changed)
                   && builder.selection(for: page, readsBundles: readsBundles(page), kept: kept).digest == previous.digest
           }),
           let known = cache.entries[page.file], local.times.measure(.write, { adopt(page, known) })
        {
            local.cacheable[page.file] = known.inputs
            local.reads[page.file] = previous
            return
        }
        let selection = local.times.measure(.personalize) { builder.selection(for: page, readsBundles: readsBundles(page)) }
        let read = record(selection)
        // Only the catalog changed, this page shows none of the changed products and selects what it selected: its
        // view model, hence its inputs, are the previous build's.
        if let catalogChanges, let read, reads[page.file] == read, !catalogChanges.reach(read.products),
           let known = cache.entries[page.file], local.times.measure(.write, { adopt(page, known) })
        {
            local.cacheable[page.file] = known.inputs
            local.reads[page.file] = read
            return
        }
        let language = page.locale ?? builder.inputs.content.site.defaultLocale
        let model = local.times.measure(.personalize) { builder.model(for: page, reusing: &parts, selection: selection) }
        local.personalized += 1
        let inputs = local.times.measure(.digest) {
            PageCache.inputs(context: cacheContext, path: page.file, language: language, model: model, messages: messages)
        }
        if let known = cache.entries[page.file], known.inputs == inputs, local.times.measure(.write, { adopt(page, known) }) {
            local.cacheable[page.file] = inputs
            local.reads[page.file] = read
            return
        }
        let rendered = local.times.measure(.render) { templates.render(page, model: model, strict: strict) }
        guard case .success(let bytes) = rendered else {
            if case .failure(let problem) = rendered { local.renderErrors.append(problem) }
            return
        }
        do {
            try local.times.measure(.write) { try staging.write(page.file, bytes) }
        } catch {
            local.writeFailure = "cannot write \(page.file): \(error)"
            return
        }
        let problems = local.times.measure(.check) {
            checker.check(CheckedPage(path: page.file, bytes: bytes, expectedLanguage: language, template: "pages/\(page.kind.rawValue)"))
        }
        local.checkProblems += problems
        if problems.isEmpty {
            local.cacheable[page.file] = inputs
            local.reads[page.file] = read
        }
    }

    /// What the next build needs of a page's selection; nil when it is not complete or shows a product that is not
    /// in the catalog, so the page is built then.
    private func record(_ selection: PageSelection) -> CatalogReads.Page? {
        guard selection.isComplete, let numbers = products.numbers(of: selection.products) else { return nil }
        return CatalogReads.Page(digest: selection.digest, products: numbers, ranking: selection.ranking)
    }

    /// Whether the templates of `page` can read its model's `bundles`.
    private func readsBundles(_ page: PageSpec) -> Bool {
        (templateRoots["pages/\(page.kind.rawValue)"] ?? nil)?.contains("bundles") ?? true
    }

    /// Records a page taken over with its previous inputs, and what it read of the catalog then (worked out again
    /// when the previous build did not record it).
    private func keep(_ page: PageSpec, _ known: PageCache.Entry, into local: inout Result) {
        local.cacheable[page.file] = known.inputs
        if let read = reads[page.file] {
            local.reads[page.file] = read
        } else {
            let selection = local.times.measure(.personalize) { builder.selection(for: page, readsBundles: readsBundles(page)) }
            local.reads[page.file] = record(selection)
        }
    }

    /// Takes the previous build's file of `page` over when it is still the file the cache recorded.
    private func adopt(_ page: PageSpec, _ known: PageCache.Entry) -> Bool {
        (try? staging.adopt(page.file, sha256: known.sha256, bytes: known.bytes,
                            modified: (known.seconds, known.nanoseconds))) == true
    }

    /// Results gathered from the rendering threads.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var value = Result()

        func add(_ part: Result) {
            lock.lock()
            value.renderErrors += part.renderErrors
            // Threads that fail at once report one failure: the first by path, so the message is stable.
            value.writeFailure = [value.writeFailure, part.writeFailure].compactMap { $0 }.min()
            value.checkProblems += part.checkProblems
            value.cacheable.merge(part.cacheable) { first, _ in first }
            value.times.add(part.times)
            value.personalized += part.personalized
            value.reads.merge(part.reads) { first, _ in first }
            lock.unlock()
        }

        var result: Result {
            lock.lock()
            defer { lock.unlock() }
            // Strict-mode errors repeat on every page using the same template; report each place once.
            return Result(
                renderErrors: Array(Set(value.renderErrors)), writeFailure: value.writeFailure, checkProblems: value.checkProblems,
                cacheable: value.cacheable, times: value.times, personalized: value.personalized, reads: value.reads)
        }
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        var current: Int { lock.withLock { value } }

        func increment() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }
}
