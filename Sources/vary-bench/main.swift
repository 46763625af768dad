import Foundation
import VaryKit

// Generates a synthetic store (see SyntheticStore) into a temporary folder and builds it three times with
// StoreBuild.run: cold (empty output), unchanged (same input again) and incremental (one product's price
// changed). Prints wall time, pages per second, peak resident memory and what was written for each.

struct BenchOptions {
    var landingPages = 10_000
    var products = 2_000
    var runs = 1
    var jobs = ProcessInfo.processInfo.activeProcessorCount
    var keep = false

    static let usage = "usage: vary-bench [--pages N] [--products N] [--runs N] [--jobs N] [--keep]"

    static func parse(_ arguments: [String]) -> BenchOptions? {
        var options = BenchOptions()
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            if argument == "--keep" {
                options.keep = true
                continue
            }
            guard let text = rest.popFirst(), let number = Int(text), number > 0 else { return nil }
            switch argument {
            case "--pages": options.landingPages = number
            case "--products": options.products = max(number, 50)
            case "--runs": options.runs = number
            case "--jobs": options.jobs = number
            default: return nil
            }
        }
        return options
    }
}

/// The repository's root, found from this file so the benchmark runs from any directory.
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func prepare(_ store: SyntheticStore, in root: URL) throws {
    let manager = FileManager.default
    let content = root.appendingPathComponent("content")
    try manager.createDirectory(at: content.appendingPathComponent("catalog"), withIntermediateDirectories: true)
    for (path, text) in store.files() {
        try Data(text.utf8).write(to: content.appendingPathComponent(path))
    }
    try manager.copyItem(at: repository.appendingPathComponent("content/locales"), to: content.appendingPathComponent("locales"))
    try manager.copyItem(at: repository.appendingPathComponent("site-templates"), to: root.appendingPathComponent("site-templates"))
}

func runPhase(_ name: String, root: URL, jobs: Int) -> PhaseResult {
    PeakMemory.reset()
    let options = BuildOptions(
        content: root.appendingPathComponent("content").path, templates: root.appendingPathComponent("site-templates").path,
        output: root.appendingPathComponent("output").path, now: BuildTime.parse("2026-11-25T12:00:00Z")!, jobs: jobs)
    let start = DispatchTime.now()
    let outcome = StoreBuild.run(options)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    if outcome.exitCode > 1 || outcome.report == nil {
        for diagnostic in outcome.diagnostics.prefix(20) { print(diagnostic) }
        print("vary-bench: the \(name) build failed with exit code \(outcome.exitCode)")
        exit(1)
    }
    return PhaseResult(name: name, seconds: seconds, peakBytes: PeakMemory.highWaterMark(), report: outcome.report!,
                       timings: outcome.timings, problems: outcome.diagnostics.filter { $0.severity == .error }.count)
}

func benchmark(_ options: BenchOptions) throws -> [PhaseResult] {
    let shape = StoreShape(landingPages: options.landingPages, products: options.products)
    let images = (try? FileManager.default.contentsOfDirectory(
        atPath: repository.appendingPathComponent("site-templates/assets/products").path))?.sorted() ?? []
    var store = SyntheticStore(shape: shape, images: images)
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("vary-bench-\(getpid())-\(UInt32.random(in: 0 ... .max))")
    try prepare(store, in: root)
    defer { if !options.keep { try? FileManager.default.removeItem(at: root) } else { print("kept \(root.path)") } }

    var results = [runPhase("cold", root: root, jobs: options.jobs), runPhase("unchanged", root: root, jobs: options.jobs)]
    store.changePrice(ofProductAt: store.products.count / 2)
    try Data(store.catalog().utf8).write(to: root.appendingPathComponent("content/catalog/products.json"))
    results.append(runPhase("incremental", root: root, jobs: options.jobs))
    return results
}

guard let options = BenchOptions.parse(Array(CommandLine.arguments.dropFirst())) else {
    print(BenchOptions.usage)
    exit(2)
}
let shape = StoreShape(landingPages: options.landingPages, products: options.products)
print("vary-bench: \(shape.regions) regions × \(shape.localesPerRegion) locales × \(shape.segments) segments = "
      + "\(shape.landingPages) landing pages, \(shape.products) products, \(options.jobs) jobs, \(options.runs) run(s)")
var best: [String: PhaseResult] = [:]
var order: [String] = []
for run in 1...options.runs {
    do {
        for result in try benchmark(options) {
            print("run \(run) " + result.line)
            if best[result.name] == nil { order.append(result.name) }
            if best[result.name].map({ result.seconds < $0.seconds }) ?? true { best[result.name] = result }
        }
    } catch {
        print("vary-bench: \(error)")
        exit(1)
    }
}
print("best of \(options.runs):")
for name in order { print(best[name]!.line + "\n    stages: " + best[name]!.stages) }
