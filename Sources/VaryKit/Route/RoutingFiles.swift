/// The CDN routing configs a site asks for in `site.json`'s `routing`, besides `_vary/routes.json`.
enum RoutingFiles {
    /// The files of the formats listed, by path; `assetPaths` are the output's asset files (for headers).
    static func files(formats: [String], table: RouteTable, assetPaths: [String] = []) -> [(String, [UInt8])] {
        var files: [(String, [UInt8])] = []
        for format in formats.sorted() {
            switch format {
            case "cloudflare": files.append((CloudflareWorker.path, Array(CloudflareWorker.script(for: table).utf8)))
            case "cloudfront": files.append((CloudFrontFunction.path, Array(CloudFrontFunction.script(for: table).utf8)))
            case "netlify":
                files.append((NetlifyEdgeFunction.path, Array(NetlifyEdgeFunction.script(for: table).utf8)))
                files.append((NetlifyEdgeFunction.headersPath, Array(NetlifyEdgeFunction.headers(assetPaths: assetPaths).utf8)))
                files.append((NetlifyEdgeFunction.redirectsPath, Array(NetlifyEdgeFunction.redirects.utf8)))
            case "nginx":
                files.append((NginxConfig.httpPath, Array(NginxConfig.http(for: table).utf8)))
                files.append((NginxConfig.serverPath, Array(NginxConfig.server(for: table).utf8)))
            case "vercel": files.append((VercelConfig.path, VercelConfig.json(for: table)))
            default: continue
            }
        }
        return files.sorted { $0.0 < $1.0 }
    }
}
