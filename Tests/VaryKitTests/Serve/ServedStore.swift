import Foundation
@testable import VaryKit

/// The mini store copied into a temporary folder, built and served by a `PreviewServer` on a port
/// the system chose. Call `stop()` when done.
final class ServedStore: @unchecked Sendable {
    let build = TestBuild()
    let server: PreviewServer
    let client: HTTPTestClient
    let log: BuildLog

    /// `configure` may change the server's options (limits) before it starts.
    init(pollInterval: Double = 0.1, configure: (inout ServeOptions) -> Void = { _ in }) throws {
        var options = BuildOptions(
            content: build.content.path, templates: build.templates.path, output: build.output.path, now: MiniStore.now, jobs: 2)
        options.contentName = "content"
        options.templatesName = "site-templates"
        options.outputName = "output"
        let box = BuildLog()
        var serveOptions = ServeOptions(build: options, host: "127.0.0.1", port: 0, pollInterval: pollInterval)
        configure(&serveOptions)
        server = PreviewServer(options: serveOptions, now: { MiniStore.now }) { box.append($0) }
        log = box
        try server.start()
        client = HTTPTestClient(port: server.port)
    }

    func get(_ target: String, _ headers: [(String, String)] = []) -> TestResponse { client.get(target, headers: headers) }

    /// Requests `target` until `condition` holds, for at most 60 seconds (a rebuild of the mini store
    /// takes well under one); returns the last response.
    func waitFor(_ target: String, _ condition: (TestResponse) -> Bool) -> TestResponse {
        var response = get(target)
        for _ in 0..<600 where !condition(response) {
            usleep(100_000)
            response = get(target)
        }
        return response
    }

    func stop() {
        server.stop()
        build.cleanUp()
    }
}

/// The builds a server reported, in order.
final class BuildLog: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [PreviewBuild] = []

    func append(_ build: PreviewBuild) { lock.withLock { entries.append(build) } }

    var all: [PreviewBuild] { lock.withLock { entries } }
}
