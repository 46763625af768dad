import Foundation

/// What `vary build` was asked to do.
public struct BuildOptions: Sendable {
    public var content: URL
    public var templates: URL
    public var output: URL
    /// Folder names as the user wrote them, for diagnostics (`content/site.json:3:5`).
    public var contentName: String
    public var templatesName: String
    public var outputName: String
    /// Replace an existing output folder that is not empty even when Vary did not write it (see `OutputPlacement`).
    public var force = false
    /// How output files are created; tests replace it to fail like a full disk.
    var fileCreation = FileCreation.system
    public var now: Date
    /// Rendering threads.
    public var jobs: Int
    /// A name that resolves to nothing in a template is an error.
    public var strict: Bool
    /// How every page is checked after rendering (`--check`).
    public var check: CheckDepth = .data
    /// A shopper-visible text resolved by falling back is an error (`--fail-on-fallback`).
    public var failOnFallback = false
    /// Render only this shard's pages, with a record for `vary merge` (`--shard I/N`); nil builds the whole site.
    public var shard: Shard?

    public init(
        content: String = "content", templates: String = "site-templates", output: String = "output", now: Date,
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount, strict: Bool = false
    ) {
        self.content = URL(fileURLWithPath: content)
        self.templates = URL(fileURLWithPath: templates)
        self.output = URL(fileURLWithPath: output)
        contentName = BuildOptions.displayName(content)
        templatesName = BuildOptions.displayName(templates)
        outputName = BuildOptions.displayName(output)
        self.now = now
        self.jobs = max(1, jobs)
        self.strict = strict
    }

    static func displayName(_ path: String) -> String {
        var name = path
        while name.hasSuffix("/") && name.count > 1 { name.removeLast() }
        if name.hasPrefix("./") { name.removeFirst(2) }
        return name
    }
}

/// How a build checks its pages. The templates are always proven at compile time (`TemplateProof`).
public enum CheckDepth: String, Sendable, CaseIterable {
    /// Every page's data-dependent rules (links, language, alternates, JSON-LD, images, headings) on one pass
    /// over its bytes; well-formedness and escaping are what the template proof guarantees.
    case data
    /// Also every page parsed with libxml2 and its tags balanced, as `vary check` does: the independent proof.
    case full
}

/// A moment of a build that a terminal or CI log shows.
public enum BuildEvent: Sendable {
    case stageStarted(String)
    case stageFinished(String, milliseconds: Int)
    /// Pages rendered so far out of all.
    case progress(done: Int, total: Int)
}

/// The result of a build: what went wrong, what was written, and the exit code SPEC "Command line" defines.
public struct BuildOutcome: Sendable {
    /// 0 success, 1 built but checks found problems, 2 bad input (nothing written), 3 I/O or internal failure.
    public var exitCode: Int32
    public var diagnostics: [Diagnostic]
    public var report: BuildReport?
    public var timings: [BuildReport.Timing]
    /// How many pages had their view model built; the others were taken over from the previous build unchanged.
    public var personalized = 0

    /// The build's wall-clock time: its stages, without the thread time of the steps inside them.
    public var milliseconds: Int {
        timings.filter { !$0.stage.hasSuffix(StepTimes.threadSuffix) }.reduce(0) { $0 + $1.milliseconds }
    }
}
