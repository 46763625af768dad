import Intl

/// One locale's expected categories from Tests/Fixtures/intl/plural-vectors.txt (generated from CLDR).
struct PluralVector: Sendable, CustomStringConvertible {
    var tag: String
    var expected: [(number: String, category: PluralCategory)]

    var description: String { tag }

    static let letters: [Character: PluralCategory] = [
        "z": .zero, "o": .one, "t": .two, "f": .few, "m": .many, "x": .other,
    ]

    /// Every line of the fixture; a malformed line is a test failure, not a skipped line.
    static let all: [PluralVector] = {
        guard let text = try? Fixtures.text("plural-vectors.txt") else { return [] }
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let fields = line.split(separator: " ")
            var expected: [(String, PluralCategory)] = []
            for (number, letter) in fields[1].enumerated() {
                expected.append((String(number), letters[letter] ?? .other))
                precondition(letters[letter] != nil, "bad letter in \(fields[0])")
            }
            for pair in fields.dropFirst(2) {
                let parts = pair.split(separator: ":")
                precondition(parts.count == 2 && parts[1].count == 1 && letters[parts[1].first!] != nil, "bad pair \(pair)")
                expected.append((String(parts[0]), letters[parts[1].first!]!))
            }
            return PluralVector(tag: String(fields[0]), expected: expected)
        }
    }()

    static func named(_ tag: String) -> PluralVector? { all.first { $0.tag == tag } }
}
