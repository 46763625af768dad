import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Accepts connections and reads their request heads on one thread with `poll`, then hands each finished head
/// to a thread that answers it, so that a slow client costs a descriptor and a buffer rather than a thread and
/// cannot keep other clients waiting.
///
/// Each head has one deadline for the whole of it, not per read: a client sending a byte a second is answered
/// 408 when it passes. At most `maxConnections` are open at once (reading a head or being answered); beyond
/// that the loop stops accepting, and new clients wait in the kernel's listen queue until one finishes, to be
/// served in turn. Live-reload streams, which stay open as long as a page does, are not counted.
final class ConnectionLoop: @unchecked Sendable {
    // @unchecked: `active` and `stopped` are guarded by `lock`; everything else is set in init or is used
    // only by the loop's own thread.

    /// How long a head may take and how many connections may be open.
    struct Limits: Sendable {
        /// Seconds from accepting a connection to the blank line ending its head.
        var headDeadline: Double
        /// Connections being read or answered at once.
        var maxConnections: Int
        /// The most bytes of a request head.
        var maxHeadBytes: Int
    }

    /// A connection whose head is still arriving.
    private struct Pending {
        var descriptor: Int32
        var head: RequestHead
        var deadline: UInt64
    }

    private let listening: Int32
    private let limits: Limits
    private let handler: @Sendable (SocketConnection, RequestHead.Outcome) -> Void
    /// A pipe whose write end wakes the loop from `poll` (a connection finished, or `stop`).
    private let wakeRead: Int32
    private let wakeWrite: Int32
    private let lock = NSLock()
    private var active = 0
    private var stopped = false

    /// A loop over the listening socket `listening`, which it closes when stopped.
    init(listening: Int32, limits: Limits, handler: @escaping @Sendable (SocketConnection, RequestHead.Outcome) -> Void)
        throws(ServeError)
    {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw Listener.failure("pipe") }
        for end in ends { _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK) }
        wakeRead = ends[0]
        wakeWrite = ends[1]
        self.listening = listening
        self.limits = limits
        self.handler = handler
    }

    deinit {
        close(wakeRead)
        close(wakeWrite)
    }

    /// Starts the loop on a thread of its own.
    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "vary.serve.accept"
        thread.start()
    }

    /// Stops accepting and reading heads, and closes the listening socket; answers in progress finish.
    func stop() {
        lock.withLock { stopped = true }
        wake()
    }

    private func wake() {
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    private func run() {
        var pending: [Pending] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let (isStopped, open) = lock.withLock { (stopped, active) }
            if isStopped { break }
            let accepting = open < limits.maxConnections
            var polled = [pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
            if accepting { polled.append(pollfd(fd: listening, events: Int16(POLLIN), revents: 0)) }
            let readers = pending.count
            polled += pending.map { pollfd(fd: $0.descriptor, events: Int16(POLLIN), revents: 0) }
            let now = DispatchTime.now().uptimeNanoseconds
            let timeout = pending.map(\.deadline).min().map { Int32(clamping: $0 > now ? ($0 - now) / 1_000_000 + 1 : 0) } ?? -1
            if poll(&polled, nfds_t(polled.count), timeout) < 0 && errno != EINTR { break }

            if polled[0].revents != 0 { drainWakePipe() }
            if accepting && polled[1].revents != 0 { acceptAll(into: &pending) }
            let first = accepting ? 2 : 1
            let reached = DispatchTime.now().uptimeNanoseconds
            var waiting: [Pending] = []
            for (index, var connection) in pending.enumerated() {
                var outcome: RequestHead.Outcome?
                if index < readers && polled[first + index].revents != 0 { outcome = receive(&connection, chunk: &chunk) }
                if outcome == nil && reached >= connection.deadline { outcome = .timedOut }
                if let outcome { hand(connection.descriptor, outcome) } else { waiting.append(connection) }
            }
            pending = waiting
        }
        for connection in pending { close(connection.descriptor) }
        close(listening)
    }

    /// Accepts every waiting connection while there is room.
    private func acceptAll(into pending: inout [Pending]) {
        while lock.withLock({ active < limits.maxConnections }) {
            let client = accept(listening, nil, nil)
            if client < 0 { return }  // EAGAIN: nothing more to accept now
            _ = fcntl(client, F_SETFL, fcntl(client, F_GETFL) | O_NONBLOCK)
            lock.withLock { active += 1 }
            let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(limits.headDeadline * 1_000_000_000)
            pending.append(Pending(descriptor: client, head: RequestHead(limit: limits.maxHeadBytes), deadline: deadline))
        }
    }

    /// Reads what has arrived; the outcome once the head is finished (or the client gone), else nil.
    private func receive(_ connection: inout Pending, chunk: inout [UInt8]) -> RequestHead.Outcome? {
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(connection.descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                if let outcome = connection.head.append(chunk[0..<count]) { return outcome }
                continue
            }
            if count < 0 && errno == EINTR { continue }
            if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return nil }
            return .incomplete(partial: !connection.head.bytes.isEmpty)
        }
    }

    /// Answers on a thread of its own (at most `maxConnections` at once), because answering blocks — on a slow
    /// reader, on draining a client — and blocked work on the dispatch pool would wait for its few threads; the
    /// connection's place is free again when the handler returns.
    private func hand(_ descriptor: Int32, _ outcome: RequestHead.Outcome) {
        let connection = SocketConnection(descriptor)
        Thread.detachNewThread { [self] in
            handler(connection, outcome)
            lock.withLock { active -= 1 }
            wake()
        }
    }

    private func drainWakePipe() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while buffer.withUnsafeMutableBytes({ read(wakeRead, $0.baseAddress, $0.count) }) > 0 {}
    }
}
