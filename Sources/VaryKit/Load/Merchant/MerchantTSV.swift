import DataFormats

/// Reads a Merchant Center text feed: a tab-separated table whose header names the attributes.
///
/// A group attribute is written as its sub-attributes joined by colons, several groups separated by commas, in the
/// order its header gives (`shipping(country:service:price)`) or, with a plain header, Google's default order
/// (`shipping` is `country:region:service:price`). A repeated attribute (`additional_image_link`) is comma-separated.
enum MerchantTSV {
    static let defaultParts = ["shipping": ["country", "region", "service", "price"]]
    static let commaSeparated: Set<String> = ["additional_image_link"]

    static func items(_ bytes: [UInt8]) throws(SyntaxError) -> [MerchantItem] {
        let table = try TSV.parse(bytes)
        let columns = table.header.map(column)
        return table.rows.map { row in
            var item = MerchantItem(position: TextPosition(line: row.line, column: 1))
            for (index, (name, parts)) in columns.enumerated() where index < row.cells.count {
                let text = row.cells[index].trimmingCharacters(in: .whitespaces)
                let position = row.positions[index]
                if let parts, !text.isEmpty {
                    for group in text.split(separator: ",") {
                        var value = MerchantItem.Value(text: "", position: position)
                        let fields = group.split(separator: ":", omittingEmptySubsequences: false)
                        for (part, field) in zip(parts, fields) { value.parts[part] = field.trimmingCharacters(in: .whitespaces) }
                        // A price may be the only part written (`::: 4.95 EUR` is often shortened to `4.95 EUR`).
                        if fields.count == 1 { value.parts = ["price": String(group).trimmingCharacters(in: .whitespaces)] }
                        item.add(name, value)
                    }
                } else if commaSeparated.contains(name), !text.isEmpty {
                    for piece in text.split(separator: ",") {
                        item.add(name, MerchantItem.Value(text: piece.trimmingCharacters(in: .whitespaces), position: position))
                    }
                } else {
                    item.add(name, MerchantItem.Value(text: text, position: position))
                }
            }
            return item
        }
    }

    /// An attribute's name and, for a group attribute, the order of its sub-attributes.
    private static func column(_ header: String) -> (String, [String]?) {
        let trimmed = header.trimmingCharacters(in: .whitespaces).lowercased()
        if let open = trimmed.firstIndex(of: "("), trimmed.hasSuffix(")") {
            let name = String(trimmed[..<open])
            let inner = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
            return (name, inner.split(separator: ":").map(String.init))
        }
        return (trimmed, defaultParts[trimmed])
    }
}
