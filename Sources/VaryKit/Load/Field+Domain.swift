import DataFormats
import Foundation
import Intl

/// Decoding of Vary's own value kinds: ids, references, localized text, money, instants.
extension Field {
    /// Whether a string is a path-safe id: `[a-z0-9][a-z0-9-]*`.
    static func isValidID(_ text: String) -> Bool {
        guard let first = text.utf8.first, isLowerAlnum(first) else { return false }
        return text.utf8.allSatisfy { isLowerAlnum($0) || $0 == UInt8(ascii: "-") }
    }

    /// An id of this entity, reporting one that is not path-safe.
    var id: String? {
        guard let text = string else { return nil }
        guard Field.isValidID(text) else {
            error("\"\(text)\" is not a valid id (use lowercase letters, digits and '-', starting with a letter or digit)")
            return nil
        }
        return text
    }

    /// An id referring to another entity; existence is checked by the validate stage.
    var reference: Reference? {
        guard let text = id else { return nil }
        return Reference(text, at: location)
    }

    var references: [Reference]? { elements?.compactMap(\.reference) }

    /// A string, or an object from locale tag or language to string.
    var localizedText: LocalizedText? {
        if let text = node.string { return LocalizedText(text) }
        guard node.members != nil else {
            error("expected a string or an object of translations, found \(node.typeName)")
            return nil
        }
        var entries: [String: String] = [:]
        for member in members ?? [] {
            // The empty key is a catalog spreadsheet's plain column: the text for every locale.
            guard member.key.isEmpty || LocaleTag.isValid(member.key) else {
                log.add(member.keyLocation.error("\"\(member.key)\" is not a locale tag"))
                continue
            }
            if let text = member.value.string { entries[member.key] = text }
        }
        if entries.isEmpty, members?.isEmpty == true { error("needs at least one translation") }
        return entries.isEmpty ? nil : LocalizedText(entries: entries)
    }

    /// A decimal money string in a currency.
    func money(in currency: Currency) -> Money? {
        guard node.string != nil else {
            error("expected a decimal string such as \"19.99\", found \(node.typeName)")
            return nil
        }
        switch Money.parse(node.string!, currency: currency) {
        case .success(let money):
            if money.minorUnits < 0 { error("\"\(node.string!)\" is negative") }
            return money
        case .failure(let problem):
            error(problem.description)
            return nil
        }
    }

    /// An object from ISO 4217 code to money, reporting unknown currencies at their keys.
    var moneyByCurrency: [String: Money]? {
        guard let members else { return nil }
        var result: [String: Money] = [:]
        for member in members {
            guard let currency = Currency(code: member.key) else {
                log.add(member.keyLocation.error(
                    "unknown currency '\(member.key)'", hint: Suggestion.hint(for: member.key, among: Currency.allCodes)))
                continue
            }
            if let money = member.value.money(in: currency) { result[member.key] = money }
        }
        return result
    }

    /// An ISO 8601 instant that carries its offset.
    var instant: Date? {
        guard let text = string else { return nil }
        guard let date = Instant.parse(text) else {
            if Instant.parse(text + "Z") != nil {
                error("\"\(text)\" has no UTC offset (add Z or +01:00)")
            } else {
                error("\"\(text)\" is not an ISO 8601 instant")
            }
            return nil
        }
        return date
    }

    /// A calendar date `YYYY-MM-DD`.
    var isoDate: String? {
        guard let text = string else { return nil }
        guard Instant.isoDate(text) else {
            error("\"\(text)\" is not a date (YYYY-MM-DD)")
            return nil
        }
        return text
    }

    /// A URL that is relative or `https:`/`http:`; anything else (such as `javascript:`) is refused, and so is
    /// anything a browser would read as another URL than the text says (see `URLSpelling`).
    var safeURL: String? {
        guard let text = string else { return nil }
        if let problem = URLSpelling.problem(text) {
            error("\"\(text)\" \(problem.message)", hint: problem.hint)
            return nil
        }
        guard Field.isSafeURL(text) else {
            error("\"\(text)\" is not a relative, https: or http: URL")
            return nil
        }
        return text
    }

    static func isSafeURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") { return true }
        if text.hasPrefix("//") { return false }
        guard let colon = text.firstIndex(of: ":") else { return !text.isEmpty }
        // A colon after a slash, question mark or hash is part of a relative path, not a scheme.
        return text[..<colon].contains { "/?#".contains($0) }
    }

    /// A map from names to weights in 0…1.
    var weights: [String: Double]? {
        guard let members else { return nil }
        var result: [String: Double] = [:]
        for member in members {
            if let weight = member.value.double(in: 0...1) { result[member.key] = weight }
        }
        return result
    }
}

private func isLowerAlnum(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
}
