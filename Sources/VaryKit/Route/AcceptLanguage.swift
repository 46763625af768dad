import Foundation

/// The `Accept-Language` header (RFC 9110 §12.5.4) and lookup of the best available locale.
enum AcceptLanguage {
    /// A language range with its quality.
    struct Preference: Equatable {
        var range: String
        var quality: Int  // thousandths, so that comparisons are exact
    }

    /// The acceptable ranges, highest quality first (header order among equals); `q=0` ranges and
    /// malformed entries are left out.
    static func preferences(_ header: String) -> [Preference] {
        var found: [Preference] = []
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            let range = parts[0]
            guard isRange(range) else { continue }
            var quality = 1000
            var valid = true
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "q",
                    let parsed = parseQuality(pair[1].trimmingCharacters(in: .whitespaces))
                else { valid = false; break }
                quality = parsed
            }
            if valid && quality > 0 { found.append(Preference(range: range, quality: quality)) }
        }
        // A stable sort by quality keeps header order among equal qualities.
        return found.enumerated().sorted { a, b in
            a.element.quality != b.element.quality ? a.element.quality > b.element.quality : a.offset < b.offset
        }.map(\.element)
    }

    /// The index in `tags` of the best match: for each range in preference order, an exact tag (case-
    /// insensitive), then the first tag with the range's language; `*` takes the first tag.
    static func bestMatch(among tags: [String], header: String) -> Int? {
        let lowered = tags.map { $0.lowercased() }
        for preference in preferences(header) {
            let range = preference.range.lowercased()
            if range == "*" { return tags.isEmpty ? nil : 0 }
            if let exact = lowered.firstIndex(of: range) { return exact }
            let language = primaryLanguage(range)
            if let sameLanguage = lowered.firstIndex(where: { primaryLanguage($0) == language }) { return sameLanguage }
        }
        return nil
    }

    private static func primaryLanguage(_ tag: String) -> Substring {
        tag.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)[0]
    }

    /// `*` or alphanumeric subtags of 1–8 characters joined by `-`, the first alphabetic.
    private static func isRange(_ text: String) -> Bool {
        if text == "*" { return true }
        let subtags = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = subtags.first, first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return subtags.allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// `0`, `1`, `0.x` up to three decimals, or `1.000`, in thousandths.
    private static func parseQuality(_ text: String) -> Int? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, whole == "0" || whole == "1" else { return nil }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= 3, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        if parts.count == 2 && fraction.isEmpty { return nil }
        while fraction.count < 3 { fraction += "0" }
        let value = (whole == "1" ? 1000 : 0) + Int(fraction)!
        return value <= 1000 ? value : nil
    }
}
