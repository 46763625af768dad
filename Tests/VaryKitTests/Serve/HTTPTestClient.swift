import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A response as the tests read it.
struct TestResponse {
    var status: Int
    var fields: [(name: String, value: String)]
    var body: String

    func header(_ name: String) -> String? {
        fields.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// A minimal HTTP client on raw sockets: one request per connection, read until the server closes.
struct HTTPTestClient {
    let port: UInt16

    #if canImport(Glibc)
    static let streamType = Int32(SOCK_STREAM.rawValue)
    static let sendFlags = Int32(MSG_NOSIGNAL)
    #else
    static let streamType = SOCK_STREAM
    static let sendFlags: Int32 = 0
    #endif

    /// Sends `GET target` with `headers` (and a Host header).
    func get(_ target: String, headers: [(String, String)] = [], method: String = "GET") -> TestResponse {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        return sendRaw(Array((head + "\r\n").utf8))
    }

    /// Sends bytes as they are and parses what comes back.
    func sendRaw(_ bytes: [UInt8]) -> TestResponse {
        let raw = exchange(bytes)
        let text = String(decoding: raw, as: UTF8.self)
        guard let end = text.range(of: "\r\n\r\n") else { return TestResponse(status: 0, fields: [], body: text) }
        let lines = text[..<end.lowerBound].components(separatedBy: "\r\n")
        let status = Int(lines[0].split(separator: " ")[1]) ?? 0
        let fields = lines.dropFirst().map { line -> (name: String, value: String) in
            let colon = line.firstIndex(of: ":")!
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        return TestResponse(status: status, fields: fields, body: String(text[end.upperBound...]))
    }

    /// Connects, writes, and reads until the server closes the connection (at most 30 seconds).
    func exchange(_ bytes: [UInt8]) -> [UInt8] {
        let descriptor = connectSocket()
        defer { close(descriptor) }
        _ = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Self.sendFlags) }
        shutdown(descriptor, Int32(SHUT_WR))  // one request per connection: say so, as a closed-early client would
        return readUntilClosed(descriptor)
    }

    /// An open connection to the server, with a 30-second read timeout.
    func connectSocket() -> Int32 {
        let descriptor = socket(AF_INET, Self.streamType, 0)
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        precondition(result == 0, "cannot connect to port \(port)")
        return descriptor
    }

    /// Reads until end of stream or timeout.
    func readUntilClosed(_ descriptor: Int32) -> [UInt8] {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received += chunk[0..<count]
        }
        return received
    }

    /// Reads from an open connection until `text` has arrived (or 30 seconds pass); returns all read.
    func read(_ descriptor: Int32, until text: String) -> String {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while !String(decoding: received, as: UTF8.self).contains(text) {
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received += chunk[0..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }
}
