import Foundation
import Mustache

// Renders a storefront listing page (layout with blocks, 24 product cards through a partial) many times
// on one thread, and prints renders per second, MB/s and the page size.

/// Renders the landing page `count` times into one reused buffer and returns the time taken.
func measure(_ library: TemplateLibrary, _ context: Value, count: Int, buffer: inout [UInt8]) throws -> Duration {
    let clock = ContinuousClock()
    let start = clock.now
    for _ in 0..<count {
        buffer.removeAll(keepingCapacity: true)
        try library.render("pages/landing", context, strict: true, into: &buffer)
    }
    return clock.now - start
}

func run() throws {
    var iterations: Int? = nil
    var arguments = CommandLine.arguments.dropFirst()
    let library = try TemplateLibrary(sources: Storefront.templates, requireKnownPartials: true)
    let context = Storefront.context(products: 24)
    while let argument = arguments.popFirst() {
        switch argument {
        case "--iterations":
            guard let text = arguments.popFirst(), let count = Int(text), count > 0 else {
                print("mustache-bench: --iterations needs a positive number")
                exit(2)
            }
            iterations = count
        case "--print":
            print(try library.renderString("pages/landing", context, strict: true), terminator: "")
            return
        default:
            print("usage: mustache-bench [--iterations N] [--print]")
            exit(2)
        }
    }

    var buffer: [UInt8] = []
    buffer.reserveCapacity(32 * 1024)
    try library.render("pages/landing", context, strict: true, into: &buffer)
    let pageSize = buffer.count

    // Calibrate: enough renders for about three seconds unless told otherwise.
    let count: Int
    if let iterations {
        count = iterations
    } else {
        let probe = try measure(library, context, count: 500, buffer: &buffer)
        count = max(1000, Int(Duration.seconds(3) / (probe / 500)))
    }
    let elapsed = try measure(library, context, count: count, buffer: &buffer)
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    print("page: pages/landing with 24 product cards, \(pageSize) bytes")
    print("renders: \(count) in \(String(format: "%.3f", seconds)) s on one thread")
    print("renders/second: \(String(format: "%.0f", Double(count) / seconds))")
    print("MB/s: \(String(format: "%.1f", Double(count * pageSize) / seconds / 1_000_000))")
}

do {
    try run()
} catch {
    print("mustache-bench: \(error)")
    exit(1)
}
