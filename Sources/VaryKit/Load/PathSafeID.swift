import Foundation

/// Ids made from a feed's or an export's own identifiers, which are not always path-safe.
enum PathSafeID {
    /// A text made a path-safe id: diacritics folded, lower case, runs of other characters a single `-`
    /// (`TS-1234 Blau` → `ts-1234-blau`, `Zubehör` → `zubehor`); nil when no letter or digit is left.
    static func make(_ text: String) -> String? {
        let folded = text.replacingOccurrences(of: "ß", with: "ss")
            .folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil).lowercased()
        var result = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else if !result.isEmpty, result.last != "-" {
                result.append("-")
            }
        }
        while result.last == "-" { result.removeLast() }
        return result.isEmpty ? nil : result
    }

    /// `Apparel > Jackets` → `["Apparel", "Jackets"]`: the levels of a category path as feeds and exports write it.
    static func levels(_ text: String) -> [String] {
        text.split(separator: ">").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
