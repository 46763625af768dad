/// What a URL in a page points at, decided without fetching anything.
enum LinkTarget: Equatable, Sendable {
    /// A file in the output, as an output-relative path (`de/de-de/index.html`).
    case file(String)
    /// A fragment on the same page (`#reviews` gives `reviews`; empty for `#`).
    case fragment(String)
    /// An `https:`/`http:` URL (or `//host/…`) outside the output.
    case external
    /// A URL with another scheme, lower-cased without the colon (`mailto`, `javascript`, `data`).
    case scheme(String)
    /// A relative path with more `..` than the page has folders.
    case aboveRoot
    /// An empty attribute.
    case empty

    /// Classifies `value` as found on the page at `pagePath`; `siteURL` (`https://shop.example/`) maps
    /// absolute URLs of the site itself back to output files.
    static func resolve(_ value: String, onPage pagePath: String, siteURL: String? = nil) -> LinkTarget {
        let url = strippedForScheme(value)
        if url.isEmpty { return .empty }
        // `hasPrefix` reads characters; it is asked only where the first byte could begin the prefix.
        let first = url.utf8.first
        if first == UInt8(ascii: "#"), url.hasPrefix("#") { return .fragment(String(url.dropFirst())) }
        if let siteURL, !siteURL.isEmpty {
            if let isOwn = isOnSiteASCII(url, siteURL) {
                if isOwn {
                    let base = siteURL.utf8.last == UInt8(ascii: "/") ? siteURL.utf8.count - 1 : siteURL.utf8.count
                    return resolvePath("/" + String(decoding: url.utf8.dropFirst(base).drop(while: { $0 == UInt8(ascii: "/") }), as: UTF8.self),
                                       onPage: pagePath)
                }
            } else {
                let base = siteURL.hasSuffix("/") ? String(siteURL.dropLast()) : siteURL
                if url == base || url.hasPrefix(base + "/") || url.hasPrefix(base + "?") || url.hasPrefix(base + "#") {
                    return resolvePath("/" + url.dropFirst(base.count).drop(while: { $0 == "/" }), onPage: pagePath)
                }
            }
        }
        if first == UInt8(ascii: "/"), url.hasPrefix("//") { return .external }
        if let scheme = scheme(of: url) {
            return scheme == "https" || scheme == "http" ? .external : .scheme(scheme)
        }
        return resolvePath(url, onPage: pagePath)
    }

    /// Whether `url` is the site's own URL or below it (the site URL without its final `/`, then nothing, `/`, `?` or
    /// `#`), read byte by byte, which for printable ASCII is the same as by characters; nil when either has other
    /// bytes (a control character or a non-ASCII one, where a character may be more than one byte).
    private static func isOnSiteASCII(_ url: String, _ siteURL: String) -> Bool? {
        let urlBytes = url.utf8, siteBytes = siteURL.utf8
        let isPlain: (UInt8) -> Bool = { $0 >= 0x20 && $0 < 0x7F }
        guard urlBytes.allSatisfy(isPlain), siteBytes.allSatisfy(isPlain) else { return nil }
        let baseCount = siteBytes.last == UInt8(ascii: "/") ? siteBytes.count - 1 : siteBytes.count
        guard urlBytes.count >= baseCount, urlBytes.prefix(baseCount).elementsEqual(siteBytes.prefix(baseCount)) else { return false }
        guard let next = urlBytes.dropFirst(baseCount).first else { return true }
        return next == UInt8(ascii: "/") || next == UInt8(ascii: "?") || next == UInt8(ascii: "#")
    }

    /// The URL the way a browser reads it: tabs and newlines removed, surrounding spaces and controls trimmed.
    static func strippedForScheme(_ value: String) -> String {
        // Most URLs have no control characters or spaces at all: nothing to strip.
        if !value.hasByte(atMost: 0x20) { return value }
        var scalars = value.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }[...]
        while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
        while let last = scalars.last, last.value <= 0x20 { scalars.removeLast() }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    /// The lower-cased scheme of `url` (RFC 3986: a letter, then letters, digits, `+`, `-`, `.`, then `:`).
    static func scheme(of url: String) -> String? {
        // Bytes read the same as characters while they are ASCII; only a non-ASCII byte right after the colon
        // (a combining mark would join it) needs the character-by-character reading.
        let original = url
        var url = url
        return url.withUTF8 { bytes in
            var end = 0
            while end < bytes.count, bytes[end] != UInt8(ascii: ":") {
                if bytes[end] >= 0x80 { return nil }
                end += 1
            }
            if end == bytes.count { return nil }
            if end + 1 < bytes.count, bytes[end + 1] >= 0x80 { return schemeByCharacters(of: original) }
            return schemeOfASCII(UnsafeBufferPointer(rebasing: bytes[..<end]))
        }
    }

