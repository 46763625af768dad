import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One accepted client socket whose request head has been read (see `ConnectionLoop`): writes bytes, closes.
struct SocketConnection: Sendable {
    let descriptor: Int32

    /// Wraps an accepted socket, making it blocking; each `write` and `finish` has a deadline for the whole of
    /// it, so that a client that reads or sends slowly cannot hold a worker for longer.
    init(_ descriptor: Int32) {
        self.descriptor = descriptor
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        #if canImport(Darwin)
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &yes, socklen_t(MemoryLayout<Int32>.size))
        #endif
    }

    /// Seconds a whole `write` may take.
    static let writeDeadline = 10.0
    /// Seconds `finish` reads what the client still sends before closing.
    static let drainDeadline = 1.0

    /// Writes all of `bytes`; false when the client has gone away or did not take them within `writeDeadline`.
    @discardableResult
    func write(_ bytes: [UInt8]) -> Bool {
        let deadline = Deadline(seconds: Self.writeDeadline)
        return bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                guard deadline.limit(descriptor, SO_SNDTIMEO) else { return false }
                let count = send(descriptor, buffer.baseAddress! + offset, buffer.count - offset, Self.sendFlags)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { return false }
                offset += count
            }
            return true
        }
    }

    /// Ends the response: stops sending, reads and discards what the client still sends for up to
    /// `drainDeadline` (an unread request body would otherwise make the kernel reset the connection before
    /// the client read the response), then closes.
    func finish() {
        shutdown(descriptor, Int32(SHUT_WR))
        let deadline = Deadline(seconds: Self.drainDeadline)
        var drain = [UInt8](repeating: 0, count: 4096)
        var total = 0
        while total < 1 << 20, deadline.limit(descriptor, SO_RCVTIMEO) {
            let count = drain.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            total += count
        }
        _ = Self.closeDescriptor(descriptor)
    }

    /// An instant after which a blocking call should give up.
    private struct Deadline {
        let end: UInt64

        init(seconds: Double) { end = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1_000_000_000) }

        /// Sets the socket's timeout for one call to the time left; false when none is left.
        func limit(_ descriptor: Int32, _ option: Int32) -> Bool {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < end else { return false }
            let left = end - now
            var timeout = timeval(tv_sec: .init(left / 1_000_000_000), tv_usec: .init(max(1, (left % 1_000_000_000) / 1000)))
            return setsockopt(descriptor, SOL_SOCKET, option, &timeout, socklen_t(MemoryLayout<timeval>.size)) == 0
        }
    }

    /// Closes at once.
    func close() { _ = Self.closeDescriptor(descriptor) }

    private static func closeDescriptor(_ descriptor: Int32) -> Int32 {
        #if canImport(Glibc)
        Glibc.close(descriptor)
        #else
        Darwin.close(descriptor)
        #endif
    }

    #if canImport(Glibc)
    private static let sendFlags = Int32(MSG_NOSIGNAL)
    #else
    private static let sendFlags: Int32 = 0
    #endif
}
