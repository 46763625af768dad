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

    struct Result {
        /// Template errors (strict mode) and write failures: the build must not land.
        var renderErrors: [Diagnostic] = []
        /// What the check stage found in the rendered pages.
        var checkProblems: [Diagnostic] = []
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
                switch templates.render(page, model: builder.model(for: page, reusing: &parts), strict: strict) {
                case .success(let bytes):
                    do {
                        try staging.write(page.file, bytes)
                    } catch {
                        local.renderErrors.append(Diagnostic(file: page.file, message: "cannot write: \(error)"))
                    }
                    let checked = CheckedPage(path: page.file, bytes: bytes, expectedLanguage: page.locale ?? builder.inputs.content.site.defaultLocale)
                    local.checkProblems += checker.check(checked)
                case .failure(let problem):
                    local.renderErrors.append(problem)
                }
                let finished = done.increment()
                if finished % step == 0 || finished == pages.count { events(.progress(done: finished, total: pages.count)) }
            }
            collected.add(local)
        }
        return collected.result
    }

    /// Results gathered from the rendering threads.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var value = Result()

        func add(_ part: Result) {
            lock.lock()
            value.renderErrors += part.renderErrors
            value.checkProblems += part.checkProblems
            lock.unlock()
        }

        var result: Result {
            lock.lock()
            defer { lock.unlock() }
            // Strict-mode errors repeat on every page using the same template; report each place once.
            return Result(renderErrors: Array(Set(value.renderErrors)), checkProblems: value.checkProblems)
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
