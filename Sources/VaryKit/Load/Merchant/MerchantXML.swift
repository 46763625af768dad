import CLibXML2
import DataFormats
import Foundation

/// Reads a Merchant Center XML feed (RSS 2.0 `<item>`s or Atom `<entry>`s with attributes in the
/// `http://base.google.com/ns/1.0` namespace) with libxml2, keeping each attribute's line.
enum MerchantXML {
    static let namespace = "http://base.google.com/ns/1.0"

    /// libxml2 wants `xmlInitParser` once, before any thread parses.
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// The feed's items, or the first well-formedness error at its line and column.
    static func items(_ bytes: [UInt8]) throws(SyntaxError) -> [MerchantItem] {
        _ = initialized
        let errors = XMLErrors()
        // No network, no entity expansion (a feed has no business defining entities), no DTD loading.
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOERROR.rawValue)
        let document: xmlDocPtr? = withExtendedLifetime(errors) {
            xmlSetStructuredErrorFunc(Unmanaged.passUnretained(errors).toOpaque(), recordXMLError)
            defer { xmlSetStructuredErrorFunc(nil, nil) }
            return bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.map { start in
                    start.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                        xmlReadMemory($0, Int32(buffer.count), "feed.xml", nil, options)
                    }
                } ?? nil
            }
        }
        if let first = errors.first {
            if let document { xmlFreeDoc(document) }
            throw first
        }
        guard let document else {
            throw SyntaxError(position: TextPosition(line: 1, column: 1), message: "not an XML document")
        }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return [] }
        let rootName = localName(root)
        guard rootName == "rss" || rootName == "feed" else {
            throw SyntaxError(
                position: TextPosition(line: Int(xmlGetLineNo(root)), column: 1),
                message: "root element <\(rootName)> is not <rss> (RSS 2.0) or <feed> (Atom)")
        }
        var items: [MerchantItem] = []
        collectItems(root, into: &items)
        return items
    }

    private static func collectItems(_ parent: xmlNodePtr, into items: inout [MerchantItem]) {
        for node in children(parent) {
            let name = localName(node)
            if name == "item" || name == "entry" {
                items.append(item(node))
            } else if name == "channel" {
                collectItems(node, into: &items)
            }
        }
    }

    private static func item(_ node: xmlNodePtr) -> MerchantItem {
        var item = MerchantItem(position: TextPosition(line: Int(xmlGetLineNo(node)), column: 1))
        for child in children(node) where isFeedAttribute(child) {
            let position = TextPosition(line: Int(xmlGetLineNo(child)), column: 1)
            let grandchildren = children(child)
            var value = MerchantItem.Value(text: "", position: position)
            if grandchildren.isEmpty {
                value.text = text(child)
            } else {
                for part in grandchildren { value.parts[localName(part)] = text(part) }
            }
            item.add(localName(child), value)
        }
        return item
    }

    /// Google's attributes are in its namespace; `title`, `link` and `description` may also be plain RSS elements.
    private static func isFeedAttribute(_ node: xmlNodePtr) -> Bool {
        guard let ns = node.pointee.ns, let href = ns.pointee.href else { return true }
        return String(cString: href) == namespace
    }

    private static func children(_ node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(current) }
            child = current.pointee.next
        }
        return result
    }

    private static func localName(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    /// The element's text with surrounding white space removed.
    private static func text(_ node: xmlNodePtr) -> String {
        var result = ""
        var child = node.pointee.children
        while let current = child {
            let type = current.pointee.type
            if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE, let content = current.pointee.content {
                result += String(cString: content)
            }
            child = current.pointee.next
        }
        return result.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// The errors of one parse; reached through libxml2's handler context pointer.
private final class XMLErrors {
    var first: SyntaxError?
}

private func recordXMLError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
    let errors = Unmanaged<XMLErrors>.fromOpaque(context).takeUnretainedValue()
    guard errors.first == nil else { return }
    var message = error.pointee.message.map { String(cString: $0) } ?? "libxml2 error \(error.pointee.code)"
    while message.last?.isWhitespace == true { message.removeLast() }
    errors.first = SyntaxError(
        position: TextPosition(line: max(Int(error.pointee.line), 1), column: max(Int(error.pointee.int2), 1)),
        message: "not well-formed XML: " + message)
}
