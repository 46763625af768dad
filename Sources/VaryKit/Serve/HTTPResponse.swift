/// An HTTP/1.1 response the preview sends whole, then closes the connection.
struct HTTPResponse: Sendable {
    var status: Int
    /// Header fields besides the ones every response carries (`Content-Length`, `Connection`,
    /// `Cache-Control`, `X-Content-Type-Options`).
    var fields: [HTTPRequest.Field]
    var body: [UInt8]

    init(status: Int, contentType: String, body: [UInt8], fields: [HTTPRequest.Field] = []) {
        self.status = status
        self.fields = [HTTPRequest.Field(name: "Content-Type", value: contentType)] + fields
        self.body = body
    }

    /// A plain-text answer, for errors that are not pages.
    static func text(_ status: Int, _ message: String, fields: [HTTPRequest.Field] = []) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "text/plain; charset=utf-8", body: Array((message + "\n").utf8), fields: fields)
    }

    /// A redirect to `location` (a path the request target already validated, so no CR or LF).
    static func redirect(_ status: Int, to location: String, fields: [HTTPRequest.Field] = []) -> HTTPResponse {
        text(status, "see \(location)", fields: [HTTPRequest.Field(name: "Location", value: location)] + fields)
    }

    /// The status line and headers, and the body unless the request was HEAD.
    func serialized(includeBody: Bool) -> [UInt8] {
        var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
        for field in fields { head += "\(field.name): \(field.value)\r\n" }
        head += "Content-Length: \(body.count)\r\n"
        head += Self.commonFields
        return Array(head.utf8) + (includeBody ? body : [])
    }

    /// The head of a Server-Sent Events stream, which has no length and stays open.
    static let eventStreamHead = Array(
        ("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n" + commonFields).utf8)

    /// Previews change under the same URL at every rebuild, so nothing may be cached; one request
    /// per connection keeps the server simple.
    private static let commonFields =
        "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n"

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 400: "Bad Request"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 505: "HTTP Version Not Supported"
        default: "Status \(status)"
        }
    }
}
