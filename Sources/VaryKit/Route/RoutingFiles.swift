/// The CDN routing configs a site asks for in `site.json`'s `routing`, besides `_vary/routes.json`.
enum RoutingFiles {
    /// The files of the formats that are emitted, by path; a format not listed here is not written.
    static func files(formats: [String], table: RouteTable) -> [(String, [UInt8])] {
        var files: [(String, [UInt8])] = []
        for format in formats.sorted() {
            switch format {
            case "cloudflare": files.append((CloudflareWorker.path, Array(CloudflareWorker.script(for: table).utf8)))
            case "cloudfront": files.append((CloudFrontFunction.path, Array(CloudFrontFunction.script(for: table).utf8)))
            case "nginx":
                files.append((NginxConfig.httpPath, Array(NginxConfig.http(for: table).utf8)))
                files.append((NginxConfig.serverPath, Array(NginxConfig.server(for: table).utf8)))
            default: continue
            }
        }
        return files.sorted { $0.0 < $1.0 }
    }

    /// The formats this build can write; the others are reported by the validator.
    static let emitted: Set<String> = ["cloudflare", "cloudfront", "nginx"]
}
