import Foundation
import VaryKit

/// What one build of the benchmark took and did.
struct PhaseResult {
    var name: String
    var seconds: Double
    var cpuSeconds: Double
    var peakBytes: Int
    var report: BuildReport
    var timings: [BuildReport.Timing]
    /// Check errors the build found (a realistic store has none).
    var problems: Int
    /// Pages whose view model the build built; the others were taken over from the previous build.
    var personalized = 0

    var pages: Int { report.pagesByKind.values.reduce(0, +) }

    /// `cold         3401 pages  1.523 s wall  2.810 s CPU   2233 pages/s  peak RSS 212 MiB  written 3498 unchanged 0 removed 0`.
    var line: String {
        let name = self.name.padding(toLength: 12, withPad: " ", startingAt: 0)
        return String(format: "%@ %6d pages %7.3f s wall %7.3f s CPU %7.0f pages/s  peak RSS %4d MiB  written %d unchanged %d removed %d",
                      name, pages, seconds, cpuSeconds, Double(pages) / seconds, peakBytes >> 20,
                      report.written, report.unchanged, report.removed)
            + (problems > 0 ? "  (\(problems) check errors)" : "")
    }

    /// The stage timings, `load 120 ms, validate 30 ms, …`, and the number of view models built.
    var stages: String {
        timings.map { "\($0.stage) \($0.milliseconds) ms" }.joined(separator: ", ") + "; \(personalized) models built"
    }
}

/// The process's peak resident memory, from `/proc/self/status` (Linux).
enum PeakMemory {
    /// Starts a new peak from the current resident size (writing 5 to `/proc/self/clear_refs`).
    static func reset() {
        try? Data("5".utf8).write(to: URL(fileURLWithPath: "/proc/self/clear_refs"))
    }

    /// `VmHWM` in bytes, or 0 where the file does not exist.
    static func highWaterMark() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
            return digits * 1024
        }
        return 0
    }
}
