import DataFormats
import Foundation
import Mustache

/// What the previous build rendered, so that a page whose inputs did not change is taken over from the previous
/// output instead of being rendered, checked and hashed again.
///
/// Each entry says: the page at this path was rendered from inputs with this digest (its view model, the
/// templates, the check's context and this format's version), had no check problems, and became the file
/// with this SHA-256, size and modification time. A page is reused only when all of that still holds, so a
/// file changed by hand after the build is rendered again. The cache lives next to the output folder
/// (`output.vary-cache`), never in it, so it is not deployed.
///
/// The cache also records the build's own key: a digest of everything any page can depend on (content files,
/// templates, settings, `now`, Vary's binary). When a build's key equals it, no page's inputs can have changed,
/// so every intact page is taken over without even building its view model. With it the cache records the size
/// and modification time of the output's other files (assets, sitemap, routes, the manifest), so that a build
/// with the same key can see that the whole output is still what it wrote and leave it alone (`UnchangedOutput`).
struct PageCache: Sendable {
    /// One page of the previous build.
    struct Entry: Sendable, Hashable {
        var inputs: String
        var sha256: String
        var bytes: Int
        var seconds: Int
        var nanoseconds: Int
    }

    /// A file of the previous output that is not a page: what it was when the build finished.
    struct Stamp: Sendable, Hashable {
        var bytes: Int
        var seconds: Int
        var nanoseconds: Int
    }

    /// Bumped whenever rendering or checking could change for the same view model.
    static let version = "vary-page-cache 8"

    private(set) var entries: [String: Entry] = [:]
    /// The key of the build that wrote the cache (`buildKey`), or empty.
    private(set) var build = ""
    /// The previous output's files other than pages, including its manifest, by path.
    private(set) var others: [String: Stamp] = [:]
    /// What the build that wrote the cache returned, when it can be returned again (`UnchangedBuild`).
    private(set) var outcome: Outcome?
    /// The key of the build that wrote the cache without its message files' bytes, and its messages' digests
    /// (`MessageChanges`); empty when not recorded.
    private(set) var withoutMessages = ""
    private(set) var messages: [String: String] = [:]
    /// The same for the templates (`TemplateChanges`).
    private(set) var withoutTemplates = ""
    private(set) var templates: [String: String] = [:]
    /// What each page read of the catalog (`CatalogReads`), kept as the line's bytes until a build asks for it: an
    /// unchanged build never does.
    private(set) var readsLine: Data.SubSequence?
    /// Per sitemap file, the digest of what it was written from and its SHA-256 (`SiteFiles.writeSitemaps`), so that
    /// a build whose sitemap did not change takes the previous file over instead of writing tens of megabytes again.
    private(set) var sitemaps: [String: Sitemaps.Entry] = [:]
    /// The translation audit's key and its results (`TranslationAudit.record()`), when recorded.
    private(set) var audit: AuditRecord?

    struct AuditRecord: Sendable {
        var key: String
        var results: Data.SubSequence
    }

    init(entries: [String: Entry] = [:], build: String = "", others: [String: Stamp] = [:], outcome: Outcome? = nil,
         withoutMessages: String = "", messages: [String: String] = [:], withoutTemplates: String = "",
         templates: [String: String] = [:], reads: CatalogReads? = nil, audit: AuditRecord? = nil,
         sitemaps: [String: Sitemaps.Entry] = [:]) {
        readsLine = reads?.line().map { Data($0)[...] }
        self.audit = audit
        self.sitemaps = sitemaps
        self.entries = entries
        self.build = build
        self.others = others
        self.outcome = outcome
        self.withoutMessages = withoutMessages
        self.messages = messages
        self.withoutTemplates = withoutTemplates
        self.templates = templates
    }

    /// The cache file of an output folder.
    static func location(of output: URL) -> String {
        var path = output.standardizedFileURL.path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path + ".vary-cache"
    }

