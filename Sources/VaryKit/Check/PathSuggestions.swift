import Foundation

/// Suggests the existing output path closest to a broken link's target, for "did you mean" hints.
///
/// Paths are indexed by every variant with one segment blanked out, so a target that differs from an
/// existing path in one segment (a misspelled id, an old fingerprint) finds it without scanning the site.
///
/// The index is made when the first broken link asks for a suggestion: a site without one never needs it.
struct PathSuggestions: Sendable {
    private let index: Index

    /// Suggestions among every path of the output.
    init(paths: Set<String>) { index = Index(paths: paths) }

    /// The paths by pattern, made once, by whichever thread asks first.
    private final class Index: @unchecked Sendable {
        // @unchecked: `made` is read and written only while holding `lock`.
        private let paths: Set<String>
        private let lock = NSLock()
        private var made: [String: [String]]?

        init(paths: Set<String>) { self.paths = paths }

        var byPattern: [String: [String]] {
            lock.withLock {
                if let made { return made }
                var byPattern: [String: [String]] = [:]
                for path in paths.sorted() {
                    let segments = path.split(separator: "/", omittingEmptySubsequences: false)
                    for position in segments.indices {
                        byPattern[PathSuggestions.pattern(segments, blanking: position), default: []].append(path)
                    }
                }
                made = byPattern
                return byPattern
            }
        }
    }

    /// The closest existing path differing from `target` in one segment, or nil when none is close.
    func suggestion(for target: String) -> String? {
        let byPattern = index.byPattern
        let segments = target.split(separator: "/", omittingEmptySubsequences: false)
        var best: (distance: Int, path: String)? = nil
        for position in segments.indices {
            let wanted = String(segments[position])
            for candidate in byPattern[Self.pattern(segments, blanking: position)] ?? [] {
                let found = String(candidate.split(separator: "/", omittingEmptySubsequences: false)[position])
                let distance = Self.editDistance(wanted, found)
                guard distance <= max(2, max(wanted.count, found.count) / 2) else { continue }
                if best == nil || (distance, candidate) < (best!.distance, best!.path) {
                    best = (distance, candidate)
                }
            }
        }
        return best?.path
    }

    private static func pattern(_ segments: [Substring], blanking position: Int) -> String {
        var copy = segments
        copy[position] = "\u{0}"
        return copy.joined(separator: "/")
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
