import Foundation
import Intl
import VaryKit

/// `vary-sim evaluate`: `vary evaluate` on a fresh simulated store per seed, with the mean over seeds.
enum SimulationReport {
    static func run(seeds: [UInt64], parameters: SimulatedStore.Parameters, k: Int) {
        let methods = Evaluation.Method.allCases
        var sums = [Evaluation.Method: Double]()
        print("seed  " + methods.map { $0.rawValue.padded(16) }.joined() + "  pages/best  pages/SAR")
        for seed in seeds {
            var seeded = parameters
            seeded.seed = seed
            let store = SimulatedStore(seeded)
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vary-sim-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            do { try store.write(to: directory) } catch { fail("cannot write: \(error.localizedDescription)") }
            let cutoff = parameters.end.addingTimeInterval(-14 * 86_400)
            switch Evaluation.evaluate(content: directory.path, cutoff: cutoff, now: parameters.end, k: k) {
            case .failure(let failure): fail(failure.diagnostics.map(\.description).joined(separator: "\n"))
            case .success(let evaluation):
                var line = "\(seed)".padding(toLength: 6, withPad: " ", startingAt: 0)
                for method in methods {
                    let rate = evaluation.total[method]?.score.hitRate ?? 0
                    sums[method, default: 0] += rate
                    line += String(format: "%.3f", rate).padded(16)
                }
                line += String(format: "%.2f×", evaluation.lift(over: .bestSellers)).padded(12)
                line += String(format: "%.2f×", evaluation.lift(over: .sar)).padded(11)
                let weights = evaluation.weights
                line += String(format: "   α %.2f k %.0f β %.2f", weights.popularityShare, weights.shrinkage, weights.regionalShare)
                print(line)
            }
        }
        let count = Double(seeds.count)
        var line = "mean  "
        for method in methods { line += String(format: "%.3f", sums[method]! / count).padded(16) }
        let pages = sums[.segmentPages]! / count
        line += String(format: "%.2f×", pages / (sums[.bestSellers]! / count)).padded(12)
        line += String(format: "%.2f×", pages / (sums[.sar]! / count)).padded(11)
        print(line)
        print("hit-rate@\(k) of each (region, segment) list against its customers' purchases in the 14 days after the cutoff")
    }
}

extension String {
    /// Right-aligned in `width` columns.
    func padded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
