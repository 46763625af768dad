import Foundation

/// The I/O floor of a build: how long `cp -r` takes to copy the finished output tree on the same disk.
struct CopyFloor {
    var seconds: Double
    var cpuSeconds: Double
    var files: Int
    var bytes: Int

    /// `floor (cp -r)  3401 files  155.2 MB  0.462 s wall  0.410 s CPU`.
    var line: String {
        String(format: "floor (cp -r) %6d files %7.1f MB %7.3f s wall %7.3f s CPU",
               files, Double(bytes) / 1e6, seconds, cpuSeconds)
    }

    /// Copies `output` beside itself with `cp -r`, times it, and removes the copy.
    static func measure(_ output: URL) throws -> CopyFloor {
        let (files, bytes) = size(of: output)
        let copy = output.deletingLastPathComponent().appendingPathComponent("floor-copy")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/cp")
        process.arguments = ["-r", output.path, copy.path]
        // RUSAGE_CHILDREN sums every child waited for so far, so take the difference (with --runs N there are N copies).
        let childrenBefore = CPUTime.children()
        let start = DispatchTime.now()
        try process.run()
        process.waitUntilExit()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let cpuSeconds = CPUTime.children() - childrenBefore
        try? FileManager.default.removeItem(at: copy)
        return CopyFloor(seconds: seconds, cpuSeconds: cpuSeconds, files: files, bytes: bytes)
    }

    /// The number of regular files under a folder and their bytes.
    static func size(of folder: URL) -> (files: Int, bytes: Int) {
        var files = 0, bytes = 0
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.fileSizeKey, .isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard let values = try? url.resourceValues(forKeys: [.fileSizeKey, .isRegularFileKey]), values.isRegularFile == true
            else { continue }
            files += 1
            bytes += values.fileSize ?? 0
        }
        return (files, bytes)
    }
}

/// The process's CPU time (user + system), from `getrusage`.
enum CPUTime {
    static func now() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return seconds(usage)
    }

    /// The CPU time of every child process waited for so far.
    static func children() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return seconds(usage)
    }

    static func seconds(_ usage: rusage) -> Double {
        Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}

/// The machine's load, to tell how much of the wall time other work took.
enum LoadAverage {
    /// The first three fields of `/proc/loadavg`, `2.10 1.85 1.40`.
    static func text() -> String {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "unknown" }
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }
}
