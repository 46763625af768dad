import Foundation

/// Reading one cookie from a `Cookie` request header (RFC 6265 §5.4 form: `a=1; b=2`).
enum CookieHeader {
    /// The value of the first cookie named exactly `name` (names are case-sensitive), with
    /// surrounding whitespace and one pair of double quotes removed; nil when absent.
    ///
    /// Only the first occurrence counts, as in nginx's `$cookie_…`, so every server agrees even
    /// when a browser sends the name twice (a more specific path first).
    static func value(named name: String, in header: String) -> String? {
        for pair in header.split(separator: ";") {
            guard let equals = pair.firstIndex(of: "=") else { continue }
            let key = pair[..<equals].trimmingCharacters(in: .whitespaces)
            guard key == name else { continue }
            var value = pair[pair.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2 && value.hasPrefix("\"") && value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            return value
        }
        return nil
    }
}
