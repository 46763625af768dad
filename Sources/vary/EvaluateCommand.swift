import Foundation
import Intl
import VaryKit

/// `vary evaluate`: whether the segment pages predict what each segment buys, against simpler lists.
struct EvaluateCommand {
    var content: String
    var now: Date
    var cutoff: Date
    var k: Int
    var format: OutputFormat
    var chart: String?

    init(_ arguments: Arguments) throws(UsageError) {
        var arguments = arguments
        content = try arguments.value("--content") ?? "content"
        now = try BuildCommand.now(try arguments.value("--now"))
        if let text = try arguments.value("--cutoff") {
            guard let date = BuildTime.parse(text) else { throw UsageError("--cutoff \"\(text)\" is not an ISO 8601 instant with an offset") }
            cutoff = date
        } else {
            cutoff = now.addingTimeInterval(-14 * 86_400)
        }
        guard cutoff < now else { throw UsageError("--cutoff must be before now (\(Instant.format(now)))") }
        k = 24
        if let text = try arguments.value("--k") {
            guard let value = Int(text), (1...500).contains(value) else { throw UsageError("--k must be a whole number from 1 to 500") }
            k = value
        }
        format = try OutputFormat.parse(try arguments.value("--format"))
        chart = try arguments.value("--chart")
        if let chart, !chart.hasSuffix(".svg") { throw UsageError("--chart needs a file name ending in .svg") }
        try arguments.finish()
    }

    func run() -> Int32 {
        switch Evaluation.evaluate(content: content, cutoff: cutoff, now: now, k: k) {
        case .failure(let failure):
            Terminal.print(failure.diagnostics)
            return 2
        case .success(let evaluation):
            if let chart {
                do {
                    try Data(evaluation.chartSVG.utf8).write(to: URL(fileURLWithPath: chart), options: .atomic)
                } catch {
                    Terminal.error("vary: cannot write \(chart): \(error.localizedDescription)")
                    return 3
                }
            }
            switch format {
            case .text: print(evaluation.text)
            case .json: JSONOutput.print(json(evaluation))
            }
            return 0
        }
    }

    private func json(_ evaluation: Evaluation) -> [String: Any] {
        func figures(_ figures: Evaluation.Figures?, all: Bool) -> [String: Any] {
            guard let figures else { return [:] }
            var object: [String: Any] = [
                "customers": figures.score.customers, "hitRate": figures.score.hitRate,
                "precision": figures.score.meanPrecision, "ndcg": figures.score.meanNDCG,
                "largestCategoryShare": figures.largestCategoryShare,
            ]
            if all { object["coverage"] = figures.coverage }
            return object
        }
        func methods(_ byMethod: [Evaluation.Method: Evaluation.Figures], all: Bool) -> [String: Any] {
            Dictionary(uniqueKeysWithValues: Evaluation.Method.allCases.map { ($0.rawValue, figures(byMethod[$0], all: all)) })
        }
        return [
            "cutoff": Instant.format(evaluation.cutoff), "now": Instant.format(evaluation.now), "k": evaluation.k,
            "trainingOrders": evaluation.trainingOrders, "testOrders": evaluation.testOrders,
            "weights": ["popularityShare": evaluation.weights.popularityShare, "shrinkage": evaluation.weights.shrinkage,
                        "tuned": evaluation.tuned],
            "total": methods(evaluation.total, all: true),
            "lift": Dictionary(uniqueKeysWithValues: Evaluation.Method.allCases.filter { $0 != .segmentPages }.map {
                ($0.rawValue, evaluation.lift(over: $0))
            }),
            "lists": evaluation.rows.map { row in
                ["region": row.audience.region, "segment": row.audience.segment, "methods": methods(row.figures, all: false)]
                    as [String: Any]
            },
        ]
    }
}