    /// The cache written by the previous build of `output`; empty when there is none or it is unreadable. With
    /// `outcomeFor`, the recorded outcome is read only when that key is the cache's build: it holds every warning
    /// of that build (hundreds of megabytes once decoded, for a large catalog without translations), and only an
    /// unchanged build returns it.
    static func load(for output: URL, outcomeFor key: String? = nil) -> PageCache {
        guard let data = FileManager.default.contents(atPath: location(of: output)) else { return PageCache() }
        var bytes = data[...]
        // The outcome's line is read as bytes: for a catalog without translations it holds tens of megabytes of
        // warnings, which should not be copied into text on the way.
        func nextLine() -> Data.SubSequence? {
            guard !bytes.isEmpty else { return nil }
            let offset = bytes.withUnsafeBytes { raw in
                memchr(raw.baseAddress!, Int32(UInt8(ascii: "\n")), raw.count).map { UnsafeRawPointer($0) - raw.baseAddress! }
            }
            let end = offset.map { bytes.startIndex + $0 } ?? bytes.endIndex
            let line = bytes[..<end]
            bytes = end < bytes.endIndex ? bytes[(end + 1)...] : bytes[bytes.endIndex...]
            return line
        }
        func starts(_ line: Data.SubSequence, with prefix: String) -> Bool { line.starts(with: prefix.utf8) }
        func text(_ field: some Collection<UInt8>) -> String { String(decoding: field, as: UTF8.self) }
        /// A decimal number as `Int(_:)` reads one, without making a text of it first.
        func number(_ field: ArraySlice<UInt8>) -> Int? {
            var digits = field[...]
            let negative = digits.first == UInt8(ascii: "-")
            if negative || digits.first == UInt8(ascii: "+") { digits = digits.dropFirst() }
            guard !digits.isEmpty, digits.count <= 18 else { return digits.isEmpty ? nil : Int(text(field)) }
            var value = 0
            for digit in digits {
                guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(digit - UInt8(ascii: "0"))
            }
            return negative ? -value : value
        }
        guard let first = nextLine(), first.elementsEqual(version.utf8) else { return PageCache() }
        var build = ""
        var outcome: Outcome?
        var rest = nextLine()
        if let line = rest, starts(line, with: "build\t") {
            build = String(decoding: line.dropFirst("build\t".utf8.count), as: UTF8.self)
            rest = nextLine()
        }
        if let line = rest, starts(line, with: "outcome\t") {
            // A damaged record only costs the shortcut: the pages are still known.
            if key == nil || key == build { outcome = Outcome(json: line.dropFirst("outcome\t".utf8.count)) }
            rest = nextLine()
        }
        var readsLine: Data.SubSequence?
        if let line = rest, starts(line, with: CatalogReads.prefix) {
            // Its own bytes, so that the file's are not kept for it.
            readsLine = Data(line)[...]
            rest = nextLine()
        }
        var audit: AuditRecord?
        if let line = rest, starts(line, with: "audit\t") {
            let fields = line.dropFirst("audit\t".utf8.count)
            if let tab = fields.firstIndex(of: UInt8(ascii: "\t")) {
                // Its own bytes too; a record that does not read back only costs the audit being made again.
                audit = AuditRecord(key: String(decoding: fields[..<tab], as: UTF8.self), results: Data(fields[(tab + 1)...])[...])
            }
            rest = nextLine()
        }
        // The rest line by line, as bytes: a large store's cache has a line per file of its output.
        var partial: [String: (key: String, digests: [String: String])] = [:]
        var entries: [String: Entry] = [:]
        var others: [String: Stamp] = [:]
        var line = rest
        while let current = line {
            line = nextLine()
            if current.isEmpty { continue }
            // Split as an array: splitting `Data` itself costs several times more.
            let fields = [UInt8](current)[...].parts(separatedBy: UInt8(ascii: "\t"))
            // The message, template and sitemap digests: lines that cannot be a file's, which never has an empty
            // path, before the files'.
            if fields[0].isEmpty, entries.isEmpty, others.isEmpty {
                if fields.count == 4, let data = Data(base64Encoded: Data(fields[3])),
                   let decoded = try? JSONDecoder().decode([String: String].self, from: data)
                {
                    partial[text(fields[1])] = (text(fields[2]), decoded)
                }
                continue
            }
            // A page has six fields (path, inputs, SHA-256, size, seconds, nanoseconds), another file four.
            guard fields.count == 6 || fields.count == 4, let bytes = number(fields[fields.count - 3]),
                  let seconds = number(fields[fields.count - 2]), let nanoseconds = number(fields[fields.count - 1])
            else { return PageCache() }
            if fields.count == 4 {
                others[text(fields[0])] = Stamp(bytes: bytes, seconds: seconds, nanoseconds: nanoseconds)
            } else {
                entries[text(fields[0])] = Entry(
                    inputs: text(fields[1]), sha256: text(fields[2]), bytes: bytes, seconds: seconds, nanoseconds: nanoseconds)
            }
        }
        var cache = PageCache(
            entries: entries, build: build, others: others, outcome: outcome, withoutMessages: partial["messages"]?.key ?? "",
            messages: partial["messages"]?.digests ?? [:], withoutTemplates: partial["templates"]?.key ?? "",
            templates: partial["templates"]?.digests ?? [:],
            sitemaps: partial[Sitemaps.name].flatMap { $0.key == Sitemaps.version ? $0.digests : nil }?
                .compactMapValues(Sitemaps.Entry.init) ?? [:])
        cache.readsLine = readsLine
        cache.audit = audit
        return cache
    }

