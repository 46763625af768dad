import Foundation
import Testing
@testable import VaryKit

/// nginx serving a built mini store with the generated configs, on a free port of 127.0.0.1.
private final class RunningNginx {
    let process = Process()
    let port: UInt16
    let prefix: URL

    init(output: URL) throws {
        let nginx = try #require(ExternalTool.find("nginx"), "nginx is not installed")
        prefix = FileManager.default.temporaryDirectory.appendingPathComponent("vary-nginx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("logs"), withIntermediateDirectories: true)
        port = try HTTPProbe.freePort()
        let vary = output.appendingPathComponent("_vary").path
        let temp = prefix.path
        let conf = """
            daemon off;
            master_process off;
            worker_processes 1;
            error_log stderr crit;
            pid \(temp)/nginx.pid;
            events { worker_connections 64; }
            http {
                access_log off;
                client_body_temp_path \(temp)/body;
                proxy_temp_path \(temp)/proxy;
                fastcgi_temp_path \(temp)/fastcgi;
                uwsgi_temp_path \(temp)/uwsgi;
                scgi_temp_path \(temp)/scgi;
                include \(vary)/nginx-http.conf;
                server {
                    listen 127.0.0.1:\(port);
                    root \(output.path);
                    include \(vary)/nginx-server.conf;
                }
            }

            """
        try Data(conf.utf8).write(to: prefix.appendingPathComponent("nginx.conf"))
        process.executableURL = nginx
        process.arguments = ["-p", prefix.path, "-c", prefix.appendingPathComponent("nginx.conf").path, "-e", "stderr"]
        // A full pipe would block nginx's logging, and with it nginx.
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Startup is waited for, not timed: the loop ends when nginx listens or exits.
        while process.isRunning && !HTTPProbe.isListening(port: port) { usleep(20_000) }
        if !process.isRunning { throw HTTPProbe.ProbeError.io("nginx exited with \(process.terminationStatus)") }
    }

    func stop() {
        // SIGKILL: the child inherits the test runner's blocked signals, SIGTERM among them.
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: prefix)
    }
}

@Suite("nginx with the generated configs", .enabled(if: ExternalTool.shouldTest("nginx")))
struct NginxConfigTests {
    @Test("nginx redirects, rewrites and serves as the resolver decides for the request matrix")
    func agreesWithResolver() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        #expect(build.run().exitCode == 0)
        let table = try JSONDecoder().decode(RouteTable.self, from: Data(contentsOf: build.output.appendingPathComponent(RouteTable.path)))
        let nginx = try RunningNginx(output: build.output)
        defer { nginx.stop() }
        let requests = RouteMatrix.nginxRequests(for: table)
        #expect(requests.count > 100)
        for request in requests {
            var headers: [(String, String)] = []
            if let country = request.country { headers.append((table.countryHeader, country)) }
            if let cookie = request.cookieHeader { headers.append(("Cookie", cookie)) }
            if let language = request.acceptLanguage { headers.append(("Accept-Language", language)) }
            let response = try HTTPProbe.get(port: nginx.port, target: request.path, headers: headers)
            switch table.resolve(request) {
            case .redirect(let location):
                #expect(response.status == 302 && response.headers["location"] == location, "\(request)")
            case .rewrite(let path), .serve(let path):
                let file = build.output.appendingPathComponent(path.hasSuffix("/") ? path + "index.html" : path)
                if let bytes = FileManager.default.contents(atPath: file.path) {
                    #expect(response.status == 200 && response.body == Array(bytes), "\(request) → \(path)")
                } else {
                    #expect(response.status != 200, "\(request) → \(path)")
                }
            case .notFound:
                #expect(response.status >= 400, "\(request)")
            }
        }
    }

    @Test("nginx answers 404 for the build's own files under /_vary/, however the path is spelled")
    func deniesVaryFolder() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        #expect(build.run().exitCode == 0)
        let nginx = try RunningNginx(output: build.output)
        defer { nginx.stop() }
        for file in ["report.json", "manifest.json", "routes.json", "changes.json", "nginx-http.conf", "nginx-server.conf"] {
            #expect(FileManager.default.fileExists(atPath: build.output.appendingPathComponent("_vary/" + file).path))
        }
        for target in ["/_vary/", "/_vary", "/_vary/report.json", "/_vary/manifest.json", "/_vary/routes.json",
                       "/_vary/changes.json", "/_vary/nginx-http.conf", "/_vary/nginx-server.conf", "/%5Fvary/report.json",
                       "/us/../_vary/manifest.json", "//_vary/report.json"]
        {
            let response = try HTTPProbe.get(port: nginx.port, target: target, headers: [])
            #expect(response.status == 404 || (target == "/_vary" && response.status == 301), "\(target): \(response.status)")
            #expect(!String(decoding: response.body, as: UTF8.self).contains("pagesByKind"), "\(target)")
        }
        #expect(try HTTPProbe.get(port: nginx.port, target: "/robots.txt", headers: []).status == 200)
    }

    @Test("nginx answers a missing page, and /_vary/, with the site's 404.html and status 404")
    func notFoundPage() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        #expect(build.run().exitCode == 0)
        let page = try Data(contentsOf: build.output.appendingPathComponent("404.html"))
        let nginx = try RunningNginx(output: build.output)
        defer { nginx.stop() }
        for target in ["/no-such-page/", "/us/en-us/promotions/gone/", "/assets/missing.css", "/_vary/report.json"] {
            let response = try HTTPProbe.get(port: nginx.port, target: target, headers: [])
            #expect(response.status == 404, "\(target)")
            #expect(response.body == [UInt8](page), "\(target)")
        }
        #expect(try HTTPProbe.get(port: nginx.port, target: "/404.html", headers: []).body == [UInt8](page))
    }

    @Test("nginx reads only the first Accept-Language entry: when it has parameters or is malformed, the region's first locale")
    func firstLanguageOnly() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        #expect(build.run().exitCode == 0)
        let nginx = try RunningNginx(output: build.output)
        defer { nginx.stop() }
        for language in ["de;q=0.5, en", "de-toolongsubtag9, en", "en;q=1"] {
            let response = try HTTPProbe.get(port: nginx.port, target: "/", headers: [("X-Country", "DE"), ("Accept-Language", language)])
            #expect(response.headers["location"] == "/de/de-de/", "\(language)")
            let resolved = try JSONDecoder().decode(RouteTable.self, from: Data(contentsOf: build.output.appendingPathComponent(RouteTable.path)))
                .resolve(RouteRequest(path: "/", country: "DE", acceptLanguage: language))
            #expect(resolved == .redirect("/de/en/"))  // the documented difference
        }
    }

    @Test("the configs are deterministic and name the segment cookie exactly, never through $cookie_")
    func shape() {
        let http = NginxConfig.http(for: sampleRoutes)
        #expect(http == NginxConfig.http(for: sampleRoutes))
        #expect(!http.contains("$cookie_"))
        #expect(http.contains("map $http_x_country $vary_region {"))
        let server = NginxConfig.server(for: sampleRoutes)
        #expect(server.contains("location = /dach/fr-ch/ {"))
        #expect(server.contains("return 302 $vary_home$is_args$args;"))
    }
}
