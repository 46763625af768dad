// Runs the generated Netlify Edge Function for each request of a matrix and prints what it did, one JSON
// line per request: the decision, then (for requests whose headers are ByteStrings) how Netlify would
// answer, once with the country in `context.geo` and once in the country header only.
// The Context stand-in has what Netlify documents and the function uses: `geo.country.code`,
// `cookies.get(name)` and `next()`, which answers with the static file at the request's path.
// Paths are matched against the exported `config` as Netlify does for `/*` and `/prefix/*` patterns.
// With a `_redirects` file, a path the function does not answer goes through its forced rules (`404!`), as
// Netlify applies them after edge functions, shadowing existing files.
// Usage: node run-netlify.mjs FUNCTION.mjs MATRIX.json [_redirects]
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const edge = await import(pathToFileURL(process.argv[2]).href);
const matrix = JSON.parse(readFileSync(process.argv[3], "utf8"));
const rules = process.argv[4] === undefined ? [] : readFileSync(process.argv[4], "utf8").split("\n")
  .map((line) => line.trim()).filter((line) => line !== "" && !line.startsWith("#"))
  .map((line) => line.split(/\s+/)).map(([from, to, status]) => ({ from, to, status: parseInt(status, 10), force: status.endsWith("!") }));

// What Netlify serves for a static path after the forced rules: the rule's target and status, else the path.
function afterRules(pathname) {
  const rule = rules.find((r) => r.force && matches(r.from, pathname));
  return rule === undefined ? { served: pathname } : { served: rule.to, status: rule.status };
}

function isByteString(text) {
  return text === null || /^[\x00-\xff]*$/.test(text);
}

function matches(pattern, pathname) {
  return pattern.endsWith("/*") ? pathname.startsWith(pattern.slice(0, -1)) : pathname === pattern;
}

function runs(pathname) {
  const list = (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
  return list(edge.config.path).some((p) => matches(p, pathname)) && !list(edge.config.excludedPath).some((p) => matches(p, pathname));
}

function cookies(header) {
  const parsed = new Map();
  for (const pair of (header || "").split(";")) {
    const equals = pair.indexOf("=");
    if (equals >= 0 && !parsed.has(pair.slice(0, equals).trim())) parsed.set(pair.slice(0, equals).trim(), pair.slice(equals + 1).trim());
  }
  return { get: (name) => (parsed.has(name) ? parsed.get(name) : undefined) };
}

for (const request of matrix) {
  const result = { decision: edge.decide(request.path, request.country, request.cookie, request.acceptLanguage) };
  const headers = [request.cookie, request.acceptLanguage, request.country].filter((h) => h !== null);
  const stable = new URL("https://shop.example" + request.path);
  const urlKept = stable.pathname + stable.search === request.path && !request.path.endsWith("?");
  if (urlKept && headers.every((h) => isByteString(h) && !/[\r\n\0]/.test(h) && h === h.trim())) {
    for (const mode of ["geo", "header"]) {
      const init = { headers: {} };
      if (request.cookie !== null) init.headers["Cookie"] = request.cookie;
      if (request.acceptLanguage !== null) init.headers["Accept-Language"] = request.acceptLanguage;
      if (mode === "header" && request.country !== null) init.headers["X-Country"] = request.country; // the test table's countryHeader
      const incoming = new Request("https://shop.example" + request.path, init);
      if (!runs(stable.pathname)) {
        result[mode] = { invoked: false, ...afterRules(stable.pathname) };
        continue;
      }
      let next = false;
      const context = {
        geo: mode === "geo" && request.country !== null ? { country: { code: request.country } } : {},
        cookies: cookies(request.cookie),
        next: async () => {
          next = true;
          return new Response("static " + stable.pathname, { status: 200 });
        },
      };
      const answer = await edge.default(incoming, context);
      if (answer === undefined) {
        result[mode] = { invoked: true, ...afterRules(stable.pathname), next };
      } else if (answer instanceof URL) {
        result[mode] = { invoked: true, rewrite: answer.pathname + answer.search, sameSite: answer.origin === stable.origin, next };
      } else {
        result[mode] = {
          invoked: true, status: answer.status, location: answer.headers.get("Location"),
          vary: answer.headers.get("Netlify-Vary"), cacheControl: answer.headers.get("Cache-Control"), next,
          served: next ? stable.pathname : null,
        };
      }
    }
  }
  console.log(JSON.stringify(result));
}