    /// Writes the cache for `output` (replacing the old one in one rename); failures only cost speed next time.
    func save(for output: URL) { written(for: output)?.install() }

    /// The record written beside the cache, for `install` to put in its place: a build writes it while the
    /// report is written, and installs it once the output is swapped in.
    struct Written: Sendable {
        let temporary: String
        let target: String

        /// Puts the record in place of the cache.
        func install() {
            do {
                try FileSystemCalls.rename(temporary, to: target)
            } catch {
                discard()
            }
        }

        /// Removes the record, leaving the cache as it was.
        func discard() { try? FileManager.default.removeItem(atPath: temporary) }
    }

    /// Writes the record into a file of its own beside the cache; nil when it could not be written.
    func written(for output: URL) -> Written? {
        let target = PageCache.location(of: output)
        let temporary = target + ".tmp-\(getpid())"
        // The file is written in pieces of about a megabyte: the outcome can be tens of megabytes, and is written
        // into the piece directly.
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary)
        else { return nil }
        var failed = false
        var file: [UInt8] = []
        file.reserveCapacity(PageCache.pieceSize + 64 * 1024)
        func flush(_ piece: inout [UInt8], atLeast size: Int) {
            guard piece.count >= size, !failed else { return }
            do { try handle.write(contentsOf: piece) } catch { failed = true }
            piece.removeAll(keepingCapacity: true)
        }
        func add(_ line: String) {
            file += line.utf8
            flush(&file, atLeast: PageCache.pieceSize)
        }
        add(PageCache.version + "\n")
        if !build.isEmpty { add("build\t\(build)\n") }
        if let outcome {
            add("outcome\t")
            outcome.write(into: &file) { flush(&$0, atLeast: PageCache.pieceSize) }
            add("\n")
        }
        if let readsLine {
            file += readsLine
            add("\n")
        }
        if let audit {
            add("audit\t\(audit.key)\t")
            file += audit.results
            add("\n")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let sitemapLines = (Sitemaps.name, Sitemaps.version, sitemaps.mapValues(\.text))
        for (name, key, digests) in [("messages", withoutMessages, messages), ("templates", withoutTemplates, templates), sitemapLines]
            where !digests.isEmpty || name != Sitemaps.name
        {
            if !key.isEmpty, let encoded = try? encoder.encode(digests) {
                add("\t\(name)\t\(key)\t\(encoded.base64EncodedString())\n")
            }
        }
        for path in entries.keys.sorted() {
            let entry = entries[path]!
            add("\(path)\t\(entry.inputs)\t\(entry.sha256)\t\(entry.bytes)\t\(entry.seconds)\t\(entry.nanoseconds)\n")
        }
        for path in others.keys.sorted() {
            let stamp = others[path]!
            add("\(path)\t\(stamp.bytes)\t\(stamp.seconds)\t\(stamp.nanoseconds)\n")
        }
        flush(&file, atLeast: 0)
        let written = Written(temporary: temporary, target: target)
        do {
            try handle.close()
            guard !failed else { throw CocoaError(.fileWriteUnknown) }
            return written
        } catch {
            written.discard()
            return nil
        }
    }

