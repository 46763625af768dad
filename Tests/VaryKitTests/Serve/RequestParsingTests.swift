import Foundation
import Testing
@testable import VaryKit

@Suite("vary serve: requests")
struct RequestParsingTests {
    private func parse(_ text: String) throws(HTTPRequest.Problem) -> HTTPRequest {
        try HTTPRequest.parse(Array(text.utf8))
    }

    @Test("a request head is parsed into method, target, version and fields")
    func parsesHead() throws {
        let request = try parse("GET /de/de-de/?x=1 HTTP/1.1\r\nHost: a\r\nCookie:  vary_segment=x \r\nACCEPT-language: de\r\n\r\n")
        #expect(request.method == "GET")
        #expect(request.target == "/de/de-de/?x=1")
        #expect(request.version == "HTTP/1.1")
        #expect(request.header("cookie") == "vary_segment=x")
        #expect(request.header("Accept-Language") == "de")
        #expect(try parse("GET / HTTP/1.0\r\n\r\n").header("Host") == nil)
    }

    @Test("malformed heads are refused with the reason", arguments: [
        ("GET /\r\nHost: a\r\n\r\n", "the request line is not 'METHOD target HTTP/1.1'"),
        ("GET  / HTTP/1.1\r\nHost: a\r\n\r\n", "the request line is not 'METHOD target HTTP/1.1'"),
        ("G(T / HTTP/1.1\r\nHost: a\r\n\r\n", "the method is not a token"),
        ("GET de/ HTTP/1.1\r\nHost: a\r\n\r\n", "the target must be a path starting with '/' of visible ASCII characters"),
        ("GET http://a/ HTTP/1.1\r\nHost: a\r\n\r\n", "the target must be a path starting with '/' of visible ASCII characters"),
        ("GET / HTTX/1.1\r\nHost: a\r\n\r\n", "'HTTX/1.1' is not an HTTP version"),
        ("GET / HTTP/1.1\nHost: a\r\n\r\n", "a line ends with LF alone"),
        ("GET / HTTP/1.1\r\nHost: a\rb\r\n\r\n", "a CR without LF"),
        ("GET / HTTP/1.1\r\nHost : a\r\n\r\n", "'Host ' is not a header name (no spaces before ':', no folded lines)"),
        ("GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n", "a header line without ':'"),
        ("GET / HTTP/1.1\r\nHost: a\r\nX: a\u{1}b\r\n\r\n", "a control character in header 'X'"),
        ("GET / HTTP/1.1\r\nX: a\r\n\r\n", "HTTP/1.1 needs a Host header"),
        ("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", "more than one Host header"),
        ("GET / HTTP/1.1\r\nHost: a\u{0}\r\n\r\n", "a NUL byte"),
    ])
    func malformed(text: String, reason: String) {
        #expect(throws: HTTPRequest.Problem.malformed(reason)) { try parse(text) }
    }

    @Test("another HTTP version is 505 and too many fields 431")
    func versionAndFieldCount() {
        #expect(throws: HTTPRequest.Problem.unsupportedVersion("HTTP/2.0")) { try parse("GET / HTTP/2.0\r\nHost: a\r\n\r\n") }
        let many = (0...HTTPRequest.maximumFields).map { "X-\($0): 1\r\n" }.joined()
        #expect(throws: HTTPRequest.Problem.tooManyFields) { try parse("GET / HTTP/1.1\r\nHost: a\r\n" + many + "\r\n") }
    }

    @Test("over the socket: POST is 405 with Allow, malformed is 400, a huge head 431, an old version 505")
    func statusesOverTheSocket() throws {
        let store = try ServedStore()
        defer { store.stop() }
        let post = store.client.sendRaw(Array("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello".utf8))
        #expect(post.status == 405)
        #expect(post.header("Allow") == "GET, HEAD")
        for method in ["PUT", "DELETE", "OPTIONS", "PATCH"] {
            #expect(store.client.get("/robots.txt", method: method).status == 405)
        }
        #expect(store.client.sendRaw(Array("GET /\r\n\r\n".utf8)).status == 400)
        #expect(store.client.sendRaw(Array("GET / HTTP/1.1\r\n\r\n".utf8)).status == 400)
        #expect(store.client.sendRaw(Array("GET / HTTP/1.1\r\nHost: a\r\n".utf8) + [0x0d]).status == 400)  // closed mid-head
        let huge = "GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + String(repeating: "a", count: 9000) + "\r\n\r\n"
        #expect(store.client.sendRaw(Array(huge.utf8)).status == 431)
        let fits = "GET /robots.txt HTTP/1.1\r\nHost: a\r\nX-Big: " + String(repeating: "a", count: 8000) + "\r\n\r\n"
        #expect(store.client.sendRaw(Array(fits.utf8)).status == 200)
        #expect(store.client.sendRaw(Array("GET / HTTP/3.0\r\nHost: a\r\n\r\n".utf8)).status == 505)
    }

    @Test("a non-loopback host is refused before anything is bound", arguments: ["0.0.0.0", "192.168.1.10", "::", "example.com"])
    func refusesPublicHosts(host: String) {
        let options = ServeOptions(build: BuildOptions(now: MiniStore.now), host: host, port: 0)
        let server = PreviewServer(options: options, now: { MiniStore.now })
        #expect(throws: ServeError.self) { try server.start() }
        #expect(server.port == 0)
        #expect(PreviewHost.isAllowed(host) == false)
        #expect(PreviewHost.isAllowed("::1") && PreviewHost.isAllowed("localhost") && PreviewHost.isAllowed("127.0.0.1"))
    }
}