    private static func schemeOfASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard !bytes.isEmpty else { return nil }
        for (offset, byte) in bytes.enumerated() {
            let isLetter = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            let isOther = (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            if !(isLetter || (offset > 0 && isOther)) { return nil }
        }
        // Lowering A–Z is all `lowercased()` does to ASCII.
        return String(unsafeUninitializedCapacity: bytes.count) { lowered in
            for (offset, byte) in bytes.enumerated() { lowered[offset] = byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte }
            return bytes.count
        }
    }

    private static func schemeByCharacters(of url: String) -> String? {
        var scheme = ""
        for (offset, character) in url.enumerated() {
            if character == ":" { return offset == 0 ? nil : scheme.lowercased() }
            let allowed = character.isASCII
                && (character.isLetter || (offset > 0 && (character.isNumber || "+-.".contains(character))))
            if !allowed { return nil }
            scheme.append(character)
        }
        return nil
    }

    /// Resolves a root-relative or relative path; a path ending in `/` means its `index.html`.
    private static func resolvePath(_ url: String, onPage pagePath: String) -> LinkTarget {
        if let simple = simpleRootPath(url) { return .file(simple) }
        var path = Substring(url)
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<end] }
        if path.isEmpty { return .file(pagePath) }
        let decoded = percentDecoded(String(path))
        var segments: [Substring]
        if decoded.hasPrefix("/") {
            segments = []
        } else {
            segments = pagePath.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        }
        let parts = decoded.split(separator: "/", omittingEmptySubsequences: false)
        for (position, part) in parts.enumerated() {
            let isLast = position == parts.count - 1
            switch part {
            case ".": if isLast { segments.append("") }
            case "..":
                if segments.isEmpty { return .aboveRoot }
                segments.removeLast()
                if isLast { segments.append("") }
            case "": if isLast { segments.append("") }
            default: segments.append(part)
            }
        }
        var joined = segments.joined(separator: "/")
        if joined.isEmpty || joined.hasSuffix("/") { joined += "index.html" }
        return .file(joined)
    }

    /// The file of a plain root-relative path such as `/de/de-de/`, `/assets/a.css` or `/de/de-de/#offers`, which is
    /// most links: no escape, empty segment or segment starting with a dot before any query or fragment. Nil for
    /// anything else, and where the `?` or `#` has a non-ASCII neighbour, which could join it into another character.
    private static func simpleRootPath(_ url: String) -> String? {
        let bytes = url.utf8
        guard bytes.first == UInt8(ascii: "/") else { return nil }
        var previous: UInt8 = 0
        var index = bytes.startIndex
        scan: while index != bytes.endIndex {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "?"), UInt8(ascii: "#"):
                let next = bytes.index(after: index)
                guard previous < 0x80, next == bytes.endIndex || bytes[next] < 0x80 else { return nil }
                break scan
            case UInt8(ascii: "%"): return nil
            case UInt8(ascii: "/") where previous == UInt8(ascii: "/"): return nil
            case UInt8(ascii: ".") where previous == UInt8(ascii: "/"): return nil
            default: break
            }
            previous = byte
            index = bytes.index(after: index)
        }
        let path = String(url[..<index].dropFirst())
        return path.isEmpty || previous == UInt8(ascii: "/") ? path + "index.html" : path
    }

    /// `%20` and friends decoded as UTF-8; malformed escapes are kept as written.
    static func percentDecoded(_ text: String) -> String {
        guard text.containsByte(UInt8(ascii: "%")) else { return text }
        return String(decoding: PercentEncoding.decode(text, strict: false)!, as: UTF8.self)
    }
}