    /// The sitemap files' record: their lines' name and version, and one file's entry.
    enum Sitemaps {
        static let name = "sitemaps"
        /// Bumped whenever the sitemap's bytes could change for the same inputs.
        static let version = "sitemap 1"

        struct Entry: Sendable, Hashable {
            /// The digest of what the file was written from.
            var inputs: String
            var sha256: String

            var text: String { inputs + " " + sha256 }
        }
    }

    /// How many bytes of the cache file `save` holds before writing them out.
    static let pieceSize = 1 << 20

    /// What the previous build recorded of its pages' catalog reads, when it recorded them whole.
    var reads: CatalogReads? { readsLine.flatMap { CatalogReads(line: $0) } }

    /// Removes the cache, when a build could not tell which of its pages are current.
    static func remove(for output: URL) {
        try? FileManager.default.removeItem(atPath: location(of: output))
    }

    /// The digest of a page's inputs: the build-wide `context` (templates, check settings, version), the
    /// page's path and language, and its view model written out deterministically, with only the messages its
    /// template reads (`messages`), so that changing a message renders only the pages that show it.
    static func inputs(context: [UInt8], path: String, language: String, model: Value,
                       messages: TemplateProof.MessageUse? = nil) -> String {
        var bytes = context
        bytes.reserveCapacity(context.count + 64 * 1024)
        ModelBytes.append(.string(path), to: &bytes)
        ModelBytes.append(.string(language), to: &bytes)
        if let messages, !messages.all, case .object(var fields) = model, let tree = fields["t"] {
            fields["t"] = MessageTree.pruned(tree, keeping: messages)
            ModelBytes.append(.object(fields), to: &bytes)
        } else {
            ModelBytes.append(model, to: &bytes)
        }
        return InputsHash.hex(bytes)
    }

    /// The key of a whole build, from what it was given before anything is parsed: Vary's version and binary, the
    /// settings that change what a build writes or reports (strictness, check depth, the folders' names as
    /// diagnostics show them, `--fail-on-fallback`, the shard), `now`, and every content and template file's
    /// path and digest, with the files the walk skipped. Everything a build computes is a function of these, so
    /// two builds with the same key write the same files and report the same diagnostics. Content files in
    /// `leavingOut` and template files in `leavingOutTemplates` count by their path only (`MessageChanges`,
    /// `TemplateChanges`).
    static func buildKey(options: BuildOptions, content: SourceFiles, templates: SourceFiles,
                         leavingOut: Set<String> = [], leavingOutTemplates: Set<String> = []) -> String {
        BuildKey(options: options, content: content, templates: templates)
            .key(leavingOut: leavingOut, leavingOutTemplates: leavingOutTemplates)
    }

    /// What `buildKey` is made of, with every file hashed once: a build asks for its key, then for its key without
    /// each kind of file it can take changes of (messages, templates, the catalog).
    struct BuildKey {
        private var settings: [UInt8] = []
        private var folders: [(root: String, files: [(path: String, digest: String)], warnings: [String])]

