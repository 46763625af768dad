import DataFormats
import Foundation
import Intl

/// Decodes `price-history.csv`: `product_id,region,price,from`, one row per regular price a product had in a region.
///
/// `price` is a decimal in the region's currency, optionally followed by its ISO 4217 code (`49.00` or `49.00 EUR`,
/// as Merchant Center writes prices); `from` is an ISO 8601 instant with an offset, or a date, which means midnight
/// in the region's time zone. Unknown products are reported by the validator (with the other references).
enum PriceHistoryDecoder {
    static let columns = ["product_id", "region", "price", "from"]

    static func decode(_ table: CSVTable, file: String, regions: [Region], log: DiagnosticLog) -> PriceHistory {
        OrdersDecoder.warnUnknownColumns(table.header, known: columns, line: table.headerLine, file: file, log: log)
        let indices = columns.compactMap { table.column(named: $0) }
        guard indices.count == columns.count else {
            for column in columns where table.column(named: column) == nil {
                log.add(Diagnostic(file: file, line: table.headerLine, column: 1, message: "missing column '\(column)'"))
            }
            return PriceHistory()
        }
        let regionsByID = Dictionary(regions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var changes: [PriceChange] = []
        var seen: [String: Int] = [:]
        for row in table.rows {
            func location(_ column: Int) -> SourceLocation {
                SourceLocation(
                    file: file, line: row.positions[indices[column]].line, column: row.positions[indices[column]].column,
                    path: columns[column])
            }
            let cells = indices.map { row.cells[$0] }
            var valid = true
            func fail(_ column: Int, _ message: String, hint: String? = nil) {
                log.add(location(column).error(message, hint: hint))
                valid = false
            }
            if !Field.isValidID(cells[0]) { fail(0, "\"\(cells[0])\" is not a valid id") }
            let region = regionsByID[cells[1]]
            if region == nil {
                fail(1, "unknown region '\(cells[1])'", hint: Suggestion.hint(for: cells[1], among: regionsByID.keys.sorted()))
            }
            let price = region.flatMap { region in parsePrice(cells[2], region: region) { fail(2, $0) } }
            let from = region.flatMap { region in parseFrom(cells[3], region: region) { fail(3, $0) } }
            guard valid, let region, let price, let from else { continue }
            let key = "\(cells[0])\u{0}\(region.id)\u{0}\(from.timeIntervalSince1970)"
            if let earlier = seen[key] {
                fail(3, "'\(cells[0])' in '\(region.id)' already has a price from \(cells[3]) (line \(earlier))")
                continue
            }
            seen[key] = location(0).line
            changes.append(PriceChange(
                product: Reference(cells[0], at: location(0)), region: region.id, price: price, from: from,
                location: location(0)))
        }
        return PriceHistory(changes)
    }

    /// `49.00` or `49.00 EUR`, in the region's currency and not negative.
    private static func parsePrice(_ text: String, region: Region, fail: (String) -> Void) -> Money? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 1 || parts.count == 2 else {
            fail("\"\(text)\" is not a price (write it as \"49.00\" or \"49.00 \(region.currency.code)\")")
            return nil
        }
        if parts.count == 2, parts[1] != region.currency.code {
            let code = String(parts[1])
            let known = Currency(code: code) != nil ? "" : " (not an ISO 4217 code)"
            fail("\"\(text)\" is in \(code)\(known) but region '\(region.id)' uses \(region.currency.code)")
            return nil
        }
        switch Money.parse(String(parts[0]), currency: region.currency) {
        case .success(let money) where money.minorUnits >= 0:
            return money
        case .success:
            fail("\"\(text)\" is negative")
        case .failure(let problem):
            fail(problem.description)
        }
        return nil
    }

    /// An instant with its offset, or a date taken as midnight in the region's time zone.
    private static func parseFrom(_ text: String, region: Region, fail: (String) -> Void) -> Date? {
        if let instant = Instant.parse(text) { return instant }
        if Instant.isoDate(text), let zone = TimeZone(identifier: region.timeZone) {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let parts = text.split(separator: "-").compactMap { Int($0) }
            if let midnight = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])) {
                return midnight
            }
        }
        if Instant.parse(text + "Z") != nil {
            fail("\"\(text)\" has no UTC offset (add Z or +01:00, or give a date)")
        } else {
            fail("\"\(text)\" is not an ISO 8601 instant or date")
        }
        return nil
    }
}
