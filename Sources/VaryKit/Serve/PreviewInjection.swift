/// The preview bar, the live-reload script and the build-error page, added only to served responses
/// (never to the files in the output).
enum PreviewInjection {
    /// What the bar shows about the page being previewed.
    struct Bar: Sendable {
        /// The region and locale path segments of the page, when it is under `/{r}/{l}/`.
        var region: String?
        var locale: String?
        /// The segment whose variant is on screen.
        var segment: String
        /// Every segment, the default first, each with the link that switches to it.
        var switches: [(id: String, href: String)]
        /// The build generation the page comes from.
        var generation: Int
        /// The last good build's warnings and check problems, listed in a panel above the bar.
        var warnings: [Diagnostic] = []
    }

    /// At most this many warnings are listed; the rest are counted.
    static let listedWarnings = 50

    /// `html` with the bar and script inserted before its last `</body>` (or appended when it has none).
    static func inject(into html: [UInt8], bar: Bar) -> [UInt8] {
        let snippet = Array(markup(bar).utf8)
        guard let close = lastBodyClose(html) else { return html + snippet }
        return Array(html[..<close]) + snippet + Array(html[close...])
    }

    /// A page listing the failed build's errors, each `file:line:column: message`, with the live-reload
    /// script so that it turns back into the page once the content is fixed.
    static func errorPage(_ diagnostics: [Diagnostic], bar: Bar) -> [UInt8] {
        let errors = diagnostics.filter { $0.severity == .error }
        let items = errors.map { error in
            let excerpt = error.excerpt.map { "\n" + escaped($0) } ?? ""
            return "<li><code>\(escaped(error.description))\(excerpt)</code></li>\n"
        }.joined()
        let count = errors.count == 1 ? "1 error" : "\(errors.count) errors"
        let page = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Build failed · Vary preview</title>
            <style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem;color:#222}h1{color:#b00020}\
            ol{padding-left:1.5rem}code{white-space:pre-wrap;font:13px/1.4 ui-monospace,monospace}</style></head>
            <body>
            <h1>Build failed</h1>
            <p>\(count). The preview shows this page until the next successful build, and serves assets from the last good one.</p>
            <ol class="vary-errors">
            \(items)</ol>
            \(markup(bar))</body>
            </html>

            """
        return Array(page.utf8)
    }

    /// The bar: fixed at the bottom, small, listing the segments as `?segment=` links, with a button
    /// that opens every product card's "why" details; then the script that reloads after a build.
    static func markup(_ bar: Bar) -> String {
        let place = [bar.region, bar.locale].compactMap { $0 }.map(escaped).joined(separator: " · ")
        let links = bar.switches.map { item in
            let current = item.id == bar.segment ? " aria-current=\"true\" style=\"font-weight:bold;color:#fff;" : " style=\"color:#9cf;"
            return "<a href=\"\(escaped(item.href))\"\(current)margin-right:.5em\">\(escaped(item.id))</a>"
        }.joined()
        return warningsPanel(bar) + """
            <div id="vary-preview" dir="ltr" data-generation="\(bar.generation)" style="position:fixed;left:0;right:0;\
            bottom:0;z-index:2147483647;background:#222;color:#eee;font:12px/1.6 system-ui,sans-serif;padding:4px 8px">\
            <strong>Preview</strong> \(place.isEmpty ? "" : place + " · ")segment <b class="vary-segment">\(escaped(bar.segment))</b> \
            · shop as: \(links)<button id="vary-why" type="button" aria-pressed="false" style="font:inherit">Why these products?</button></div>
            <script>(function(){var g="\(bar.generation)",b=document.getElementById("vary-why"),\
            d=document.querySelectorAll("details.why");if(b){if(!d.length){b.hidden=true}\
            b.addEventListener("click",function(){var o=b.getAttribute("aria-pressed")!=="true";\
            b.setAttribute("aria-pressed",String(o));d.forEach(function(x){x.open=o})})}\
            if(window.EventSource){new EventSource("/_vary/events").addEventListener("build",function(e){\
            if(e.data!==g){location.reload()}})}})();</script>

            """
    }

    /// A panel above the bar listing the last build's warnings as `file:line:column: message`, or nothing when
    /// there are none. Its close button hides it until the next build (remembered per tab by generation).
    static func warningsPanel(_ bar: Bar) -> String {
        guard !bar.warnings.isEmpty else { return "" }
        let count = bar.warnings.count
        let items = bar.warnings.prefix(listedWarnings).map { "<li><code>\(escaped($0.description))</code></li>" }.joined()
        let more = count > listedWarnings ? "<li>and \(count - listedWarnings) more (see the terminal)</li>" : ""
        return """
            <details id="vary-warnings" dir="ltr" style="position:fixed;left:0;right:0;bottom:28px;z-index:2147483647;\
            max-height:40vh;overflow:auto;background:#fff8e1;color:#222;border-top:2px solid #f0a000;\
            font:12px/1.5 system-ui,sans-serif;padding:4px 8px"><summary><strong>\(count) warning\(count == 1 ? "" : "s")</strong> \
            in the last build <button id="vary-warnings-close" type="button" aria-label="Dismiss" style="font:inherit">×</button>\
            </summary><ol style="margin:0;padding-left:1.5rem">\(items)\(more)</ol></details>
            <script>(function(){var p=document.getElementById("vary-warnings"),k="vary-dismissed",g="\(bar.generation)";\
            try{if(sessionStorage.getItem(k)===g){p.hidden=true}}catch(e){}\
            document.getElementById("vary-warnings-close").addEventListener("click",function(e){e.preventDefault();\
            p.hidden=true;try{sessionStorage.setItem(k,g)}catch(x){}})})();</script>

            """
    }

    /// The offset of the last `</body` (any case), where the snippet goes.
    private static func lastBodyClose(_ html: [UInt8]) -> Int? {
        let needle = Array("</body".utf8)
        guard html.count >= needle.count else { return nil }
        for start in stride(from: html.count - needle.count, through: 0, by: -1) {
            var matches = true
            for offset in 0..<needle.count {
                var byte = html[start + offset]
                if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte += 32 }
                if byte != needle[offset] { matches = false; break }
            }
            if matches { return start }
        }
        return nil
    }

    /// Text made safe for HTML content and quoted attributes.
    static func escaped(_ text: String) -> String { MarkupText.escape(text) }
}
