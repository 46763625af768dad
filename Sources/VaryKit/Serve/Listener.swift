import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A listening TCP socket whose connections a `ConnectionLoop` accepts, reading each request head before
/// handing it to a handler on a concurrent queue.
final class Listener: Sendable {
    let port: UInt16
    private let loop: ConnectionLoop

    /// Binds `host:port` (numeric IPv4 or IPv6) and listens; nothing is accepted until `resume`.
    init(
        host: String, port: UInt16, limits: ConnectionLoop.Limits,
        handler: @escaping @Sendable (SocketConnection, RequestHead.Outcome) -> Void
    ) throws(ServeError) {
        let ipv6 = host.contains(":")
        let descriptor = socket(ipv6 ? AF_INET6 : AF_INET, Listener.streamType, 0)
        guard descriptor >= 0 else { throw Listener.failure("socket") }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        do throws(ServeError) {
            try Listener.bindAddress(descriptor, host: host, port: port, ipv6: ipv6)
            // A long queue: clients beyond `maxConnections` wait there to be served in turn.
            guard listen(descriptor, SOMAXCONN) == 0 else { throw Listener.failure("listen") }
            self.port = try Listener.boundPort(descriptor, ipv6: ipv6)
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            loop = try ConnectionLoop(listening: descriptor, limits: limits, handler: handler)
        } catch {
            close(descriptor)
            throw error
        }
    }

    /// Starts accepting connections.
    func resume() { loop.start() }

    /// Stops accepting and closes the listening socket; connections in progress finish.
    func cancel() { loop.stop() }

    #if canImport(Glibc)
    private static let streamType = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
    #else
    private static let streamType = SOCK_STREAM
    #endif

    static func failure(_ operation: String) -> ServeError {
        .socket(operation: operation, message: String(cString: strerror(errno)))
    }

    private static func bindAddress(_ descriptor: Int32, host: String, port: UInt16, ipv6: Bool) throws(ServeError) {
        let result: Int32
        if ipv6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = port.bigEndian
            guard inet_pton(AF_INET6, host, &address.sin6_addr) == 1 else {
                throw .socket(operation: "bind", message: "'\(host)' is not an IPv6 address")
            }
            result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
                }
            }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
                throw .socket(operation: "bind", message: "'\(host)' is not an IPv4 address")
            }
            result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
        guard result == 0 else { throw failure("bind to \(PreviewHost.urlForm(host)):\(port)") }
    }

    /// The port the socket is bound to, which the system chose when asked for port 0.
    private static func boundPort(_ descriptor: Int32, ipv6: Bool) throws(ServeError) -> UInt16 {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard result == 0 else { throw failure("getsockname") }
        return withUnsafePointer(to: &storage) { pointer in
            ipv6
                ? pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
                : pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
        }
    }
}
