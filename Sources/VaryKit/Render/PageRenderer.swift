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

    struct Result {
        /// Template errors (strict mode) and write failures: the build must not land.
        var renderErrors: [Diagnostic] = []
        /// What the check stage found in the rendered pages.
        var checkProblems: [Diagnostic] = []
        /// Pages without problems, by path, with the digest of their inputs, for the next build's cache.
        var cacheable: [String: String] = [:]
        /// The build's key, recorded with the cache.
        var buildKey = ""
    }

    func renderAll(_ pages: [PageSpec], jobs: Int, events: @Sendable (BuildEvent) -> Void) -> Result {
        let collected = Collected()
        let next = Counter()
        let done = Counter()
        let step = max(1, pages.count / 100)
        DispatchQueue.concurrentPerform(iterations: jobs) { _ in
            var local = Result()
            var parts: LocaleParts?
            while true {
                let index = next.increment() - 1
                guard index < pages.count else { break }
                let page = pages[index]
                defer {
                    let finished = done.increment()
                    if finished % step == 0 || finished == pages.count { events(.progress(done: finished, total: pages.count)) }
                }
                if cache.build == buildKey, let known = cache.entries[page.file],
                   (try? staging.adopt(page.file, sha256: known.sha256, bytes: known.bytes,
                                       modified: (known.seconds, known.nanoseconds))) == true
                {
                    local.cacheable[page.file] = known.inputs
                    continue
                }
                let language = page.locale ?? builder.inputs.content.site.defaultLocale
                let model = builder.model(for: page, reusing: &parts)
                let inputs = PageCache.inputs(context: cacheContext, path: page.file, language: language, model: model,
                                              messages: templates.messageUse["pages/\(page.kind.rawValue)"])
                if let known = cache.entries[page.file], known.inputs == inputs,
                   (try? staging.adopt(page.file, sha256: known.sha256, bytes: known.bytes,
                                       modified: (known.seconds, known.nanoseconds))) == true
                {
                    local.cacheable[page.file] = inputs
                } else {
                    render(page, model: model, language: language, inputs: inputs, into: &local)
                }
            }
            collected.add(local)
        }
        return collected.result
    }

    private func render(_ page: PageSpec, model: Value, language: String, inputs: String, into local: inout Result) {
        switch templates.render(page, model: model, strict: strict) {
        case .success(let bytes):
            var written = true
            do {
                try staging.write(page.file, bytes)
            } catch {
                written = false
                local.renderErrors.append(Diagnostic(file: page.file, message: "cannot write: \(error)"))
            }
            let problems = checker.check(CheckedPage(path: page.file, bytes: bytes, expectedLanguage: language))
            local.checkProblems += problems
            if written && problems.isEmpty { local.cacheable[page.file] = inputs }
        case .failure(let problem):
            local.renderErrors.append(problem)
        }
    }

    /// Results gathered from the rendering threads.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var value = Result()

        func add(_ part: Result) {
            lock.lock()
            value.renderErrors += part.renderErrors
            value.checkProblems += part.checkProblems
            value.cacheable.merge(part.cacheable) { first, _ in first }
            lock.unlock()
        }

        var result: Result {
            lock.lock()
            defer { lock.unlock() }
            // Strict-mode errors repeat on every page using the same template; report each place once.
            return Result(renderErrors: Array(Set(value.renderErrors)), checkProblems: value.checkProblems, cacheable: value.cacheable)
        }
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func increment() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }
}
