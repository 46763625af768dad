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
    /// The peak resident memory of each stage, in stage order.
    var stagePeaks: [(stage: String, bytes: Int)] = []

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

    /// The peak resident memory of each stage, `before 20 MiB, load 80 MiB, validate 81 MiB, …` (`before`: the
    /// benchmark's own memory when the build starts).
    var stageMemory: String {
        stagePeaks.map { "\($0.stage) \($0.bytes >> 20) MiB" }.joined(separator: ", ")
    }
}

/// The peak resident memory of each stage of one build, from the build's stage events: the peak is reset when a
/// stage starts and read when it finishes; the build's peak is the highest reading, gaps between stages included.
final class StagePeaks: @unchecked Sendable {
    private let lock = NSLock()
    private var peaks: [(stage: String, bytes: Int)] = []
    private var highest = 0

    func record(_ event: BuildEvent) {
        lock.withLock {
            switch event {
            case .stageStarted:
                if peaks.isEmpty && highest == 0 { peaks.append(("before", PeakMemory.resident())) }
                highest = max(highest, PeakMemory.highWaterMark())
                PeakMemory.reset()
            case .stageFinished(let stage, _):
                let peak = PeakMemory.highWaterMark()
                highest = max(highest, peak)
                peaks.append((stage, peak))
            case .progress:
                break
            }
        }
    }

    /// Each stage's peak, and the highest of all readings including the one taken now.
    func finish() -> (stages: [(stage: String, bytes: Int)], peak: Int) {
        lock.withLock { (peaks, max(highest, PeakMemory.highWaterMark())) }
    }
}

/// The process's peak resident memory, from `/proc/self/status` (Linux).
enum PeakMemory {
    /// Starts a new peak from the current resident size (writing 5 to `/proc/self/clear_refs`).
    static func reset() {
        try? Data("5".utf8).write(to: URL(fileURLWithPath: "/proc/self/clear_refs"))
    }

    /// `VmHWM` in bytes, or 0 where the file does not exist.
    static func highWaterMark() -> Int { status("VmHWM:") }

    /// `VmRSS` in bytes, or 0 where the file does not exist.
    static func resident() -> Int { status("VmRSS:") }

    private static func status(_ field: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix(field) {
            let digits = line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
            return digits * 1024
        }
        return 0
    }
}
