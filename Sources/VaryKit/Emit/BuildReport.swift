import DataFormats
import Foundation

/// What a build did, written to `_vary/report.json` for CI and printed by `vary build --format json`.
///
/// The file leaves out `timings`: they differ on every run, and identical input must give a
/// byte-identical output tree. `json(includingTimings: true)` is for the command's own output.
public struct BuildReport: Sendable, Hashable, Codable {
    /// An item the build did not publish, and why.
    public struct Skipped: Sendable, Hashable, Codable, Comparable {
        /// What was skipped: `bundle`, `promotion`, `page`…
        public var kind: String
        /// The item's id.
        public var id: String
        /// The region it was skipped in, when the reason is regional.
        public var region: String?
        /// Why it was skipped, in words.
        public var reason: String

        /// Describes a skipped item.
        public init(kind: String, id: String, region: String? = nil, reason: String) {
            self.kind = kind
            self.id = id
            self.region = region
            self.reason = reason
        }

        public static func < (a: Skipped, b: Skipped) -> Bool {
            (a.kind, a.id, a.region ?? "", a.reason) < (b.kind, b.id, b.region ?? "", b.reason)
        }
    }

    /// How long one pipeline stage took.
    public struct Timing: Sendable, Hashable, Codable {
        /// The stage's name (`load`, `render`…).
        public var stage: String
        /// Wall-clock milliseconds.
        public var milliseconds: Int

        /// Records a stage's duration.
        public init(stage: String, milliseconds: Int) {
            self.stage = stage
            self.milliseconds = milliseconds
        }
    }

    /// Pages written, by kind (`landing`, `promotion`, `bundle`, `chooser`).
    public var pagesByKind: [String: Int]
    /// Files new or changed in the output.
    public var written: Int
    /// Files whose bytes were the same as in the previous output.
    public var unchanged: Int
    /// Files of the previous output that are gone.
    public var removed: Int
    /// Items not published, with reasons.
    public var skipped: [Skipped]
    /// Warnings, as printed (`file:line:col: warning: …`).
    public var warnings: [String]
    /// Stage durations, in pipeline order; not written to the report file.
    public var timings: [Timing]
    /// The future instants at which a promotion starts or ends, when the next build should run.
    public var nextSchedule: [Date]
    /// Per page locale and kind of text, how many texts were in the page's language and how many fell back.
    public var translations: [String: [String: TranslationAudit.Completeness]]
    /// Per configurable product, the number of valid combinations in each region where it has pages.
    public var combinations: [String: [String: Int]] = [:]

    /// A report; the counts usually come from `record(_:)`.
    public init(
        pagesByKind: [String: Int] = [:], written: Int = 0, unchanged: Int = 0, removed: Int = 0,
        skipped: [Skipped] = [], warnings: [String] = [], timings: [Timing] = [], nextSchedule: [Date] = [],
        translations: [String: [String: TranslationAudit.Completeness]] = [:]
    ) {
        self.pagesByKind = pagesByKind
        self.written = written
        self.unchanged = unchanged
        self.removed = removed
        self.skipped = skipped
        self.warnings = warnings
        self.timings = timings
        self.nextSchedule = nextSchedule
        self.translations = translations
    }

    /// Takes the written, unchanged and removed counts from a commit.
    public mutating func record(_ summary: EmitSummary) {
        written = summary.written
        unchanged = summary.unchanged
        removed = summary.removed
    }

    /// Deterministic JSON: sorted keys, skipped items and warnings sorted, schedule instants sorted,
    /// unique and in UTC (`2026-12-01T00:00:00Z`); timings only when asked for.
    ///
    /// The warnings (tens of megabytes for a large catalog that lacks translations) go straight into the bytes:
    /// the encoder lays out the rest around one mark, which is replaced by the warnings escaped as the encoder
    /// escapes strings. The text is the encoder's, without its intermediate copies of the warnings.
    public func json(includingTimings: Bool = false) -> [UInt8] {
        let warnings = self.warnings.sorted()
        return json(includingTimings: includingTimings, warningCount: warnings.count, room: warnings.reduce(0) { $0 + $1.utf8.count }) {
            for warning in warnings { $0(warning) }
        }
    }

    /// The same bytes as `json(includingTimings:)` of this report with `warnings` set to these diagnostics'
    /// descriptions, which this report leaves empty: each description is made when it is written, so tens of
    /// megabytes of them are never held besides the diagnostics themselves.
    func json(includingTimings: Bool = false, warnings: [Diagnostic]) -> [UInt8] {
        guard let order = Self.descriptionOrder(warnings) else {
            var described = self
            described.warnings = warnings.map(\.description)
            return described.json(includingTimings: includingTimings)
        }
        // Room for the descriptions, reckoned from their parts rather than by making each one twice.
        let sizes = warnings.reduce(0) { size, warning in
            size + warning.file.utf8.count + warning.path.utf8.count + warning.message.utf8.count
                + (warning.hint?.utf8.count ?? 0) + (warning.examplePage?.utf8.count ?? 0) + 64
        }
        return json(includingTimings: includingTimings, warningCount: warnings.count, room: sizes) { add in
            for index in order { add(warnings[index].description) }
        }
    }

