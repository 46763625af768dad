import Dispatch
import Foundation

/// One finished preview build, for the terminal.
public struct PreviewBuild: Sendable {
    /// What the build returned.
    public var outcome: BuildOutcome
    /// The source files whose change started it (display paths, sorted); empty for the first build.
    public var changedFiles: [String]
    /// Whether the output was replaced (exit code 0 or 1); otherwise pages show the errors.
    public var succeeded: Bool { outcome.exitCode <= 1 }
}

/// `vary serve`: builds the store, serves the output on a loopback address the way the CDN would,
/// and rebuilds and reloads open pages whenever content or templates change.
public final class PreviewServer: @unchecked Sendable {
    // @unchecked: `listener` and `watcher` are set by `start` and cleared by `stop`, which callers
    // make in that order from one thread; everything the handlers share is in `PreviewState`.
    private let options: ServeOptions
    private let now: @Sendable () -> Date
    private let onBuild: @Sendable (PreviewBuild) -> Void
    private let state = PreviewState()
    private let buildQueue = DispatchQueue(label: "vary.serve.build")
    private var listener: Listener?
    private var watcher: Watcher?
    private var heartbeat: DispatchSourceTimer?

    /// A server for `options`; `now` gives each build's instant (fixed, or the clock as it moves), and
    /// `onBuild` hears about every build, on the build queue.
    public init(
        options: ServeOptions, now: @escaping @Sendable () -> Date, onBuild: @escaping @Sendable (PreviewBuild) -> Void = { _ in }
    ) {
        self.options = options
        self.now = now
        self.onBuild = onBuild
    }

    /// The port listened on (the chosen one when asked for port 0), or 0 before `start`.
    public var port: UInt16 { listener?.port ?? 0 }

    /// `http://host:port/`.
    public var url: String { "http://\(PreviewHost.urlForm(options.host)):\(port)/" }

    /// Checks where the build writes, binds the socket, runs the first build (returning when it is done), then
    /// serves and watches.
    public func start() throws(ServeError) {
        guard PreviewHost.isAllowed(options.host) else { throw .notLoopback(options.host) }
        let misplaced = OutputPlacement.problems(options.build)
        guard misplaced.isEmpty else { throw .misplacedOutput(misplaced) }
        let site = PreviewSite(files: OutputFiles(root: options.build.output), state: state)
        let state = self.state
        let limits = ConnectionLoop.Limits(
            headDeadline: options.headDeadline, maxConnections: max(1, options.maxConnections),
            maxHeadBytes: HTTPRequest.maximumHeadBytes)
        let listener = try Listener(host: PreviewHost.numeric(options.host), port: options.port, limits: limits) {
            connection, head in Self.handle(connection, head: head, site: site, state: state, deadline: limits.headDeadline)
        }
        self.listener = listener
        let folders = [(options.build.content, options.build.contentName), (options.build.templates, options.build.templatesName)]
        let baseline = SourceSnapshot.take(folders)
        buildQueue.sync { rebuild(changed: []) }
        listener.resume()
        let watcher = Watcher(folders: folders, baseline: baseline, interval: options.pollInterval, queue: buildQueue) {
            [weak self] changed in self?.rebuild(changed: changed)
        }
        watcher.start()
        self.watcher = watcher
        let heartbeat = DispatchSource.makeTimerSource(queue: buildQueue)
        heartbeat.schedule(deadline: .now() + 15, repeating: 15)
        heartbeat.setEventHandler { state.heartbeat() }
        heartbeat.resume()
        self.heartbeat = heartbeat
    }

    /// Stops listening, watching and streaming; a build in progress finishes first.
    public func stop() {
        listener?.cancel()
        watcher?.stop()
        heartbeat?.cancel()
        buildQueue.sync {}
        state.closeStreams()
        listener = nil
        watcher = nil
        heartbeat = nil
    }

    /// Builds in strict mode, then publishes the new routing table or the errors.
    private func rebuild(changed: [String]) {
        var build = options.build
        build.now = now()
        build.strict = true
        let outcome = StoreBuild.run(build)
        let result = PreviewBuild(outcome: outcome, changedFiles: changed)
        // On the first build a failure still leaves an earlier output worth routing.
        let routes = result.succeeded || state.snapshot().routes == nil ? loadRoutes() : nil
        state.publish(
            routes: routes, failure: result.succeeded ? nil : outcome.diagnostics,
            warnings: result.succeeded ? outcome.diagnostics : [])
        onBuild(result)
    }

    private func loadRoutes() -> RouteTable? {
        let url = options.build.output.appendingPathComponent(RouteTable.path)
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return try? JSONDecoder().decode(RouteTable.self, from: data)
    }

    /// Answers one request head, or keeps the connection as an event stream.
    private static func handle(
        _ connection: SocketConnection, head outcome: RequestHead.Outcome, site: PreviewSite, state: PreviewState, deadline: Double
    ) {
        let head: [UInt8]
        switch outcome {
        case .complete(let bytes):
            head = bytes
        case .tooLarge:
            let limit = HTTPRequest.maximumHeadBytes
            connection.write(HTTPResponse.text(431, "the request head is larger than \(limit) bytes").serialized(includeBody: true))
            return connection.finish()
        case .timedOut:
            let message = "the request head did not arrive within \(String(format: "%g", deadline)) s"
            connection.write(HTTPResponse.text(408, message).serialized(includeBody: true))
            return connection.finish()
        case .incomplete(let partial):
            if partial { connection.write(HTTPResponse.text(400, "malformed request: incomplete head").serialized(includeBody: true)) }
            return connection.finish()
        }
        let request: HTTPRequest
        do {
            request = try HTTPRequest.parse(head)
        } catch {
            connection.write(HTTPResponse.text(error.status, error.message).serialized(includeBody: true))
            return connection.finish()
        }
        switch site.reply(to: request) {
        case .eventStream:
            state.subscribe(connection)
        case .response(let response):
            connection.write(response.serialized(includeBody: request.method != "HEAD"))
            connection.finish()
        }
    }
}