        init(options: BuildOptions, content: SourceFiles, templates: SourceFiles) {
            let parts = [
                version, executableIdentity, options.strict ? "strict" : "lenient", options.check.rawValue, options.outputName,
                options.contentName, options.templatesName, options.failOnFallback ? "fail on fallback" : "fallback warns",
                options.shard.map { "shard \($0)" } ?? "whole site",
            ]
            for part in parts { ModelBytes.append(.string(part), to: &settings) }
            ModelBytes.append(.double(options.now.timeIntervalSince1970), to: &settings)
            folders = [content, templates].map { files in
                (files.root, files.files.keys.sorted().map { ($0, InputsHash.hex(files.files[$0]!)) },
                 files.warnings.map(\.description))
            }
        }

        /// The key, with content files in `leavingOut` and template files in `leavingOutTemplates` counted by their
        /// path only.
        func key(leavingOut: Set<String> = [], leavingOutTemplates: Set<String> = []) -> String {
            var bytes = settings
            for (index, folder) in folders.enumerated() {
                ModelBytes.append(.string(folder.root), to: &bytes)
                ModelBytes.append(.int(folder.files.count), to: &bytes)
                for (path, digest) in folder.files {
                    ModelBytes.append(.string(path), to: &bytes)
                    let left = (index == 0 ? leavingOut : leavingOutTemplates).contains(path)
                    ModelBytes.append(.string(left ? "left out" : digest), to: &bytes)
                }
                ModelBytes.append(.list(folder.warnings.map(Value.string)), to: &bytes)
            }
            return InputsHash.hex(bytes)
        }
    }

    /// The running program's size and modification time: a rebuilt Vary may render differently, so its cache
    /// starts over.
    static let executableIdentity: String = {
        let path = FileManager.default.fileExists(atPath: "/proc/self/exe") ? "/proc/self/exe" : CommandLine.arguments.first ?? ""
        var info = stat()
        guard stat(path, &info) == 0 else { return "unknown" }
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        return "\(info.st_size) \(modified.tv_sec).\(modified.tv_nsec)"
    }()

    /// The build-wide part of every page's inputs.
    static func context(templates: SourceFiles, strict: Bool, check: CheckDepth, allPaths: Set<String>,
                        outputName: String) -> [UInt8] {
        var bytes: [UInt8] = []
        for part in [version, executableIdentity, strict ? "strict" : "lenient", check.rawValue, outputName] {
            ModelBytes.append(.string(part), to: &bytes)
        }
        for path in templates.files.keys.sorted() {
            ModelBytes.append(.string(path), to: &bytes)
            ModelBytes.append(.string(SHA256.hex(templates.files[path]!)), to: &bytes)
        }
        var paths: [UInt8] = []
        for path in allPaths.sorted() { ModelBytes.append(.string(path), to: &paths) }
        ModelBytes.append(.string(SHA256.hex(paths)), to: &bytes)
        return bytes
    }
}

/// A view model as unambiguous bytes: a tag per kind, lengths before contents, an object as the sum of its
/// members' 128-bit hashes.
enum ModelBytes {
    static func append(_ value: Value, to bytes: inout [UInt8]) {
        switch value {
        case .null: bytes.append(0)
        case .bool(let flag): bytes.append(flag ? 2 : 1)
        case .int(let number):
            bytes.append(3)
            appendNumber(UInt64(bitPattern: Int64(number)), to: &bytes)
        case .double(let number):
            bytes.append(4)
            appendNumber(number.bitPattern, to: &bytes)
        case .string(let text):
            bytes.append(5)
            appendNumber(UInt64(text.utf8.count), to: &bytes)
            bytes.append(contentsOf: text.utf8)
        case .list(let items):
            bytes.append(6)
            appendNumber(UInt64(items.count), to: &bytes)
            for item in items { append(item, to: &bytes) }
        case .object(let fields):
            // The sum of the members' hashes does not depend on the dictionary's order, so no keys need sorting.
            let (sum1, sum2) = memberSums(fields, scratch: &bytes)
            appendObject(count: fields.count, sum1, sum2, to: &bytes)
        case .extended(let own, let shared):
            // Written as the object of both would be: the shared fields' sums, computed when they were made
            // (`shared(_:)`), with the own fields' added and any shared field they hide taken out.
            var (sum1, sum2, count) = sharedSums(shared, scratch: &bytes)
            for (key, member) in own {
                if let hidden = shared.fields[key] {
                    let (h1, h2) = memberHash(key, hidden, scratch: &bytes)
                    sum1 &-= h1
                    sum2 &-= h2
                    count -= 1
                }
                let (h1, h2) = memberHash(key, member, scratch: &bytes)
                sum1 &+= h1
                sum2 &+= h2
                count += 1
            }
            appendObject(count: count, sum1, sum2, to: &bytes)
        }
    }

