/// One step of a compiled template. Plain integers only, so running a template touches no reference counts.
struct Instruction {
    enum Opcode: UInt8 {
        /// Write `pool[a ..< a + b]`, after the indentation when `flag` is set.
        case text
        /// Write the current indentation.
        case lineStart
        /// Write the value of `names[a]`, HTML-escaped when `flag` is set; `b` is its location.
        case variable
        /// Render `i + 1 ..< b` for the value of `names[a]` (inverted when `flag`), then continue at `b`.
        case section
        /// Render the template of `calls[a]` (with its blocks when a parent), then continue at `b`.
        case call
        /// Render block `a`'s passed content, else `i + 1 ..< b`; indentation `pool[c ..< c + d]` when `d >= 0`.
        case block
    }

    var opcode: Opcode
    var flag: Bool = false
    var a: Int32 = 0
    var b: Int32 = 0
    var c: Int32 = 0
    var d: Int32 = -1
}

/// A partial or parent tag after linking.
struct CallSite {
    /// The template's index, or -1 when it is unknown or named dynamically.
    var template: Int32
    /// For `{{>*name}}`, the index of `name` in the names table; else -1.
    var dynamicName: Int32
    /// Indentation in the pool for a standalone tag; `indentCount` is -1 when the tag is inline.
    var indentStart: Int32
    var indentCount: Int32
    /// The blocks passed by a parent tag, as a range of the block-argument table.
    var argumentsStart: Int32
    var argumentsEnd: Int32
    var location: Int32
}

/// Content a parent passes for a block: the instructions `start ..< end`.
struct BlockArgument {
    var block: Int32
    var start: Int32
    var end: Int32
}

/// Where a tag is, for render errors.
struct Location {
    var template: Int32
    var line: Int32
    var column: Int32
}

/// Where a name's parts are in the flattened part table.
struct NameSpan {
    var start: Int32
    var count: Int32
}

/// A compiled library: every template's instructions in one array, text in one byte pool.
/// Immutable once built, and so safe to share between threads. The tables a render reads in its inner loop
/// are plain memory, so reading them costs no reference counting.
final class Program: @unchecked Sendable {
    let instructions: UnsafeMutableBufferPointer<Instruction>
    let pool: UnsafeMutableBufferPointer<UInt8>
    let calls: UnsafeMutableBufferPointer<CallSite>
    let arguments: UnsafeMutableBufferPointer<BlockArgument>
    /// Every dotted name's parts, one after another; `nameSpans[i]` says where name `i`'s are.
    let nameParts: UnsafeMutableBufferPointer<String>
    let nameSpans: UnsafeMutableBufferPointer<NameSpan>
    let names: [Name]
    let locations: [Location]
    let templateNames: [String]
    let templateRanges: [Range<Int>]
    let templateIndex: [String: Int]

    init(instructions: [Instruction], pool: [UInt8], names: [Name], calls: [CallSite], arguments: [BlockArgument],
         locations: [Location], templateNames: [String], templateRanges: [Range<Int>]) {
        self.instructions = Program.copy(instructions)
        self.pool = Program.copy(pool)
        self.calls = Program.copy(calls)
        self.arguments = Program.copy(arguments)
        var parts: [String] = []
        var spans: [NameSpan] = []
        for name in names {
            spans.append(NameSpan(start: Int32(parts.count), count: Int32(name.parts.count)))
            parts += name.parts
        }
        self.nameParts = Program.copy(parts)
        self.nameSpans = Program.copy(spans)
        self.names = names
        self.locations = locations
        self.templateNames = templateNames
        self.templateRanges = templateRanges
        var index: [String: Int] = [:]
        for (position, name) in templateNames.enumerated() { index[name] = position }
        self.templateIndex = index
    }

    /// Copies an array into memory of its own; never empty, so every buffer has a base address to free.
    private static func copy<Element>(_ array: [Element]) -> UnsafeMutableBufferPointer<Element> {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(array.count, 1))
        _ = buffer.initialize(from: array)
        return UnsafeMutableBufferPointer(rebasing: buffer[0..<array.count])
    }

    deinit {
        nameParts.deinitialize()
        UnsafeMutableRawPointer(instructions.baseAddress!).deallocate()
        UnsafeMutableRawPointer(pool.baseAddress!).deallocate()
        UnsafeMutableRawPointer(calls.baseAddress!).deallocate()
        UnsafeMutableRawPointer(arguments.baseAddress!).deallocate()
        UnsafeMutableRawPointer(nameParts.baseAddress!).deallocate()
        UnsafeMutableRawPointer(nameSpans.baseAddress!).deallocate()
    }
}
