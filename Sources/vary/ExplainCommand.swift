import Foundation
import VaryKit

/// `vary explain`: why each product is on one landing page, with scores and reasons.
struct ExplainCommand {
    var region: String
    var locale: String
    var segment: String
    var content: String
    var now: Date
    var format: OutputFormat

    init(_ arguments: Arguments) throws(UsageError) {
        var arguments = arguments
        guard let region = try arguments.value("--region") else { throw UsageError("explain needs --region") }
        guard let locale = try arguments.value("--locale") else { throw UsageError("explain needs --locale") }
        guard let segment = try arguments.value("--segment") else { throw UsageError("explain needs --segment") }
        self.region = region
        self.locale = locale
        self.segment = segment
        content = try arguments.value("--content") ?? "content"
        now = try BuildCommand.now(try arguments.value("--now"))
        format = try OutputFormat.parse(try arguments.value("--format"))
        try arguments.finish()
    }

    func run() -> Int32 {
        switch Explanation.explain(content: content, region: region, locale: locale, segment: segment, now: now) {
        case .failure(let failure):
            Terminal.print(failure.diagnostics)
            return 2
        case .success(let explanation):
            switch format {
            case .text: print(explanation.text)
            case .json:
                var object: [String: Any] = ["products": explanation.rows.map { row in
                    var product: [String: Any] = [
                        "rank": row.rank, "id": row.id, "title": row.title, "score": row.score, "price": row.price,
                        "parts": row.parts.map { ["name": $0.name, "value": $0.value] }, "reasons": row.reasons,
                    ]
                    if let evidence = row.evidence {
                        var learned: [String: Any] = ["orders": evidence.orders, "customers": evidence.customers]
                        if let other = evidence.boughtWith { learned["boughtWith"] = other }
                        product["evidence"] = learned
                    }
                    return product
                }]
                if let learning = explanation.learning { object["learning"] = learning }
                JSONOutput.print(object)
            }
            return 0
        }
    }
}
