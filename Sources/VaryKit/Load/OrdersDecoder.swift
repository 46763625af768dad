import DataFormats
import Foundation
import Intl

/// Decodes `orders.csv`: `order_id,product_id,quantity,region,date`.
enum OrdersDecoder {
    static let columns = ["order_id", "product_id", "quantity", "region", "date"]

    static func decode(_ table: CSVTable, file: String, log: DiagnosticLog) -> [Order] {
        var indices: [String: Int] = [:]
        for column in columns {
            if let index = table.column(named: column) {
                indices[column] = index
            } else {
                log.add(Diagnostic(file: file, line: table.headerLine, column: 1, message: "missing column '\(column)'"))
            }
        }
        guard indices.count == columns.count else { return [] }
        return table.rows.compactMap { row -> Order? in
            func cell(_ name: String) -> (text: String, location: SourceLocation) {
                let index = indices[name]!
                let position = row.positions[index]
                return (row.cells[index], SourceLocation(file: file, line: position.line, column: position.column, path: name))
            }
            let orderID = cell("order_id"), product = cell("product_id"), quantity = cell("quantity")
            let region = cell("region"), date = cell("date")
            var valid = true
            func fail(_ location: SourceLocation, _ message: String) {
                log.add(location.error(message))
                valid = false
            }
            if orderID.text.isEmpty { fail(orderID.location, "missing order id") }
            for id in [product, region] where !Field.isValidID(id.text) {
                fail(id.location, "\"\(id.text)\" is not a valid id")
            }
            let count = Int(quantity.text)
            if count == nil || count! < 1 { fail(quantity.location, "\"\(quantity.text)\" is not a positive whole number") }
            let instant = Instant.parse(date.text) ?? (Instant.isoDate(date.text) ? Instant.parse(date.text + "T00:00:00Z") : nil)
            if instant == nil { fail(date.location, "\"\(date.text)\" is not an ISO 8601 instant or date") }
            guard valid, let count, let instant else { return nil }
            return Order(
                id: orderID.text, product: Reference(product.text, at: product.location), quantity: count,
                region: Reference(region.text, at: region.location), date: instant)
        }
    }
}
