import Foundation
import VaryKit
#if os(Linux)
/// glibc's `malloc_trim` (malloc.h, which the Glibc module does not export): hands freed heap memory back.
@_silgen_name("malloc_trim") func mallocTrim(_ pad: Int) -> Int32
#endif

// Generates a synthetic store of a named shape (see StoreShape) into a temporary folder and builds it five times
// with StoreBuild.run: cold (empty output), unchanged (same input again), one price (product 0's price changed),
// one product (a typical product's price changed) and one message (one message text changed). Then it times `cp -r` of the finished output tree, the I/O floor a
// cold build is measured against. Prints pages, MB, wall and CPU time, peak resident memory and what was written.
// `--shards N` instead times one build against N shards and their merge (ShardBench); `--write DIR` only writes the
// store (content/ and site-templates/) into DIR, for tests that need a large store.

struct BenchOptions {
    var shape = StoreShape.named["mid"]!
    var runs = 1
    var jobs = ProcessInfo.processInfo.activeProcessorCount
    var keep = false
    var shards: Int?
    var write: String?
    /// The builds to run, and `vary check` after them, in the order of `BenchOptions.builds`: all unless `--builds`
    /// names some.
    var builds = BenchOptions.builds

    /// The builds of a run, in order; each one after cold changes the input of the one before.
    static let builds = ["cold", "unchanged", "one price", "one product", "one message", "check"]

    static let usage = """
        usage: vary-bench [--shape small|mid|large|wide] [--products N] [--regions N] [--locales N] [--segments N]
                          [--runs N] [--jobs N] [--keep] [--product-pages none|all|CATEGORY] [--shards N] [--write DIR]
                          [--builds cold,unchanged,price,product,message,check]
               vary-bench --configurator [--groups N] [--values N] [--runs N]
        """

    static func parse(_ arguments: [String]) -> BenchOptions? {
        var options = BenchOptions()
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            if argument == "--keep" {
                options.keep = true
                continue
            }
            guard let text = rest.popFirst() else { return nil }
            if argument == "--write" {
                options.write = text
                continue
            }
            if argument == "--product-pages" {
                options.shape.productPages = switch text {
                case "none": "false"
                case "all": "true"
                default: "{\"categories\": [\"\(text)\"]}"
                }
                continue
            }
            if argument == "--builds" {
                let names = text.split(separator: ",").map {
                    $0 == "price" ? "one price" : $0 == "product" ? "one product" : $0 == "message" ? "one message" : String($0)
                }
                guard !names.isEmpty, names.allSatisfy(BenchOptions.builds.contains) else { return nil }
                options.builds = BenchOptions.builds.filter(names.contains)
                continue
            }
            if argument == "--shape" {
                guard let shape = StoreShape.named[text] else { return nil }
                options.shape = shape
                continue
            }
            guard let number = Int(text), number > 0 else { return nil }
            switch argument {
            case "--products": options.shape.products = max(number, 50)
            case "--regions": options.shape.regions = number
            case "--locales": options.shape.localesPerRegion = min(number, Vocabulary.languages.count)
            case "--segments": options.shape.segments = number
            case "--runs": options.runs = number
            case "--jobs": options.jobs = number
            case "--shards": options.shards = number
            default: return nil
            }
        }
        return options
    }
}

/// The repository's root, found from this file so the benchmark runs from any directory.
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The message the one-message build changes, in `locales/en.json` (used on promotion pages that have a code).
let changedMessage = (id: "offer.code", text: "Use the code")

func prepare(_ store: SyntheticStore, in root: URL) throws {
    let manager = FileManager.default
    let content = root.appendingPathComponent("content")
    try manager.createDirectory(at: content.appendingPathComponent("catalog"), withIntermediateDirectories: true)
    for (path, text) in store.files() {
        try Data(text.utf8).write(to: content.appendingPathComponent(path))
    }
    let locales = content.appendingPathComponent("locales")
    try manager.copyItem(at: repository.appendingPathComponent("content/locales"), to: locales)
    for language in Vocabulary.extraLanguages {
        try manager.copyItem(at: locales.appendingPathComponent("en.json"), to: locales.appendingPathComponent("\(language).json"))
    }
    try manager.copyItem(at: repository.appendingPathComponent("site-templates"), to: root.appendingPathComponent("site-templates"))
}