    /// Fields shared by many values (`Value.extended`), with the sums of their members' hashes computed once, so
    /// that a value extending them writes their digest instead of their contents.
    static func shared(_ fields: [String: Value]) -> SharedFields {
        var scratch: [UInt8] = []
        scratch.reserveCapacity(4096)
        let (sum1, sum2) = memberSums(fields, scratch: &scratch)
        return SharedFields(fields, summary: [sum1, sum2, UInt64(fields.count)])
    }

    /// An object whose fields are made once and appear on many pages (a region's model, a bundle card), as an
    /// extended object with no own fields: it renders as the object, and the digest hashes its fields once.
    static func sharedObject(_ fields: [String: Value]) -> Value {
        .extended([:], shared(fields))
    }

    private static func sharedSums(_ shared: SharedFields, scratch bytes: inout [UInt8]) -> (UInt64, UInt64, Int) {
        if shared.summary.count == 3 { return (shared.summary[0], shared.summary[1], Int(shared.summary[2])) }
        let (sum1, sum2) = memberSums(shared.fields, scratch: &bytes)
        return (sum1, sum2, shared.fields.count)
    }

    /// The sums of the 128-bit hashes of the members of an object, each member (key, then value) written after
    /// the end of `bytes`, hashed and taken back.
    private static func memberSums(_ fields: [String: Value], scratch bytes: inout [UInt8]) -> (UInt64, UInt64) {
        var sum1: UInt64 = 0, sum2: UInt64 = 0
        for (key, member) in fields {
            let (h1, h2) = memberHash(key, member, scratch: &bytes)
            sum1 &+= h1
            sum2 &+= h2
        }
        return (sum1, sum2)
    }

    private static func memberHash(_ key: String, _ member: Value, scratch bytes: inout [UInt8]) -> (UInt64, UInt64) {
        let start = bytes.count
        appendNumber(UInt64(key.utf8.count), to: &bytes)
        bytes.append(contentsOf: key.utf8)
        append(member, to: &bytes)
        let hash = bytes.withUnsafeBytes { InputsHash.hash(UnsafeRawBufferPointer(rebasing: $0[start...])) }
        bytes.removeLast(bytes.count - start)
        return hash
    }

    private static func appendObject(count: Int, _ sum1: UInt64, _ sum2: UInt64, to bytes: inout [UInt8]) {
        bytes.append(7)
        appendNumber(UInt64(count), to: &bytes)
        appendNumber(sum1, to: &bytes)
        appendNumber(sum2, to: &bytes)
    }

    private static func appendNumber(_ number: UInt64, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: number >> UInt64(shift))) }
    }
}

/// MurmurHash3 x64 128 (Austin Appleby, public domain) with seed 0: a fast hash whose 128 bits make an
/// accidental match of two different page inputs practically impossible (the cache does not defend against
/// crafted collisions; its entries are also tied to the files' size and modification time).
enum InputsHash {
    static func hex(_ bytes: [UInt8]) -> String {
        let (h1, h2) = bytes.withUnsafeBytes(hash)
        return hexDigits(h1) + hexDigits(h2)
    }

