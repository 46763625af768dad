import DataFormats
import Foundation
import Intl

/// Decodes `orders.csv`: `order_id,product_id,quantity,region,date`, plus the optional `customer_id` and `segment`.
enum OrdersDecoder {
    static let columns = ["order_id", "product_id", "quantity", "region", "date"]
    static let optionalColumns = ["customer_id", "segment"]

    /// Decodes the rows as they are read: a million lines never stand as a table of strings at once.
    static func decode(_ reader: inout CSVReader, file: String, log: DiagnosticLog) throws(CSVSyntaxError) -> [Order] {
        var indices: [String: Int] = [:]
        for column in columns {
            if let index = reader.column(named: column) {
                indices[column] = index
            } else {
                log.add(Diagnostic(file: file, line: reader.headerLine, column: 1, message: "missing column '\(column)'"))
            }
        }
        warnUnknownColumns(reader.header, known: columns + optionalColumns, line: reader.headerLine, file: file, log: log)
        guard indices.count == columns.count else {
            // The rest is still read: a syntax error further down is reported instead, as for any CSV file.
            while try reader.next() != nil {}
            return []
        }
        let orderColumn = indices["order_id"]!, productColumn = indices["product_id"]!
        let quantityColumn = indices["quantity"]!, regionColumn = indices["region"]!, dateColumn = indices["date"]!
        let customerColumn = reader.column(named: "customer_id"), segmentColumn = reader.column(named: "segment")
        var orders: [Order] = []
        while let row = try reader.next() {
            func location(_ index: Int, _ name: String) -> SourceLocation {
                SourceLocation(file: file, line: row.positions[index].line, column: row.positions[index].column, path: name)
            }
            let orderID = row.cells[orderColumn], product = row.cells[productColumn], quantity = row.cells[quantityColumn]
            let region = row.cells[regionColumn], date = row.cells[dateColumn]
            var valid = true
            func fail(_ index: Int, _ name: String, _ message: String) {
                log.add(location(index, name).error(message))
                valid = false
            }
            if orderID.isEmpty { fail(orderColumn, "order_id", "missing order id") }
            for (id, index, name) in [(product, productColumn, "product_id"), (region, regionColumn, "region")]
            where !Field.isValidID(id) {
                fail(index, name, "\"\(id)\" is not a valid id")
            }
            // An empty segment cell means the export did not know it; customers.csv may still give it.
            let segment = segmentColumn.flatMap { row.cells[$0].isEmpty ? nil : row.cells[$0] }
            if let segment, !Field.isValidID(segment) { fail(segmentColumn!, "segment", "\"\(segment)\" is not a valid id") }
            let count = Int(quantity)
            if count == nil || count! < 1 { fail(quantityColumn, "quantity", "\"\(quantity)\" is not a positive whole number") }
            let instant = Instant.parse(date) ?? (Instant.isoDate(date) ? Instant.parse(date + "T00:00:00Z") : nil)
            if instant == nil { fail(dateColumn, "date", "\"\(date)\" is not an ISO 8601 instant or date") }
            guard valid, let count, let instant else { continue }
            let customer = customerColumn.flatMap { row.cells[$0].isEmpty ? nil : row.cells[$0] }
            func cell(_ index: Int?) -> Order.Cell {
                guard let index else { return Order.Cell(line: 0, column: 0) }
                return Order.Cell(line: Int32(row.positions[index].line), column: Int32(row.positions[index].column))
            }
            orders.append(Order(
                id: orderID, product: product, quantity: count, region: region, date: instant, customer: customer,
                segment: segment,
                row: Order.Row(file: file, product: cell(productColumn), region: cell(regionColumn), segment: cell(segmentColumn))))
        }
        return orders
    }

    /// Warns of a header column no decoder reads: a misspelt `segment` or `customer_id` would otherwise teach nothing.
    static func warnUnknownColumns(_ header: [String], known: [String], line: Int, file: String, log: DiagnosticLog) {
        for name in header where !known.contains(name) {
            log.add(SourceLocation(file: file, line: line, column: 1).warning(
                "unknown column '\(name)' is ignored", hint: Suggestion.hint(for: name, among: known)))
        }
    }
}

/// Decodes `customers.csv`: `customer_id,segment`, the segment of each customer as a CDP exports it.
enum CustomersDecoder {
    static func decode(_ table: CSVTable, file: String, log: DiagnosticLog) -> [String: Reference] {
        OrdersDecoder.warnUnknownColumns(
            table.header, known: ["customer_id", "segment"], line: table.headerLine, file: file, log: log)
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
