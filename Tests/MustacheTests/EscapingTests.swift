import Testing
@testable import Mustache

/// The escaping the specification asks for, written the obvious way, to check the fast one against.
private func referenceEscape(_ text: String) -> String {
    var result = ""
    for character in text.unicodeScalars {
        switch character {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "'": result += "&#39;"
        default: result.unicodeScalars.append(character)
        }
    }
    return result
}

@Suite("HTML escaping")
struct EscapingTests {
    @Test("a script injection attempt is escaped in {{x}}")
    func hostileText() throws {
        let hostile = #"</title><script>alert("pwned" + 'x') && 1 < 2</script>"#
        #expect(try render("<title>{{name}}</title>", ["name": .string(hostile)])
            == "<title>&lt;/title&gt;&lt;script&gt;alert(&quot;pwned&quot; + &#39;x&#39;) &amp;&amp; 1 &lt; 2&lt;/script&gt;</title>")
    }

    @Test("an attribute value cannot be broken out of with either quote")
    func attributeBreakout() throws {
        #expect(try render(#"<img alt="{{alt}}" title='{{alt}}'>"#, ["alt": #"" onerror="x' onload='y"#])
            == #"<img alt="&quot; onerror=&quot;x&#39; onload=&#39;y" title='&quot; onerror=&quot;x&#39; onload=&#39;y'>"#)
    }

    @Test("triple mustaches and ampersand tags write text unescaped")
    func unescaped() throws {
        #expect(try render("{{{html}}}|{{& html}}", ["html": "<b>&amp;</b>"]) == "<b>&amp;</b>|<b>&amp;</b>")
    }

    @Test("text without special characters and non-ASCII text pass through unchanged")
    func plainAndUnicode() throws {
        let text = "Grüße aus Köln – 東京 🧥 ÅÄÖ"
        #expect(try render("{{t}}", ["t": .string(text)]) == text)
    }

    @Test("every special character is escaped wherever it falls in strings of any length")
    func everyPosition() throws {
        let library = try TemplateLibrary(sources: ["p": "{{t}}"])
        for length in 0..<40 {
            for position in 0..<max(length, 1) {
                for special in ["&", "<", ">", "\"", "'"] {
                    var characters = Array(repeating: "a", count: length)
                    if length > 0 { characters[position] = special }
                    if length > 3 { characters[length - 1] = "é" }
                    let text = characters.joined()
                    #expect(try library.renderString("p", ["t": .string(text)]) == referenceEscape(text), "\(text)")
                }
            }
        }
    }

    @Test("a string made only of special characters is escaped in full")
    func onlySpecials() throws {
        let text = String(repeating: "&<>\"'", count: 7)
        #expect(try render("{{t}}", ["t": .string(text)]) == referenceEscape(text))
    }

    @Test("literal template text is never escaped")
    func literalText() throws {
        #expect(try render("<a href=\"?a=1&b=2\">'x'</a>") == "<a href=\"?a=1&b=2\">'x'</a>")
    }
}
