import Foundation
import Testing
@testable import VaryKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Clients that open a connection and send their request head slowly or not at all.
private final class SlowClients: @unchecked Sendable {
    let descriptors: [Int32]
    private let lock = NSLock()
    private var trickling = true

    /// Opens `count` connections, each sending the start of a head but never the blank line that ends it, then
    /// one more byte every 100 ms, so that no single read ever waits long.
    init(_ count: Int, to client: HTTPTestClient) {
        descriptors = (0..<count).map { _ in
            let descriptor = client.connectSocket()
            let start = Array("GET /us/en-us/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".utf8)
            _ = start.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, HTTPTestClient.sendFlags) }
            return descriptor
        }
        let descriptors = self.descriptors
        Thread.detachNewThread { [self] in
            while lock.withLock({ trickling }) {
                for descriptor in descriptors {
                    var byte = UInt8(ascii: "a")
                    _ = send(descriptor, &byte, 1, HTTPTestClient.sendFlags | Int32(MSG_DONTWAIT))
                }
                usleep(100_000)
            }
        }
    }

    /// Whether the server has neither answered nor closed any of them yet.
    var allWaiting: Bool {
        descriptors.allSatisfy { descriptor in
            var byte: UInt8 = 0
            return recv(descriptor, &byte, 1, Int32(MSG_DONTWAIT)) < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)
        }
    }

    /// What the server answered each (read until it closed, at most 30 seconds each).
    func responses(_ client: HTTPTestClient) -> [String] {
        descriptors.map { String(decoding: client.readUntilClosed($0), as: UTF8.self) }
    }

    func close() {
        lock.withLock { trickling = false }
        for descriptor in descriptors { _ = Glibc.close(descriptor) }
    }
}

@Suite("vary serve: slow clients")
struct SlowClientTests {
    @Test("with 50 slow clients connected, other requests are all answered, and the slow ones are still waiting")
    func othersAnsweredWhileSlowOnesWait() async throws {
        // A long deadline, so that the slow clients are certainly still connected when the others are done.
        let store = try ServedStore { $0.headDeadline = 600 }
        defer { store.stop() }
        let slow = SlowClients(50, to: store.client)
        defer { slow.close() }
        for _ in 0..<10 {
            #expect(store.get("/us/en-us/").status == 200)
        }
        let client = store.client
        let statuses = await withTaskGroup(of: Int.self) { group in
            for index in 0..<20 {
                group.addTask { client.get(index.isMultiple(of: 2) ? "/de/de-de/" : "/robots.txt").status }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses == Array(repeating: 200, count: 20))
        #expect(slow.allWaiting)
    }

    @Test("a head that trickles in a byte at a time is answered 408 when its deadline passes")
    func trickleTimesOut() throws {
        let store = try ServedStore { $0.headDeadline = 1 }
        defer { store.stop() }
        let slow = SlowClients(1, to: store.client)
        defer { slow.close() }
        let response = try #require(slow.responses(store.client).first)
        #expect(response.hasPrefix("HTTP/1.1 408 Request Timeout\r\n"))
        #expect(response.hasSuffix("\r\n\r\nthe request head did not arrive within 1 s\n"))
    }

    @Test("beyond the connection cap clients wait and are served in turn: none is dropped without an answer")
    func capServesInTurn() async throws {
        let store = try ServedStore {
            $0.headDeadline = 1
            $0.maxConnections = 8
        }
        defer { store.stop() }
        // They keep sending after their 408, too, which the server reads and discards only for a moment.
        let slow = SlowClients(20, to: store.client)
        defer { slow.close() }
        // Queued behind the slow ones, it is answered once they have had their time.
        let client = store.client
        let late = Task { client.get("/us/en-us/").status }
        let answers = slow.responses(store.client)
        #expect(answers.allSatisfy { $0.hasPrefix("HTTP/1.1 408 Request Timeout\r\n") })
        #expect(await late.value == 200)
        #expect(store.get("/robots.txt").status == 200)
    }
}
