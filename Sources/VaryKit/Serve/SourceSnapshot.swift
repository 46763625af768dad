import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The modification time and size of every file under the watched folders, to notice edits by
/// comparing two scans (portable, and simple enough to trust).
struct SourceSnapshot: Sendable, Equatable {
    /// What is compared for one file.
    struct Stamp: Sendable, Equatable {
        var modifiedNanoseconds: Int64
        var size: Int64
    }

    /// Stamps by display path (`content/site.json`).
    var files: [String: Stamp]

    /// Scans each folder, naming files by the folder's display name and their relative path; hidden
    /// files and folders are skipped, as the build skips them (an editor's swap file is no change).
    static func take(_ folders: [(url: URL, name: String)]) -> SourceSnapshot {
        var files: [String: Stamp] = [:]
        for folder in folders {
            let base = folder.url.path
            guard let enumerator = FileManager.default.enumerator(atPath: base) else { continue }
            while let relative = enumerator.nextObject() as? String {
                if relative.split(separator: "/").last?.hasPrefix(".") == true {
                    enumerator.skipDescendants()
                    continue
                }
                var info = stat()
                guard stat(base + "/" + relative, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
                #if canImport(Darwin)
                let time = info.st_mtimespec
                #else
                let time = info.st_mtim
                #endif
                files[folder.name + "/" + relative] = Stamp(
                    modifiedNanoseconds: Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec), size: Int64(info.st_size))
            }
        }
        return SourceSnapshot(files: files)
    }

    /// The display paths added, removed or changed since `earlier`, sorted.
    func changes(since earlier: SourceSnapshot) -> [String] {
        Set(files.keys).union(earlier.files.keys).filter { files[$0] != earlier.files[$0] }.sorted()
    }
}

/// Scans the sources every interval on a serial queue and calls back with what changed; the callback
/// runs on that queue, so a rebuild in progress delays the next scan instead of overlapping it.
final class Watcher: @unchecked Sendable {
    // @unchecked: `last` is only touched on `queue`; `timer` only by `start` and `stop`.
    private let folders: [(url: URL, name: String)]
    private let queue: DispatchQueue
    private let timer: DispatchSourceTimer
    private var last: SourceSnapshot

    /// A watcher whose baseline is `snapshot`; `onChange` gets the changed display paths.
    init(
        folders: [(url: URL, name: String)], baseline snapshot: SourceSnapshot, interval: Double, queue: DispatchQueue,
        onChange: @escaping @Sendable ([String]) -> Void
    ) {
        self.folders = folders
        self.queue = queue
        last = snapshot
        timer = DispatchSource.makeTimerSource(queue: queue)
        let milliseconds = max(10, Int(interval * 1000))
        timer.schedule(deadline: .now() + .milliseconds(milliseconds), repeating: .milliseconds(milliseconds))
        timer.setEventHandler { [weak self] in
            guard let self else { return }
            let now = SourceSnapshot.take(self.folders)
            guard now != self.last else { return }
            let changed = now.changes(since: self.last)
            // The baseline is the scan from before the rebuild, so an edit made during it is seen next time.
            self.last = now
            onChange(changed)
        }
    }

    func start() { timer.resume() }

    func stop() { timer.cancel() }
}
