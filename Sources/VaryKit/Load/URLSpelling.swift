/// Spellings of a URL that browsers read differently from how the text looks, so that a check of the text
/// (relative, or `https:`) would pass a link to another site.
///
/// Browsers follow the WHATWG URL parser: a backslash counts as a slash (`/\evil.example/x` opens
/// `https://evil.example/x`), tabs and line breaks anywhere are removed (`/<tab>/evil.example` becomes
/// `//evil.example`), and leading or trailing spaces and control characters are trimmed. None of them
/// belongs in a store's URL, so each is an error rather than something to repair.
enum URLSpelling {
    /// What is wrong with a URL's spelling and how to fix it.
    struct Problem: Equatable {
        var message: String
        var hint: String
    }

    /// The first problem of `text`, or nil when browsers read it as written.
    static func problem(_ text: String) -> Problem? {
        if text.unicodeScalars.contains("\\") {
            return Problem(
                message: "contains a backslash, which browsers read as '/' (a leading '/\\' opens another site)",
                hint: "write '/' for a path separator, or %5C for a literal backslash")
        }
        if let control = text.unicodeScalars.first(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            let code = "U+" + String(control.value, radix: 16, uppercase: true).leftPadded(to: 4)
            return Problem(
                message: "contains the control character \(code), which browsers remove or trim",
                hint: "remove it, or percent-encode it")
        }
        if text.unicodeScalars.first == " " || text.unicodeScalars.last == " " {
            return Problem(message: "starts or ends with a space, which browsers trim", hint: "remove the space")
        }
        return nil
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
