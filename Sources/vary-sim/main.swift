import Foundation
import Intl
import VaryKit

/// `vary-sim`: writes a simulated store with planted segment tastes, evaluates Vary's segment pages on it over
/// several seeds, and benchmarks learning from a million order lines.
let usage = """
    usage: vary-sim write DIR [--seed N] [--customers N] [--days N] [--products N]
           vary-sim evaluate [--seeds 1,2,3,4,5] [--customers N] [--days N] [--products N] [--k 24]
           vary-sim bench [--lines 1000000]
    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("vary-sim: \(message)\n\(usage)\n".utf8))
    exit(2)
}

/// The command line's words, taken one option at a time.
struct Words {
    var remaining: [String]

    mutating func option(_ name: String) -> String? {
        guard let index = remaining.firstIndex(of: name) else { return nil }
        guard index + 1 < remaining.count else { fail("\(name) needs a value") }
        let value = remaining[index + 1]
        remaining.removeSubrange(index...index + 1)
        return value
    }

    mutating func number(_ name: String) -> Int? {
        guard let text = option(name) else { return nil }
        guard let value = Int(text), value > 0 else { fail("\(name) must be a positive whole number") }
        return value
    }
}

var words = Words(remaining: Array(CommandLine.arguments.dropFirst()))
var parameters = SimulatedStore.Parameters()
let command = words.remaining.isEmpty ? "" : words.remaining.removeFirst()
parameters.customers = words.number("--customers") ?? parameters.customers
parameters.days = words.number("--days") ?? parameters.days
parameters.products = words.number("--products") ?? parameters.products

switch command {
case "write":
    parameters.seed = UInt64(words.number("--seed") ?? 1)
    guard words.remaining.count == 1 else { fail("write needs one directory") }
    let path = words.remaining[0]
    let directory = URL(fileURLWithPath: path)
    if FileManager.default.fileExists(atPath: directory.path) { fail("\(path) exists; choose a new directory") }
    let store = SimulatedStore(parameters)
    do { try store.write(to: directory) } catch { fail("cannot write: \(error.localizedDescription)") }
    print("wrote \(store.products.count) products, \(store.lines.count) order lines; evaluate with")
    print("  vary evaluate --content \(path) --now \(Instant.format(parameters.end))")
case "evaluate":
    let seedList = (words.option("--seeds") ?? "1,2,3,4,5").split(separator: ",", omittingEmptySubsequences: false)
    let seeds = seedList.map { text -> UInt64 in
        guard let seed = UInt64(text) else { fail("--seeds: '\(text)' is not a whole number (give them as 1,2,3)") }
        return seed
    }
    let k = words.number("--k") ?? 24
    guard !seeds.isEmpty, words.remaining.isEmpty else { fail("evaluate takes --seeds, --customers, --days, --products, --k") }
    SimulationReport.run(seeds: seeds, parameters: parameters, k: k)
case "bench":
    let lines = words.number("--lines") ?? 1_000_000
    guard words.remaining.isEmpty else { fail("bench takes --lines") }
    LearningBenchmark.run(lines: lines)
default:
    fail(command.isEmpty ? "missing command" : "unknown command '\(command)'")
}
