/// An HTTP/1.x request head, parsed strictly (RFC 9112): the preview rejects what it cannot read
/// unambiguously rather than guessing.
struct HTTPRequest: Sendable {
    /// One header field as sent; names compare case-insensitively.
    struct Field: Sendable, Hashable {
        var name: String
        var value: String
    }

    /// Why a request head was refused, with the status to answer.
    enum Problem: Error, Equatable {
        /// 400: the head does not follow the grammar.
        case malformed(String)
        /// 431: too many header fields.
        case tooManyFields
        /// 505: a well-formed version other than HTTP/1.0 and HTTP/1.1.
        case unsupportedVersion(String)

        var status: Int {
            switch self {
            case .malformed: 400
            case .tooManyFields: 431
            case .unsupportedVersion: 505
            }
        }

        var message: String {
            switch self {
            case .malformed(let reason): "malformed request: \(reason)"
            case .tooManyFields: "too many header fields (at most \(HTTPRequest.maximumFields))"
            case .unsupportedVersion(let version): "\(version) is not supported; use HTTP/1.1"
            }
        }
    }

    /// The largest request head accepted, request line and headers included.
    static let maximumHeadBytes = 8192
    /// The most header fields accepted.
    static let maximumFields = 100

    var method: String
    /// The request target as sent, in origin form (`/de/de-de/?segment=x`).
    var target: String
    var version: String
    var fields: [Field]

    /// The first field named `name` (case-insensitive).
    func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return fields.first { $0.name.lowercased() == lowered }?.value
    }

    /// Parses a head that ends with CRLF CRLF, as `SocketConnection.readHead` returns it.
    static func parse(_ head: [UInt8]) throws(Problem) -> HTTPRequest {
        guard head.count >= 4, head.suffix(4).elementsEqual([13, 10, 13, 10]) else { throw .malformed("the head does not end with an empty line") }
        let lines = try splitLines(head.dropLast(4))
        guard let requestLine = lines.first else { throw .malformed("no request line") }
        var request = try parseRequestLine(requestLine)
        for line in lines.dropFirst() {
            request.fields.append(try parseField(line))
            if request.fields.count > maximumFields { throw .tooManyFields }
        }
        let hosts = request.fields.filter { $0.name.lowercased() == "host" }
        if request.version == "HTTP/1.1" && hosts.count != 1 {
            throw .malformed(hosts.isEmpty ? "HTTP/1.1 needs a Host header" : "more than one Host header")
        }
        return request
    }

    /// Lines separated by CRLF; a lone CR or LF anywhere is an error, as is a NUL byte.
    private static func splitLines(_ bytes: ArraySlice<UInt8>) throws(Problem) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            switch bytes[index] {
            case 13:
                guard index + 1 < bytes.endIndex, bytes[index + 1] == 10 else { throw .malformed("a CR without LF") }
                lines.append(bytes[start..<index])
                index += 2
                start = index
            case 10: throw .malformed("a line ends with LF alone")
            case 0: throw .malformed("a NUL byte")
            default: index += 1
            }
        }
        lines.append(bytes[start..<bytes.endIndex])
        return lines
    }

    private static func parseRequestLine(_ line: ArraySlice<UInt8>) throws(Problem) -> HTTPRequest {
        let parts = line.split(separator: 32, omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .malformed("the request line is not 'METHOD target HTTP/1.1'") }
        guard !parts[0].isEmpty, parts[0].allSatisfy(isTokenByte) else { throw .malformed("the method is not a token") }
        guard parts[1].first == UInt8(ascii: "/"), parts[1].allSatisfy({ $0 > 32 && $0 < 127 }) else {
            throw .malformed("the target must be a path starting with '/' of visible ASCII characters")
        }
        let version = String(decoding: parts[2], as: UTF8.self)
        let bytes = Array(parts[2])
        guard bytes.count == 8, version.hasPrefix("HTTP/"), isDigit(bytes[5]), bytes[6] == UInt8(ascii: "."), isDigit(bytes[7])
        else { throw .malformed("'\(printable(parts[2]))' is not an HTTP version") }
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else { throw .unsupportedVersion(version) }
        return HTTPRequest(
            method: String(decoding: parts[0], as: UTF8.self), target: String(decoding: parts[1], as: UTF8.self),
            version: version, fields: [])
    }

    private static func parseField(_ line: ArraySlice<UInt8>) throws(Problem) -> Field {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { throw .malformed("a header line without ':'") }
        let name = line[line.startIndex..<colon]
        guard !name.isEmpty, name.allSatisfy(isTokenByte) else {
            throw .malformed("'\(printable(name))' is not a header name (no spaces before ':', no folded lines)")
        }
        var value = line[(colon + 1)...]
        while let first = value.first, first == 32 || first == 9 { value = value.dropFirst() }
        while let last = value.last, last == 32 || last == 9 { value = value.dropLast() }
        guard value.allSatisfy({ $0 == 9 || $0 >= 32 && $0 != 127 }) else {
            throw .malformed("a control character in header '\(printable(name))'")
        }
        return Field(name: String(decoding: name, as: UTF8.self), value: String(decoding: value, as: UTF8.self))
    }

    /// RFC 9110 `tchar`.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Bytes for a message: visible ASCII kept, anything else as `?`, at most 40 characters.
    private static func printable(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.prefix(40).map { $0 >= 32 && $0 < 127 ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
    }
}