/// Rewrites `locales/en.json` with one message changed.
func changeMessage(in root: URL) throws {
    let url = root.appendingPathComponent("content/locales/en.json")
    let text = try String(contentsOf: url, encoding: .utf8)
    let line = text.split(separator: "\n").first { $0.contains("\"\(changedMessage.id)\"") }!
    let changed = line.hasSuffix(",") ? "  \"\(changedMessage.id)\": \"\(changedMessage.text)\"," : "  \"\(changedMessage.id)\": \"\(changedMessage.text)\""
    try Data(text.replacingOccurrences(of: String(line), with: changed).utf8).write(to: url)
}

/// The part of a build's report the benchmark prints: without its warnings, which for a large catalog without
/// translations are tens of megabytes the benchmark would otherwise hold through the following builds.
func figures(of report: BuildReport) -> BuildReport {
    var figures = report
    figures.warnings = []
    return figures
}

func runPhase(_ name: String, root: URL, jobs: Int) -> PhaseResult {
    // What the benchmark freed (the generated store, an earlier build) goes back to the system before the peak is reset.
    #if os(Linux)
    _ = mallocTrim(0)
    #endif
    PeakMemory.reset()
    let options = BuildOptions(
        content: root.appendingPathComponent("content").path, templates: root.appendingPathComponent("site-templates").path,
        output: root.appendingPathComponent("output").path, now: BuildTime.parse("2026-11-25T12:00:00Z")!, jobs: jobs)
    let peaks = StagePeaks()
    let cpu = CPUTime.now()
    let start = DispatchTime.now()
    let outcome = StoreBuild.run(options, events: peaks.record)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    let cpuSeconds = CPUTime.now() - cpu
    let memory = peaks.finish()
    if outcome.exitCode > 1 || outcome.report == nil {
        for diagnostic in outcome.diagnostics.prefix(20) { print(diagnostic) }
        print("vary-bench: the \(name) build failed with exit code \(outcome.exitCode)")
        exit(1)
    }
    return PhaseResult(name: name, seconds: seconds, cpuSeconds: cpuSeconds, peakBytes: memory.peak,
                       report: figures(of: outcome.report!), timings: outcome.timings,
                       problems: outcome.diagnostics.filter { $0.severity == .error }.count, personalized: outcome.personalized,
                       stagePeaks: memory.stages)
}

/// One run of the benchmark: the four builds, the floor and `vary check`.
struct RunResult {
    var phases: [PhaseResult]
    var floor: CopyFloor
    var check: FullCheck?
}

/// `vary check` over the last build's output: every page parsed with libxml2, in parallel.
struct FullCheck {
    var pages: Int
    var seconds: Double
    var cpuSeconds: Double
    var problems: Int

    var line: String {
        String(format: "vary check    %6d pages %7.3f s wall %7.3f s CPU %7.0f pages/s  (%d problems)",
               pages, seconds, cpuSeconds, Double(pages) / seconds, problems)
    }

    static func measure(_ output: URL) throws -> FullCheck {
        let pages = try FileManager.default.subpathsOfDirectory(atPath: output.path).filter { $0.hasSuffix(".html") }.count
        let cpu = CPUTime.now()
        let start = DispatchTime.now()
        let problems = try SiteCheck.check(outputDirectory: output).filter { $0.severity == .error }.count
        return FullCheck(pages: pages, seconds: Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9,
                         cpuSeconds: CPUTime.now() - cpu, problems: problems)
    }
}

