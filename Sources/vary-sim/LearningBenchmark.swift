import Foundation
import Intl
import VaryKit

/// `vary-sim bench`: how long learning takes from a simulated store with about `lines` order lines, in wall and
/// CPU time, and how much memory it adds on top of the loaded content.
enum LearningBenchmark {
    static func run(lines: Int) {
        var parameters = SimulatedStore.Parameters()
        parameters.products = 2_000
        parameters.customers = max(100, lines * 10 / 68)
        let store = SimulatedStore(parameters)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vary-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        do { try store.write(to: directory) } catch { fail("cannot write: \(error.localizedDescription)") }
        Memory.returnFreedMemory()
        let residentBeforeLoad = Memory.resident()
        Memory.resetPeak()
        let loadCPUStart = Memory.cpuSeconds()
        let loadStart = Date()
        guard let source = try? SourceFiles.read(directory: directory, displayName: "content"),
            let content = ContentLoader.load(source).content
        else { fail("the simulated store does not load") }
        let loadSeconds = Date().timeIntervalSince(loadStart)
        let loadCPU = Memory.cpuSeconds() - loadCPUStart
        print("\(content.orders.count) order lines, \(content.products.count) products, \(content.segments.count) segments, "
              + "\(content.regions.count) regions")
        print(String(format: "loading: %.2f s wall, %.2f s CPU; peak %.0f MiB resident while loading (%.0f MiB before)",
                     loadSeconds, loadCPU, Memory.peak(), residentBeforeLoad))
        // Hand the loader's freed memory back to the system, so that the peak below is what learning adds.
        Memory.returnFreedMemory()
        let residentBefore = Memory.resident()
        Memory.resetPeak()
        let cpuStart = Memory.cpuSeconds()
        let start = Date()
        let model = LearnedModel.train(content, now: parameters.end)
        let seconds = Date().timeIntervalSince(start)
        let cpu = Memory.cpuSeconds() - cpuStart
        let peak = Memory.peak()
        print(String(format: "learning: %.2f s wall, %.2f s CPU; %d lists; weights α %.2f, k %.0f",
                     seconds, cpu, model.evidence.count, model.weights.popularityShare, model.weights.shrinkage))
        print(String(format: "memory: %.0f MiB resident before, peak %.0f MiB during learning (+%.0f MiB)",
                     residentBefore, peak, peak - residentBefore))
    }
}

/// The process's memory and CPU time, from /proc and getrusage.
enum Memory {
    /// Asks glibc's allocator to return freed memory to the system (`malloc_trim(0)`), where there is one.
    static func returnFreedMemory() {
        guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "malloc_trim") else { return }
        typealias Trim = @convention(c) (Int) -> Int32
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
    }

    /// Current resident memory in MiB.
    static func resident() -> Double { status("VmRSS:") }

    /// Peak resident memory since the last `resetPeak`, in MiB.
    static func peak() -> Double { status("VmHWM:") }

    /// Resets the kernel's peak resident figure to the current one (Linux: `5` into clear_refs).
    static func resetPeak() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    private static func status(_ key: String) -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix(key) })
        else { return 0 }
        let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        return kilobytes / 1024
    }
}
