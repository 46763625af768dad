/// A request target split into its path and query, with the checks that keep the preview inside
/// the output folder.
struct RequestTarget: Sendable {
    /// Why a path cannot be served.
    enum Problem: Error, Equatable {
        /// 400: a `%` not followed by two hex digits, or bytes that are not UTF-8 once decoded.
        case malformed
        /// 404: NUL, a backslash, an empty, `.` or `..` segment once decoded.
        case forbidden
    }

    /// The path as sent, without the query (`/de/de-de/`).
    var rawPath: String
    /// The query's `name=value` items in order, as sent (without `?`).
    var queryItems: [String]

    /// Splits `target` at its first `?`; a fragment (never sent by browsers) is dropped.
    init(_ target: String) {
        let withoutFragment = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        if let mark = withoutFragment.firstIndex(of: "?") {
            rawPath = String(withoutFragment[..<mark])
            queryItems = withoutFragment[withoutFragment.index(after: mark)...].split(separator: "&").map(String.init)
        } else {
            rawPath = String(withoutFragment)
            queryItems = []
        }
    }

    /// The decoded value of the first query item called `name`.
    func query(_ name: String) -> String? {
        for item in queryItems {
            let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair[0] == name else { continue }
            let value = pair.count == 2 ? pair[1].replacingOccurrences(of: "+", with: " ") : ""
            return (try? Self.percentDecoded(value)) ?? ""
        }
        return nil
    }

    /// `?…` made of the query items not named in `names`, or empty when none remain.
    func query(without names: Set<String>) -> String {
        let kept = queryItems.filter { item in
            !names.contains(String(item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)[0]))
        }
        return kept.isEmpty ? "" : "?" + kept.joined(separator: "&")
    }

    /// The path percent-decoded and checked: it must start with `/` and, decoded, hold no NUL, no
    /// backslash, and no empty (`//`), `.` or `..` segment.
    static func decodedPath(_ rawPath: String) throws(Problem) -> String {
        let path = try percentDecoded(rawPath)
        guard path.hasPrefix("/"), !path.utf8.contains(0), !path.contains("\\") else { throw .forbidden }
        let segments = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            if segment == "." || segment == ".." { throw .forbidden }
            if segment.isEmpty && index != segments.count - 1 { throw .forbidden }
        }
        return path
    }

    /// `%XX` replaced by its byte; the result must be UTF-8.
    static func percentDecoded(_ text: some StringProtocol) throws(Problem) -> String {
        guard let bytes = PercentEncoding.decode(text, strict: true), let decoded = String(validating: bytes, as: UTF8.self)
        else { throw .malformed }
        return decoded
    }
}
