import Foundation

/// What the request handlers need from the build loop — the routing table, the last build's failure,
/// a generation counter — and the open live-reload streams, all behind one lock.
final class PreviewState: @unchecked Sendable {
    // @unchecked: every stored property is read and written while holding `lock`.

    /// A consistent copy of the state for one request.
    struct Snapshot: Sendable {
        /// The table of the last good output, or nil when there is none.
        var routes: RouteTable?
        /// The errors of the last build when it failed, else nil.
        var failure: [Diagnostic]?
        /// Counts finished builds; pages carry it so that a stale page reloads.
        var generation: Int
        /// The warnings and check problems of the last build when it succeeded.
        var warnings: [Diagnostic] = []
    }

    private let lock = NSLock()
    private var current = Snapshot(routes: nil, failure: nil, generation: 0)
    private var streams: [SocketConnection] = []

    func snapshot() -> Snapshot { lock.withLock { current } }

    /// Records a finished build and tells every open stream; `routes` nil keeps the previous table.
    func publish(routes: RouteTable?, failure: [Diagnostic]?, warnings: [Diagnostic] = []) {
        lock.withLock {
            if let routes { current.routes = routes }
            current.failure = failure
            current.warnings = warnings
            current.generation += 1
            let event = Self.event(current.generation)
            streams = streams.filter { stream in
                if stream.write(event) { return true }
                stream.close()
                return false
            }
        }
    }

    /// Starts an event stream on `connection`, beginning with the current generation so that a page
    /// served before the latest build reloads at once.
    func subscribe(_ connection: SocketConnection) {
        lock.withLock {
            guard connection.write(HTTPResponse.eventStreamHead + Array("retry: 1000\n\n".utf8) + Self.event(current.generation))
            else { return connection.close() }
            streams.append(connection)
        }
    }

    /// Sends a comment to every stream so that closed ones are noticed and dropped.
    func heartbeat() {
        lock.withLock {
            streams = streams.filter { stream in
                if stream.write(Array(": ping\n\n".utf8)) { return true }
                stream.close()
                return false
            }
        }
    }

    /// How many live-reload streams are open.
    var streamCount: Int { lock.withLock { streams.count } }

    /// Closes every stream (when the server stops).
    func closeStreams() {
        lock.withLock {
            for stream in streams { stream.close() }
            streams = []
        }
    }

    private static func event(_ generation: Int) -> [UInt8] {
        Array("event: build\ndata: \(generation)\n\n".utf8)
    }
}