    private static func hexDigits(_ value: UInt64) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }

    static func hash(_ data: UnsafeRawBufferPointer) -> (UInt64, UInt64) {
        let c1: UInt64 = 0x87c3_7b91_1142_53d5, c2: UInt64 = 0x4cf5_ad43_2745_937f
        var h1: UInt64 = 0, h2: UInt64 = 0
        let blocks = data.count / 16
        for block in 0..<blocks {
            var k1 = data.loadUnaligned(fromByteOffset: block * 16, as: UInt64.self).littleEndian
            var k2 = data.loadUnaligned(fromByteOffset: block * 16 + 8, as: UInt64.self).littleEndian
            k1 &*= c1; k1 = rotate(k1, 31); k1 &*= c2; h1 ^= k1
            h1 = rotate(h1, 27); h1 &+= h2; h1 = h1 &* 5 &+ 0x52dc_e729
            k2 &*= c2; k2 = rotate(k2, 33); k2 &*= c1; h2 ^= k2
            h2 = rotate(h2, 31); h2 &+= h1; h2 = h2 &* 5 &+ 0x3849_5ab5
        }
        var k1: UInt64 = 0, k2: UInt64 = 0
        let tail = blocks * 16
        let rest = data.count & 15
        for index in stride(from: rest - 1, through: 8, by: -1) { k2 ^= UInt64(data[tail + index]) << UInt64((index - 8) * 8) }
        if rest > 8 { k2 &*= c2; k2 = rotate(k2, 33); k2 &*= c1; h2 ^= k2 }
        for index in stride(from: min(rest, 8) - 1, through: 0, by: -1) { k1 ^= UInt64(data[tail + index]) << UInt64(index * 8) }
        if rest > 0 { k1 &*= c1; k1 = rotate(k1, 31); k1 &*= c2; h1 ^= k1 }
        h1 ^= UInt64(data.count); h2 ^= UInt64(data.count)
        h1 &+= h2; h2 &+= h1
        h1 = mix(h1); h2 = mix(h2)
        h1 &+= h2; h2 &+= h1
        return (h1, h2)
    }

    private static func rotate(_ value: UInt64, _ count: UInt64) -> UInt64 { (value << count) | (value >> (64 - count)) }

    private static func mix(_ value: UInt64) -> UInt64 {
        var k = value
        k ^= k >> 33; k &*= 0xff51_afd7_ed55_8ccd
        k ^= k >> 33; k &*= 0xc4ce_b9fe_1a85_ec53
        k ^= k >> 33
        return k
    }
}

/// The part of a page's message tree (`t`) its template can read.
enum MessageTree {
    /// The messages of `tree` whose ids `use` names, and the whole subtrees of its prefixes, nested as in `tree`.
    static func pruned(_ tree: Value, keeping use: TemplateProof.MessageUse) -> Value {
        var kept: Value = .object([:])
        for id in use.ids.union(use.prefixes) {
            let path = id.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            if let value = lookup(path[...], in: tree) { insert(value, at: path[...], into: &kept) }
        }
        return kept
    }

    private static func lookup(_ path: ArraySlice<String>, in value: Value) -> Value? {
        guard let first = path.first else { return value }
        guard case .object(let fields) = value, let member = fields[first] else { return nil }
        return lookup(path.dropFirst(), in: member)
    }

    private static func insert(_ value: Value, at path: ArraySlice<String>, into tree: inout Value) {
        guard let first = path.first else {
            tree = value
            return
        }
        guard case .object(var fields) = tree else { return }
        var member = fields[first] ?? .object([:])
        insert(value, at: path.dropFirst(), into: &member)
        fields[first] = member
        tree = .object(fields)
    }
}

extension PageCache.Sitemaps.Entry {
    /// The entry `text` wrote; nil for anything else.
    init?(_ text: String) {
        let fields = text.split(separator: " ")
        guard fields.count == 2 else { return nil }
        self.init(inputs: String(fields[0]), sha256: String(fields[1]))
    }
}
