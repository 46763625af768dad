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

    struct Result {
        /// Template errors (strict mode): the build must not land.
        var renderErrors: [Diagnostic] = []
        /// The write that failed (disk full, quota, permission), which stopped rendering: an I/O failure, not bad input.
        var writeFailure: String?
        /// What the check stage found in the rendered pages.
        var checkProblems: [Diagnostic] = []
        /// Pages without problems, by path, with the digest of their inputs, for the next build's cache.
        var cacheable: [String: String] = [:]
    }

    func renderAll(_ pages: [PageSpec], jobs: Int, events: @Sendable (BuildEvent) -> Void) -> Result {
        let collected = Collected()
        let next = Counter()
        let done = Counter()
        let halted = Counter()
        let step = max(1, pages.count / 100)
        DispatchQueue.concurrentPerform(iterations: jobs) { _ in
            var local = Result()
            var parts: LocaleParts?
            while halted.current == 0 {
                let index = next.increment() - 1
                guard index < pages.count else { break }
                let page = pages[index]
                let language = page.locale ?? builder.inputs.content.site.defaultLocale
                let model = builder.model(for: page, reusing: &parts)
                let inputs = PageCache.inputs(context: cacheContext, path: page.file, language: language, model: model)
                if let known = cache.entries[page.file], known.inputs == inputs,
                   (try? staging.adopt(page.file, sha256: known.sha256, bytes: known.bytes,
                                       modified: (known.seconds, known.nanoseconds))) == true
                {
                    local.cacheable[page.file] = inputs
                } else {
                    render(page, model: model, language: language, inputs: inputs, into: &local)
                    if local.writeFailure != nil {
                        _ = halted.increment()
                        break
                    }
                }
                let finished = done.increment()
                if finished % step == 0 || finished == pages.count { events(.progress(done: finished, total: pages.count)) }
            }
            collected.add(local)
        }
        return collected.result
    }

    private func render(_ page: PageSpec, model: Value, language: String, inputs: String, into local: inout Result) {
        switch templates.render(page, model: model, strict: strict) {
        case .success(let bytes):
            do {
                try staging.write(page.file, bytes)
            } catch {
                local.writeFailure = "cannot write \(page.file): \(error)"
                return
            }
            let problems = checker.check(CheckedPage(path: page.file, bytes: bytes, expectedLanguage: language))
            local.checkProblems += problems
            if problems.isEmpty { local.cacheable[page.file] = inputs }
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
            // Threads that fail at once report one failure: the first by path, so the message is stable.
            value.writeFailure = [value.writeFailure, part.writeFailure].compactMap { $0 }.min()
            value.checkProblems += part.checkProblems
            value.cacheable.merge(part.cacheable) { first, _ in first }
            lock.unlock()
        }

        var result: Result {
            lock.lock()
            defer { lock.unlock() }
            // Strict-mode errors repeat on every page using the same template; report each place once.
            return Result(
                renderErrors: Array(Set(value.renderErrors)), writeFailure: value.writeFailure, checkProblems: value.checkProblems,
                cacheable: value.cacheable)
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
