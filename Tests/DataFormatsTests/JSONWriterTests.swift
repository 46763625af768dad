import Testing
import DataFormats

@Suite("JSON writer")
struct JSONWriterTests {
    static let sample = JSONValue.object(pairs: [
        ("name", .string("Jacket")),
        ("price", .number("24.00")),
        ("tags", .array(values: [.string("winter"), .bool(true), .null])),
        ("empty", .object(pairs: [])),
        ("none", .array(values: [])),
        ("count", .integer(-3)),
    ])

    @Test("compact output has no whitespace and keeps member order")
    func compact() {
        #expect(JSONWriter.string(Self.sample, pretty: false)
            == #"{"name":"Jacket","price":24.00,"tags":["winter",true,null],"empty":{},"none":[],"count":-3}"#)
    }

    @Test("pretty output indents by two spaces")
    func pretty() {
        let expected = """
        {
          "name": "Jacket",
          "price": 24.00,
          "tags": [
            "winter",
            true,
            null
          ],
          "empty": {},
          "none": [],
          "count": -3
        }
        """
        #expect(JSONWriter.string(Self.sample, pretty: true) == expected)
    }

    @Test("strings are escaped per RFC 8259")
    func escaping() {
        let text = "q\" b\\ n\n r\r t\t b\u{8} f\u{C} nul\u{0} us\u{1F} é 😀 </x> &"
        #expect(JSONWriter.string(.string(text), pretty: false)
            == #""q\" b\\ n\n r\r t\t b\b f\f nul\u0000 us\u001f é 😀 </x> &""#)
    }

    @Test("script escaping hides </script>, ampersands and line separators")
    func scriptEscaping() {
        let value = JSONValue.object(pairs: [("<k>", .string("</script><b>&amp;\u{2028}\u{2029}\u{2027}"))])
        #expect(JSONWriter.string(value, pretty: false, escapeForScript: true)
            == #"{"\u003ck\u003e":"\u003c/script\u003e\u003cb\u003e\u0026amp;\u2028\u2029\#u{2027}"}"#)
        #expect(!JSONWriter.string(value, pretty: true, escapeForScript: true).contains("</script"))
    }

    @Test("writing then parsing gives back the same values")
    func roundTrip() throws {
        for pretty in [false, true] {
            for script in [false, true] {
                let text = JSONWriter.string(Self.sample, pretty: pretty, escapeForScript: script)
                #expect(try stripped(JSON.parse(text).value) == Self.sample)
            }
        }
        let tricky = JSONValue.array(values: [.string("\u{0}\u{1F}\"\\/<>&\u{2028}😀\r\n"), .number("1e-7")])
        #expect(try stripped(JSON.parse(JSONWriter.string(tricky, pretty: false, escapeForScript: true)).value) == tricky)
    }

    @Test("parsing then writing a fixture reproduces its values exactly")
    func fixtureRoundTrip() throws {
        let parsed = try JSON.parse(try Fixtures.bytes("bundles.json"))
        let rewritten = try JSON.parse(JSONWriter.bytes(parsed.value, pretty: false))
        #expect(stripped(rewritten.value) == stripped(parsed.value))
    }

    @Test("bytes and string give the same text")
    func bytesMatchString() {
        #expect(JSONWriter.bytes(Self.sample, pretty: true) == Array(JSONWriter.string(Self.sample, pretty: true).utf8))
    }

    /// The value with every position reset, so parsed and built values compare equal.
    private func stripped(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let elements): .array(elements.map { JSONNode(stripped($0.value)) })
        case .object(let members): .object(members.map { JSONMember(key: $0.key, value: JSONNode(stripped($0.value.value))) })
        default: value
        }
    }
}
