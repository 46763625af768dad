import DataFormats

/// JSON text for the synthetic store's content files, built from already-encoded parts.
enum JSONText {
    /// A JSON string literal.
    static func string(_ text: String) -> String { JSONWriter.string(.string(text), pretty: false) }

    /// An object from already-encoded member values, in the given order.
    static func object(_ members: [(String, String)]) -> String {
        "{" + members.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    /// An array from already-encoded values.
    static func array(_ values: [String]) -> String { "[" + values.joined(separator: ",") + "]" }

    /// An array of strings.
    static func strings(_ values: [String]) -> String { array(values.map(string)) }

    /// A localized text object from (locale, text) pairs.
    static func localized(_ entries: [(String, String)]) -> String { object(entries.map { ($0.0, string($0.1)) }) }
}

/// A small deterministic random number generator (SplitMix64), so every run generates the same store.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
