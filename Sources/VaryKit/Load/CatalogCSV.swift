import DataFormats
import Foundation

/// Turns a catalog spreadsheet into the JSON shape of `products.json`, keeping each cell's position.
///
/// Columns are the product fields flattened by dots (`prices.EUR`, `title.fr`, `image.alt.en`);
/// a plain `title` column is the text for every locale; lists are joined by `|`; an empty cell is absent.
enum CatalogCSV {
    static let listFields: Set<String> = ["tags", "complements"]

    static func products(from table: CSVTable) -> JSONNode {
        let rows = table.rows.map { row in
            var root = Tree()
            for (index, name) in table.header.enumerated() where index < row.cells.count {
                let cell = row.cells[index]
                guard !cell.isEmpty else { continue }
                let position = row.positions[index]
                root.insert(path: name.split(separator: ".").map(String.init), value: value(for: name, cell: cell, at: position))
            }
            return root.node(at: TextPosition(line: row.line, column: 1))
        }
        return JSONNode(.array(rows), position: TextPosition(line: table.headerLine, column: 1))
    }

    private static func value(for column: String, cell: String, at position: TextPosition) -> JSONNode {
        let field = column.split(separator: ".").first.map(String.init) ?? column
        if listFields.contains(field) {
            let items = cell.split(separator: "|").map {
                JSONNode(.string($0.trimmingCharacters(in: .whitespaces)), position: position)
            }
            return JSONNode(.array(items), position: position)
        }
        if field == "stock" || field == "popularity", isNumber(cell) {
            return JSONNode(.number(cell), position: position)
        }
        return JSONNode(.string(cell), position: position)
    }

    private static func isNumber(_ text: String) -> Bool {
        (try? JSON.parse(text)).map { if case .number = $0.value { true } else { false } } ?? false
    }

    /// An object under construction; a plain `title` next to `title.fr` becomes the text for every locale.
    private struct Tree {
        var leaf: JSONNode?
        var children: [(key: String, tree: Tree)] = []

        mutating func insert(path: [String], value: JSONNode) {
            guard let first = path.first else {
                leaf = value
                return
            }
            if let index = children.firstIndex(where: { $0.key == first }) {
                children[index].tree.insert(path: Array(path.dropFirst()), value: value)
            } else {
                var child = Tree()
                child.insert(path: Array(path.dropFirst()), value: value)
                children.append((first, child))
            }
        }

        func node(at position: TextPosition) -> JSONNode {
            if children.isEmpty, let leaf { return leaf }
            var members: [JSONMember] = []
            if let leaf { members.append(JSONMember(key: "", keyPosition: leaf.position, value: leaf)) }
            for child in children {
                let childNode = child.tree.node(at: child.tree.leaf?.position ?? position)
                members.append(JSONMember(key: child.key, keyPosition: childNode.position, value: childNode))
            }
            return JSONNode(.object(members), position: position)
        }
    }
}
