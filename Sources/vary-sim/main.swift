import Foundation
import Intl
import VaryKit

/// `vary-sim`: writes a simulated store with planted segment tastes, evaluates Vary's segment pages on it over
/// several seeds, and benchmarks learning from a million order lines.
let usage = """
    usage: vary-sim write DIR [--seed N] [--customers N] [--days N] [--products N]
           vary-sim evaluate [--seeds 1,2,3,4,5] [--customers N] [--k 24]
           vary-sim bench [--lines 1000000]
    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("vary-sim: \(message)\n\(usage)\n".utf8))
    exit(2)
}

nonisolated(unsafe) var arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name) else { return nil }
    guard index + 1 < arguments.count else { fail("\(name) needs a value") }
    let value = arguments[index + 1]
    arguments.removeSubrange(index...index + 1)
    return value
}
func number(_ name: String) -> Int? {
    guard let text = option(name) else { return nil }
    guard let value = Int(text), value > 0 else { fail("\(name) must be a positive whole number") }
    return value
}

var parameters = SimulatedStore.Parameters()
let command = arguments.isEmpty ? "" : arguments.removeFirst()
parameters.customers = number("--customers") ?? parameters.customers
parameters.days = number("--days") ?? parameters.days
parameters.products = number("--products") ?? parameters.products

switch command {
case "write":
    parameters.seed = UInt64(number("--seed") ?? 1)
    guard arguments.count == 1 else { fail("write needs one directory") }
    let directory = URL(fileURLWithPath: arguments[0])
    if FileManager.default.fileExists(atPath: directory.path) { fail("\(arguments[0]) exists; choose a new directory") }
    let store = SimulatedStore(parameters)
    do { try store.write(to: directory) } catch { fail("cannot write: \(error.localizedDescription)") }
    print("wrote \(store.products.count) products, \(store.lines.count) order lines; evaluate with")
    print("  vary evaluate --content \(arguments[0]) --now \(Instant.format(parameters.end))")
case "evaluate":
    let seeds = (option("--seeds") ?? "1,2,3,4,5").split(separator: ",").compactMap { UInt64($0) }
    let k = number("--k") ?? 24
    guard !seeds.isEmpty, arguments.isEmpty else { fail("evaluate takes --seeds, --customers, --days, --products, --k") }
    SimulationReport.run(seeds: seeds, parameters: parameters, k: k)
case "bench":
    let lines = number("--lines") ?? 1_000_000
    guard arguments.isEmpty else { fail("bench takes --lines") }
    LearningBenchmark.run(lines: lines)
default:
    fail(command.isEmpty ? "missing command" : "unknown command '\(command)'")
}
