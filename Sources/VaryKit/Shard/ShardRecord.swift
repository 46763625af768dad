import Foundation

/// `_vary/shard.json`: what one `vary build --shard I/N` built from what, so that `vary merge` can prove its
/// shards belong together and cover the plan exactly once. The shard's own `_vary/manifest.json` is its partial
/// manifest (every file it wrote, with SHA-256 and size) and `_vary/report.json` its partial report.
public struct ShardRecord: Sendable, Hashable, Codable {
    /// Where a shard build writes its record inside its output folder.
    public static let path = "_vary/shard.json"

    /// Everything a shard's bytes depend on; shards join only when theirs are equal.
    public struct Inputs: Sendable, Hashable, Codable {
        /// The Vary that built the shard.
        public var varyVersion: String
        /// The build's instant, as text and as seconds since 1970 (exact, since `--now` may have fractions).
        public var now: String
        public var nowSeconds: Double
        /// Settings that change what the build reports (`--strict`, `--check`).
        public var strict: Bool
        public var check: String
        /// SHA-256 of every content and template file, by `content/…` or `templates/…` path.
        public var sources: [String: String]
    }

    /// The whole plan the shard was cut from: its page count and the SHA-256 of its page files, sorted and
    /// one per line.
    public struct Plan: Sendable, Hashable, Codable {
        public var pages: Int
        public var digest: String

        /// The plan of these page files.
        public init(files: [String]) {
            pages = files.count
            digest = SHA256.hex(Array(files.sorted().joined(separator: "\n").utf8))
        }
    }

    /// A problem the check stage found in one of the shard's pages, with its file relative to the output.
    public struct Problem: Sendable, Hashable, Codable {
        public var severity: Diagnostic.Severity
        public var file: String
        public var line: Int
        public var column: Int
        public var path: String
        public var message: String
        public var hint: String?

        /// The problem with its file relative to the output folder named `outputName`.
        init(_ diagnostic: Diagnostic, outputName: String) {
            severity = diagnostic.severity
            let prefix = outputName + "/"
            file = diagnostic.file.hasPrefix(prefix) ? String(diagnostic.file.dropFirst(prefix.count)) : diagnostic.file
            line = diagnostic.line
            column = diagnostic.column
            path = diagnostic.path
            message = diagnostic.message
            hint = diagnostic.hint
        }

        /// The problem as a diagnostic on the output folder named `outputName`.
        func diagnostic(outputName: String) -> Diagnostic {
            Diagnostic(severity, file: outputName + "/" + file, line: line, column: column, path: path, message: message, hint: hint)
        }
    }

    /// The record's format, raised when a field changes meaning.
    public var format = 1
    /// This shard's index (1-based) and the number of shards.
    public var shard: Int
    public var shards: Int
    public var inputs: Inputs
    public var plan: Plan
    /// The files of the pages this shard rendered, sorted.
    public var pages: [String]
    /// What the check stage found in those pages.
    public var problems: [Problem]

    /// Deterministic JSON, like every file emit writes.
    public func json() -> [UInt8] { DeterministicJSON.encode(self) }

    /// Reads a record, or says what is wrong with it.
    public static func decode(_ bytes: [UInt8]) throws -> ShardRecord {
        try JSONDecoder().decode(ShardRecord.self, from: Data(bytes))
    }
}

extension ShardRecord.Inputs {
    /// The inputs of a build of `content` and `templates` with `options`.
    init(options: BuildOptions, content: SourceFiles, templates: SourceFiles) {
        varyVersion = Vary.version
        now = BuildTime.format(options.now)
        nowSeconds = options.now.timeIntervalSince1970
        strict = options.strict
        check = options.check.rawValue
        var sources: [String: String] = [:]
        for (role, files) in [("content", content), ("templates", templates)] {
            for (path, bytes) in files.files { sources[role + "/" + path] = SHA256.hex(bytes) }
        }
        self.sources = sources
    }

    /// How `other` differs from these inputs, in words, or nil when it does not: the first of Vary's version,
    /// `now`, the settings and the source files (each file that has other bytes, is missing or is extra, up to three).
    func difference(from other: ShardRecord.Inputs) -> String? {
        if varyVersion != other.varyVersion { return "its Vary is \(other.varyVersion), not \(varyVersion)" }
        if nowSeconds != other.nowSeconds { return "its now is \(other.now), not \(now)" }
        if strict != other.strict { return other.strict ? "it was built with --strict, the other without" : "it was built without --strict, the other with it" }
        if check != other.check { return "it was built with --check \(other.check), not \(check)" }
        let paths = Set(sources.keys).union(other.sources.keys).sorted().filter { sources[$0] != other.sources[$0] }
        guard !paths.isEmpty else { return nil }
        let named = paths.prefix(3).map { path in
            other.sources[path] == nil ? "it has no \(path)" : sources[path] == nil ? "it has an extra \(path)" : "its \(path) has other bytes"
        }
        return named.joined(separator: ", ") + (paths.count > 3 ? " and \(paths.count - 3) more files differ" : "")
    }
}