    /// The bytes of `json(includingTimings:warnings:)`, handed to `append` in pieces of about a megabyte as they
    /// are made, so that a report with tens of megabytes of warnings is never held whole.
    func write(includingTimings: Bool = false, warnings: [Diagnostic], to append: ([UInt8]) throws -> Void) throws {
        guard let order = Self.descriptionOrder(warnings) else {
            try append(json(includingTimings: includingTimings, warnings: warnings))
            return
        }
        var failure: (any Error)?
        let piece = 1 << 20
        let last = json(includingTimings: includingTimings, warningCount: warnings.count, room: piece + 64 * 1024, produce: { add in
            for index in order where failure == nil { add(warnings[index].description) }
        }, flush: { bytes in
            guard failure == nil, bytes.count >= piece else { return }
            do { try append(bytes) } catch { failure = error }
            bytes.removeAll(keepingCapacity: true)
        })
        if let failure { throw failure }
        try append(last)
    }

    static func descriptionOrder(_ diagnostics: [Diagnostic]) -> [Int]? {
        var heads: [[UInt8]] = []
        heads.reserveCapacity(diagnostics.count)
        for diagnostic in diagnostics {
            var head = diagnostic
            head.message = ""
            head.hint = nil
            head.pages = 0
            let bytes = Array(head.description.utf8)
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            heads.append(bytes)
        }
        return diagnostics.indices.sorted { a, b in
            let first = heads[a], second = heads[b]
            // Where two ASCII heads differ, their descriptions differ the same way (a head ends in ": ").
            for index in 0..<min(first.count, second.count) where first[index] != second[index] {
                return first[index] < second[index]
            }
            return diagnostics[a].description < diagnostics[b].description
        }
    }

    /// The report's JSON with `count` warnings that `produce` hands, sorted, to its argument.
    /// The report's JSON with the warnings `produce` hands over in place of `warnings`, in `room` bytes reserved
    /// beyond the rest; `flush` is given the bytes made so far after each warning and may take some of them away
    /// (the returned bytes are what it left and the rest).
    private func json(
        includingTimings: Bool, warningCount: Int, room: Int, produce: ((String) -> Void) -> Void,
        flush: (inout [UInt8]) -> Void = { _ in }
    ) -> [UInt8] {
        var normalized = self
        normalized.skipped.sort()
        normalized.warnings = []
        normalized.nextSchedule = Set(nextSchedule.map { $0.timeIntervalSince1970.rounded(.down) }).sorted()
            .map { Date(timeIntervalSince1970: $0) }
        if !includingTimings { normalized.timings = [] }
        guard warningCount > 0 else { return DeterministicJSON.encode(normalized) }
        normalized.warnings = ["warnings"]
        let skeleton = DeterministicJSON.encode(normalized)
        // Only a top-level key starts a line with exactly two spaces and a quote; the mark is on the next line.
        let mark = Array("\n  \"warnings\" : [\n    \"warnings\"".utf8)
        guard let found = skeleton.firstRange(ofBytes: mark) else {
            var warnings: [String] = []
            produce { warnings.append($0) }
            normalized.warnings = warnings
            return DeterministicJSON.encode(normalized)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(skeleton.count + room + 8 * warningCount)
        bytes.append(contentsOf: skeleton[..<(found.upperBound - "\"warnings\"".utf8.count)])
        var first = true
        withoutActuallyEscaping(flush) { flush in
            produce { warning in
                if !first { bytes.append(contentsOf: ",\n    ".utf8) }
                first = false
                DeterministicJSON.appendString(warning, to: &bytes)
                flush(&bytes)
            }
        }
        bytes.append(contentsOf: skeleton[found.upperBound...])
        return bytes
    }

    private enum CodingKeys: String, CodingKey {
        case pagesByKind, written, unchanged, removed, skipped, warnings, timings, nextSchedule, translations, combinations
        case varyVersion
    }

    /// Reads a report, such as `_vary/report.json` (which has no timings).
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        pagesByKind = try container.decode([String: Int].self, forKey: .pagesByKind)
        written = try container.decode(Int.self, forKey: .written)
        unchanged = try container.decode(Int.self, forKey: .unchanged)
        removed = try container.decode(Int.self, forKey: .removed)
        skipped = try container.decode([Skipped].self, forKey: .skipped)
        warnings = try container.decode([String].self, forKey: .warnings)
        timings = try container.decodeIfPresent([Timing].self, forKey: .timings) ?? []
        nextSchedule = try container.decode([String].self, forKey: .nextSchedule).map { text in
            guard let date = try? Date(text, strategy: .iso8601) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .nextSchedule, in: container, debugDescription: "\(text) is not an ISO 8601 instant")
            }
            return date
        }
        translations = try container.decodeIfPresent([String: [String: TranslationAudit.Completeness]].self, forKey: .translations) ?? [:]
        combinations = try container.decodeIfPresent([String: [String: Int]].self, forKey: .combinations) ?? [:]
    }

    /// Writes the report with instants as UTC text and `timings` only when there are any.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(pagesByKind, forKey: .pagesByKind)
        try container.encode(written, forKey: .written)
        try container.encode(unchanged, forKey: .unchanged)
        try container.encode(removed, forKey: .removed)
        try container.encode(skipped, forKey: .skipped)
        try container.encode(warnings, forKey: .warnings)
        if !timings.isEmpty { try container.encode(timings, forKey: .timings) }
        try container.encode(nextSchedule.map(Self.instantText), forKey: .nextSchedule)
        try container.encode(translations, forKey: .translations)
        if !combinations.isEmpty { try container.encode(combinations, forKey: .combinations) }
        // The Vary that built the output: a constant per release, so identical input still gives identical bytes.
        try container.encode(Vary.version, forKey: .varyVersion)
    }

    /// ISO 8601 in UTC to the second; sorting these strings sorts the instants.
    static func instantText(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}
