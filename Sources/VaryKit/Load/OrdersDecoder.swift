import DataFormats
import Foundation
import Intl

/// Decodes `orders.csv`: `order_id,product_id,quantity,region,date`, plus the optional `customer_id` and `segment`.
enum OrdersDecoder {
    static let columns = ["order_id", "product_id", "quantity", "region", "date"]
    static let optionalColumns = ["customer_id", "segment"]

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
        for column in optionalColumns { indices[column] = table.column(named: column) }
        return table.rows.compactMap { row -> Order? in
            func cell(_ name: String) -> (text: String, location: SourceLocation)? {
                guard let index = indices[name] else { return nil }
                let position = row.positions[index]
                return (row.cells[index], SourceLocation(file: file, line: position.line, column: position.column, path: name))
            }
            let orderID = cell("order_id")!, product = cell("product_id")!, quantity = cell("quantity")!
            let region = cell("region")!, date = cell("date")!
            var valid = true
            func fail(_ location: SourceLocation, _ message: String) {
                log.add(location.error(message))
                valid = false
            }
            if orderID.text.isEmpty { fail(orderID.location, "missing order id") }
            for id in [product, region] where !Field.isValidID(id.text) {
                fail(id.location, "\"\(id.text)\" is not a valid id")
            }
            // An empty segment cell means the export did not know it; customers.csv may still give it.
            let segment = cell("segment").flatMap { $0.text.isEmpty ? nil : $0 }
            if let segment, !Field.isValidID(segment.text) { fail(segment.location, "\"\(segment.text)\" is not a valid id") }
            let count = Int(quantity.text)
            if count == nil || count! < 1 { fail(quantity.location, "\"\(quantity.text)\" is not a positive whole number") }
            let instant = Instant.parse(date.text) ?? (Instant.isoDate(date.text) ? Instant.parse(date.text + "T00:00:00Z") : nil)
            if instant == nil { fail(date.location, "\"\(date.text)\" is not an ISO 8601 instant or date") }
            guard valid, let count, let instant else { return nil }
            let customer = cell("customer_id").flatMap { $0.text.isEmpty ? nil : $0.text }
            return Order(
                id: orderID.text, product: Reference(product.text, at: product.location), quantity: count,
                region: Reference(region.text, at: region.location), date: instant, customer: customer,
                segment: segment.map { Reference($0.text, at: $0.location) })
        }
    }
}

/// Decodes `customers.csv`: `customer_id,segment`, the segment of each customer as a CDP exports it.
enum CustomersDecoder {
    static func decode(_ table: CSVTable, file: String, log: DiagnosticLog) -> [String: Reference] {
        guard let customerColumn = table.column(named: "customer_id"), let segmentColumn = table.column(named: "segment") else {
            for column in ["customer_id", "segment"] where table.column(named: column) == nil {
                log.add(Diagnostic(file: file, line: table.headerLine, column: 1, message: "missing column '\(column)'"))
            }
            return [:]
        }
        var segments: [String: Reference] = [:]
        for row in table.rows {
            func location(_ index: Int, _ path: String) -> SourceLocation {
                SourceLocation(file: file, line: row.positions[index].line, column: row.positions[index].column, path: path)
            }
            let customer = row.cells[customerColumn], segment = row.cells[segmentColumn]
            if customer.isEmpty {
                log.add(location(customerColumn, "customer_id").error("missing customer id"))
            } else if !Field.isValidID(segment) {
                log.add(location(segmentColumn, "segment").error("\"\(segment)\" is not a valid id"))
            } else if let earlier = segments[customer], earlier.id != segment {
                log.add(location(segmentColumn, "segment").error(
                    "customer listed again with segment '\(segment)' (line \(earlier.location.line) gives '\(earlier.id)')"))
            } else if segments[customer] == nil {
                segments[customer] = Reference(segment, at: location(segmentColumn, "segment"))
            }
        }
        return segments
    }
}
