import Dispatch

/// Time spent in each step a page goes through, summed over the rendering threads (so, CPU time rather than
/// wall time): how the pages stage divides between personalize, digest, render, check and write.
struct StepTimes: Sendable {
    enum Step: String, CaseIterable, Sendable {
        case personalize, digest, render, check, write
    }

    private var nanoseconds = [UInt64](repeating: 0, count: Step.allCases.count)

    /// Runs `body`, adding its duration to `step`.
    mutating func measure<T>(_ step: Step, _ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { nanoseconds[Step.allCases.firstIndex(of: step)!] += DispatchTime.now().uptimeNanoseconds - start }
        return try body()
    }

    mutating func add(_ other: StepTimes) {
        for index in nanoseconds.indices { nanoseconds[index] += other.nanoseconds[index] }
    }

    /// What ends a step's name in the timings: its time is summed over the rendering threads, not wall-clock.
    static let threadSuffix = " (threads)"

    /// One timing per step, `personalize (threads)`, in the order pages go through them.
    var timings: [BuildReport.Timing] {
        Step.allCases.enumerated().map { index, step in
            BuildReport.Timing(stage: step.rawValue + Self.threadSuffix, milliseconds: Int(nanoseconds[index] / 1_000_000))
        }
    }
}