func benchmark(_ options: BenchOptions) throws -> RunResult {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("vary-bench-\(getpid())-\(UInt32.random(in: 0 ... .max))")
    // The store is not kept while building (the builds measure Vary's memory, not the benchmark's): it is made
    // again, the same, for the price change.
    try prepare(SyntheticStore(shape: options.shape, images: images), in: root)
    defer { if !options.keep { try? FileManager.default.removeItem(at: root) } else { print("kept \(root.path)") } }

    // Every build runs after a cold one into the same output; those not asked for are left out, not their input changes.
    var phases = [runPhase("cold", root: root, jobs: options.jobs)]
    let floor = try CopyFloor.measure(root.appendingPathComponent("output"))
    if options.builds.contains("unchanged") { phases.append(runPhase("unchanged", root: root, jobs: options.jobs)) }
    // Product 0 is an item of the bundle kit-1 and on Black Friday offer, so pages show it in most regions.
    do {
        var store = SyntheticStore(shape: options.shape, images: images)
        store.changePrice(ofProductAt: 0)
        try Data(store.catalog().utf8).write(to: root.appendingPathComponent("content/catalog/products.json"))
    }
    if options.builds.contains("one price") { phases.append(runPhase("one price", root: root, jobs: options.jobs)) }
    // A typical product: in no bundle, pinned nowhere, shown on the landing pages that rank it.
    do {
        var store = SyntheticStore(shape: options.shape, images: images)
        store.changePrice(ofProductAt: 0)
        store.changePrice(ofProductAt: SyntheticStore.typicalProduct(of: options.shape))
        try Data(store.catalog().utf8).write(to: root.appendingPathComponent("content/catalog/products.json"))
    }
    if options.builds.contains("one product") { phases.append(runPhase("one product", root: root, jobs: options.jobs)) }
    try changeMessage(in: root)
    if options.builds.contains("one message") { phases.append(runPhase("one message", root: root, jobs: options.jobs)) }
    if !options.builds.contains("cold") { phases.removeFirst() }
    // Last: `vary check` reads every page into memory first, which would raise the builds' peak memory after it.
    let check = options.builds.contains("check") ? try FullCheck.measure(root.appendingPathComponent("output")) : nil
    return RunResult(phases: phases, floor: floor, check: check)
}

if CommandLine.arguments.dropFirst().first == "--configurator" {
    exit(ConfiguratorBench.run(Array(CommandLine.arguments.dropFirst(2))))
}
guard let options = BenchOptions.parse(Array(CommandLine.arguments.dropFirst())) else {
    print(BenchOptions.usage)
    exit(2)
}
let shape = options.shape
let images = (try? FileManager.default.contentsOfDirectory(
    atPath: repository.appendingPathComponent("site-templates/assets/products").path))?
    .filter { $0.hasSuffix(".svg") }.sorted() ?? []  // the pictures, not the folder of variant pictures beside them
if let folder = options.write {
    do {
        try prepare(SyntheticStore(shape: shape, images: images), in: URL(fileURLWithPath: folder))
        exit(0)
    } catch {
        print("vary-bench: \(error)")
        exit(1)
    }
}
print("vary-bench \(shape.name): \(shape.regions) regions × \(shape.localesPerRegion) locales × \(shape.segments) segments = "
      + "\(shape.landingPages) landing pages, \(shape.products) products, productPages \(shape.productPages), "
      + "\(options.jobs) jobs, \(options.runs) run(s), "
      + "load average \(LoadAverage.text())")
if let count = options.shards {
    do {
        try ShardBench.run(SyntheticStore(shape: shape, images: images), shards: count, jobs: options.jobs)
        exit(0)
    } catch {
        print("vary-bench: \(error)")
        exit(1)
    }
}
var best: [String: PhaseResult] = [:]
var order: [String] = []
var bestFloor: CopyFloor?
for run in 1...options.runs {
    do {
        let result = try benchmark(options)
        for phase in result.phases {
            print("run \(run) " + phase.line)
            if best[phase.name] == nil { order.append(phase.name) }
            if best[phase.name].map({ phase.seconds < $0.seconds }) ?? true { best[phase.name] = phase }
        }
        print("run \(run) " + result.floor.line)
        if let check = result.check { print("run \(run) " + check.line) }
        if bestFloor.map({ result.floor.seconds < $0.seconds }) ?? true { bestFloor = result.floor }
    } catch {
        print("vary-bench: \(error)")
        exit(1)
    }
}
print("best of \(options.runs) (load average \(LoadAverage.text())):")
for name in order {
    print(best[name]!.line + "\n    stages: " + best[name]!.stages + "\n    peak RSS by stage: " + best[name]!.stageMemory)
}
if let floor = bestFloor, let cold = best["cold"] {
    print(floor.line)
    print(String(format: "cold / floor: %.1f× wall; unchanged / cold %.1f%%, one price / cold %.1f%%, one product / cold %.1f%%, "
                 + "one message / cold %.1f%%",
                 cold.seconds / floor.seconds,
                 100 * (best["unchanged"]?.seconds ?? 0) / cold.seconds, 100 * (best["one price"]?.seconds ?? 0) / cold.seconds,
                 100 * (best["one product"]?.seconds ?? 0) / cold.seconds, 100 * (best["one message"]?.seconds ?? 0) / cold.seconds))
}
