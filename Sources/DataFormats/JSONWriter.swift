/// Writes JSON deterministically: members in the order given, numbers as their literal text.
public enum JSONWriter {
    /// The JSON text of `value`; `pretty` indents by two spaces, `escapeForScript` also escapes `<`, `>`, `&`, U+2028 and U+2029 so the text is safe inside an HTML `<script>`.
    public static func string(_ value: JSONValue, pretty: Bool, escapeForScript: Bool = false) -> String {
        var output = JSONOutput(pretty: pretty, escapeForScript: escapeForScript)
        output.write(value, indent: 0)
        return String(decoding: output.bytes, as: UTF8.self)
    }

    /// The JSON text of `value` as UTF-8 bytes, with the same options as `string(_:pretty:escapeForScript:)`.
    public static func bytes(_ value: JSONValue, pretty: Bool, escapeForScript: Bool = false) -> [UInt8] {
        var output = JSONOutput(pretty: pretty, escapeForScript: escapeForScript)
        output.write(value, indent: 0)
        return output.bytes
    }
}

/// The growing byte buffer behind `JSONWriter`.
private struct JSONOutput {
    let pretty: Bool
    let escapeForScript: Bool
    var bytes: [UInt8] = []

    init(pretty: Bool, escapeForScript: Bool) {
        self.pretty = pretty
        self.escapeForScript = escapeForScript
        bytes.reserveCapacity(4096)
    }

    mutating func write(_ value: JSONValue, indent: Int) {
        switch value {
        case .null: bytes.append(contentsOf: "null".utf8)
        case .bool(let flag): bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let text): bytes.append(contentsOf: text.utf8)
        case .string(let text): writeString(text)
        case .array(let elements):
            guard !elements.isEmpty else { return bytes.append(contentsOf: "[]".utf8) }
            bytes.append(ASCII.openBracket)
            for (offset, element) in elements.enumerated() {
                if offset > 0 { bytes.append(ASCII.comma) }
                newline(indent + 1)
                write(element.value, indent: indent + 1)
            }
            newline(indent)
            bytes.append(ASCII.closeBracket)
        case .object(let members):
            guard !members.isEmpty else { return bytes.append(contentsOf: "{}".utf8) }
            bytes.append(ASCII.openBrace)
            for (offset, member) in members.enumerated() {
                if offset > 0 { bytes.append(ASCII.comma) }
                newline(indent + 1)
                writeString(member.key)
                bytes.append(ASCII.colon)
                if pretty { bytes.append(ASCII.space) }
                write(member.value.value, indent: indent + 1)
            }
            newline(indent)
            bytes.append(ASCII.closeBrace)
        }
    }

    private mutating func newline(_ indent: Int) {
        guard pretty else { return }
        bytes.append(ASCII.lineFeed)
        bytes.append(contentsOf: repeatElement(ASCII.space, count: indent * 2))
    }

    private mutating func writeString(_ text: String) {
        bytes.append(ASCII.quote)
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            var i = 0
            while i < utf8.count {
                let byte = utf8[i]
                let escape = escapeSequence(byte, utf8, i)
                if escape.isEmpty {
                    i += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                bytes.append(contentsOf: escape.utf8)
                // U+2028 and U+2029 take three bytes; everything else escaped takes one.
                i += byte == 0xE2 ? 3 : 1
                runStart = i
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
        bytes.append(ASCII.quote)
    }

    /// The escape for the byte at `i`, or "" when it is written as is.
    private func escapeSequence(_ byte: UInt8, _ utf8: UnsafeBufferPointer<UInt8>, _ i: Int) -> String {
        switch byte {
        case ASCII.quote: return "\\\""
        case ASCII.backslash: return "\\\\"
        case ASCII.lineFeed: return "\\n"
        case ASCII.carriageReturn: return "\\r"
        case ASCII.tab: return "\\t"
        case 0x08: return "\\b"
        case 0x0C: return "\\f"
        case 0..<0x20: return "\\u" + UTF8Bytes.hex(UInt32(byte), width: 4).lowercased()
        case 0x3C where escapeForScript: return "\\u003c"
        case 0x3E where escapeForScript: return "\\u003e"
        case 0x26 where escapeForScript: return "\\u0026"
        case 0xE2 where escapeForScript && i + 2 < utf8.count && utf8[i + 1] == 0x80:
            if utf8[i + 2] == 0xA8 { return "\\u2028" }
            if utf8[i + 2] == 0xA9 { return "\\u2029" }
            return ""
        default: return ""
        }
    }
}
