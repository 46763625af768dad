import Dispatch
import Foundation

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
