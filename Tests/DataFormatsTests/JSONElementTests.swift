import Testing
import DataFormats

@Suite("JSON arrays parsed element by element")
struct JSONElementTests {
    static let documents = [
        "[]",
        "  [\n]\n",
        "\u{FEFF}[{\"a\": [1, 2, {\"b\": null}]},\n \"x\",\r\n 3.5, true]",
        "[[[]], {}]",
    ]

    @Test("each element of a top-level array comes with the value and position the whole parse gives it", arguments: documents)
    func elementsMatchWholeParse(_ text: String) throws {
        var elements: [JSONNode] = []
        let rest = try JSON.parse(Array(text.utf8)) { elements.append($0) }
        #expect(rest == nil)
        #expect(elements == (try JSON.parse(text)).array)
    }

    @Test("a document that is not an array is returned whole, without elements", arguments: ["{\"a\": [1]}", " \"text\" ", "12"])
    func otherDocumentsWhole(_ text: String) throws {
        var count = 0
        let whole = try JSON.parse(Array(text.utf8)) { _ in count += 1 }
        #expect(whole == (try JSON.parse(text)))
        #expect(count == 0)
    }

    @Test("a syntax error is the one the whole parse reports, after the elements before it", arguments: [
        "[1, 2,\n  {\"a\": }]", "[1, 2] x", "[1, 2", "", "[1,\n]",
    ])
    func syntaxErrorsMatch(_ text: String) {
        var wholeError: JSONSyntaxError?
        do { _ = try JSON.parse(text) } catch { wholeError = error }
        var elementError: JSONSyntaxError?
        var count = 0
        do { _ = try JSON.parse(Array(text.utf8)) { _ in count += 1 } } catch { elementError = error }
        #expect(wholeError != nil)
        #expect(elementError?.position == wholeError?.position)
        #expect(elementError?.message == wholeError?.message)
        #expect(count <= 2)
    }
}
