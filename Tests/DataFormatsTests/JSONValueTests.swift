import Testing
import DataFormats

@Suite("JSON values")
struct JSONValueTests {
    @Test("numbers keep their exact literal text")
    func numbersExact() throws {
        let root = try JSON.parse("[0.85, -12, 1e3, 0.1000, -0, 1E+2, 12345678901234567890123]")
        let texts = try #require(root.array).map(\.value)
        #expect(texts == ["0.85", "-12", "1e3", "0.1000", "-0", "1E+2", "12345678901234567890123"].map { JSONValue.number($0) })
    }

    @Test("int answers only for numbers that are exactly integers that fit")
    func exactIntegers() throws {
        let cases: [(String, Int?)] = [
            ("42", 42), ("-12", -12), ("3.0", 3), ("1e3", 1000), ("2.50e1", 25), ("-0", 0), ("0e999999999999999999", 0),
            ("1.5", nil), ("1e-1", nil), ("100e-2", 1), ("9223372036854775807", Int.max),
            ("-9223372036854775808", Int.min), ("9223372036854775808", nil), ("1e19", nil), ("1e999999999999999999", nil),
        ]
        for (literal, expected) in cases {
            #expect(try JSON.parse(literal).int == expected, "\(literal)")
        }
    }

    @Test("accessors answer for their own kind and nil for others")
    func accessors() throws {
        let root = try JSON.parse(#"{"s": "x", "b": false, "n": 0.5, "a": [1], "o": {}, "z": null}"#)
        #expect(root["s"]?.string == "x")
        #expect(root["b"]?.bool == false)
        #expect(root["n"]?.double == 0.5)
        #expect(root["n"]?.int == nil)
        #expect(root["a"]?.array?.count == 1)
        #expect(root["o"]?.members?.isEmpty == true)
        #expect(root["z"]?.value == .null)
        #expect(root["s"]?.int == nil)
        #expect(root["n"]?.string == nil)
        #expect(root["a"]?["x"] == nil)
        #expect(root["missing"] == nil)
        #expect(root.members?.map { $0.value.typeName } == ["a string", "a boolean", "a number", "an array", "an object", "null"])
    }

    @Test("duplicate keys are kept in source order and the subscript finds the first")
    func duplicateKeys() throws {
        let root = try JSON.parse(#"{"a": 1, "b": 2, "a": 3}"#)
        #expect(root.members?.map(\.key) == ["a", "b", "a"])
        #expect(root["a"]?.int == 1)
    }

    @Test("escapes decode, including surrogate pairs")
    func escapes() throws {
        let root = try JSON.parse(#"["a\"b\\c\/d\b\f\n\r\t", "\u00e9\u4E2D", "\ud83d\ude00", "caf\u00E9 \u0000"]"#)
        let strings = try #require(root.array).compactMap(\.string)
        #expect(strings == ["a\"b\\c/d\u{8}\u{C}\n\r\t", "é中", "😀", "café \u{0}"])
    }

    @Test("whitespace around a scalar document is allowed")
    func scalarDocument() throws {
        #expect(try JSON.parse(" \n\t\"x\"\r\n ").string == "x")
        #expect(try JSON.parse("true").bool == true)
        #expect(try JSON.parse("null").value == .null)
    }
}
