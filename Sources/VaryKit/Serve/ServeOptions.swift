import Foundation

/// What `vary serve` was asked to do: where to listen and what to build.
public struct ServeOptions: Sendable {
    /// The address to listen on; only loopback addresses are accepted (see `PreviewHost`).
    public var host: String
    /// The TCP port; 0 lets the system choose one (read it from `PreviewServer.port`).
    public var port: UInt16
    /// The build the preview runs on start and after every change (always in strict mode).
    public var build: BuildOptions
    /// How often, in seconds, the content and template folders are scanned for changes.
    public var pollInterval: Double
    /// Seconds a client has to send a whole request head before it is answered 408.
    public var headDeadline: Double = 5
    /// Connections read or answered at once; more wait to be accepted, in turn.
    public var maxConnections: Int = 128

    /// Options for a preview of `build` on `host:port`, rescanning the sources every `pollInterval` seconds.
    public init(build: BuildOptions, host: String = "127.0.0.1", port: UInt16 = 8080, pollInterval: Double = 0.5) {
        self.build = build
        self.host = host
        self.port = port
        self.pollInterval = pollInterval
    }
}

/// The hosts the preview may listen on: it is a tool for one editor's machine, never a public server.
public enum PreviewHost {
    /// The accepted spellings of the loopback interface.
    public static let allowed = ["127.0.0.1", "::1", "localhost"]

    /// Whether `host` is one of the loopback addresses the preview agrees to bind.
    public static func isAllowed(_ host: String) -> Bool { allowed.contains(host) }

    /// The numeric address to bind for an allowed host (`localhost` is IPv4 loopback).
    static func numeric(_ host: String) -> String { host == "localhost" ? "127.0.0.1" : host }

    /// The host as it appears in a URL (`[::1]` for IPv6).
    static func urlForm(_ host: String) -> String { host.contains(":") ? "[\(host)]" : host }
}

/// Why the preview server could not start.
public enum ServeError: Error, CustomStringConvertible, Sendable {
    /// The host is not a loopback address.
    case notLoopback(String)
    /// A socket call failed, with the call's name and the system's message.
    case socket(operation: String, message: String)
    /// The output folder overlaps the content or templates, or is not Vary's (see `OutputPlacement`): bad usage.
    case misplacedOutput([Diagnostic])

    /// A sentence for the terminal.
    public var description: String {
        switch self {
        case .notLoopback(let host):
            "refusing to listen on '\(host)': vary serve is a local preview and binds only "
                + PreviewHost.allowed.joined(separator: ", ")
        case .socket(let operation, let message): "\(operation) failed: \(message)"
        case .misplacedOutput(let problems): problems.map(\.description).joined(separator: "\n")
        }
    }
}
