import CLibXML2

/// Parses page bytes with libxml2's HTML parser into a `PageTree`; the only file that touches libxml2.
enum PageParser {
    /// libxml2 wants `xmlInitParser` once, before any thread parses.
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Error codes of libxml2 2.9 that are noise for HTML5 pages.
    ///
    /// 801 (XML_HTML_UNKNOWN_TAG): libxml2 2.9 knows only HTML 4 and calls `<main>`, `<nav>`, `<svg>`… invalid.
    /// 23 (XML_ERR_ENTITYREF_SEMICOL_MISSING): a bare `&` such as `?a=1&b=2` is valid HTML5.
    /// 76 (XML_ERR_TAG_NAME_MISMATCH): replaced by `TagBalance`, which knows HTML5's elements and
    /// also finds the unclosed elements libxml2 closes silently.
    static let ignoredCodes: Set<Int> = [801, 23, 76]

    /// Parses one page; safe to call from many threads at once.
    static func parse(_ bytes: [UInt8]) -> PageTree {
        _ = initialized
        guard !bytes.isEmpty else { return PageTree(elements: [], problems: [], parsed: false) }
        let log = ProblemLog()
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
        // The structured error handler is per thread in libxml2, so parallel parses do not mix their errors.
        let document: htmlDocPtr? = withExtendedLifetime(log) {
            xmlSetStructuredErrorFunc(Unmanaged.passUnretained(log).toOpaque(), recordProblem)
            defer { xmlSetStructuredErrorFunc(nil, nil) }
            return bytes.withUnsafeBufferPointer { buffer -> htmlDocPtr? in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) { start in
                    htmlReadMemory(start, Int32(buffer.count), "page.html", "UTF-8", options)
                }
            }
        }
        guard let document else {
            return PageTree(elements: [], problems: log.problems, parsed: false)
        }
        defer { xmlFreeDoc(document) }
        var elements: [PageElement] = []
        collectElements(from: document.pointee.children, into: &elements)
        return PageTree(elements: elements, problems: log.problems, parsed: true)
    }

    /// Walks siblings and their descendants in document order (libxml2 bounds the depth at 256).
    private static func collectElements(from first: xmlNodePtr?, into elements: inout [PageElement]) {
        var node = first
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE {
                elements.append(element(from: current))
                collectElements(from: current.pointee.children, into: &elements)
            }
            node = current.pointee.next
        }
    }

    private static func element(from node: xmlNodePtr) -> PageElement {
        let name = node.pointee.name.map(lowercasedName) ?? ""
        var attributes: [(name: String, value: String)] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            let attributeName = current.pointee.name.map(lowercasedName) ?? ""
            attributes.append((attributeName, text(of: current.pointee.children)))
            attribute = current.pointee.next
        }
        let keepsText = name == "title" || name == "script"
        return PageElement(
            name: name, attributes: attributes, line: Int(xmlGetLineNo(node)),
            text: keepsText ? text(of: node.pointee.children) : nil)
    }

    /// A tag or attribute name, lower-cased; libxml2's HTML parser usually has done that already.
    private static func lowercasedName(_ name: UnsafePointer<xmlChar>) -> String {
        let text = String(cString: name)
        return text.utf8.allSatisfy({ $0 < 0x80 && !($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) }) ? text : text.lowercased()
    }

    /// The concatenated text and CDATA of a node list (attribute values, script and title content).
    private static func text(of first: xmlNodePtr?) -> String {
        var result = ""
        var node = first
        while let current = node {
            let type = current.pointee.type
            if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE, let content = current.pointee.content {
                result += String(cString: content)
            }
            node = current.pointee.next
        }
        return result
    }
}

/// Collects libxml2's structured errors for one parse; reached through the handler's context pointer.
private final class ProblemLog {
    var problems: [ParseProblem] = []
}

/// libxml2's structured error callback: records every problem not in `PageParser.ignoredCodes`.
private func recordProblem(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error else { return }
    let log = Unmanaged<ProblemLog>.fromOpaque(context).takeUnretainedValue()
    let code = Int(error.pointee.code)
    guard !PageParser.ignoredCodes.contains(code) else { return }
    var message = error.pointee.message.map { String(cString: $0) } ?? "libxml2 error \(code)"
    while message.last?.isWhitespace == true { message.removeLast() }
    log.problems.append(ParseProblem(
        code: code, line: Int(error.pointee.line), column: Int(error.pointee.int2), message: message))
}
