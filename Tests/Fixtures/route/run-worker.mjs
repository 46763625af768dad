// Runs the generated Cloudflare Worker for each request of a matrix and prints what it did, one JSON
// line per request: the decision, then (for requests whose headers are ByteStrings) the response.
// Usage: node run-worker.mjs WORKER.mjs MATRIX.json
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const worker = await import(pathToFileURL(process.argv[2]).href);
const matrix = JSON.parse(readFileSync(process.argv[3], "utf8"));

function isByteString(text) {
  return text === null || /^[\x00-\xff]*$/.test(text);
}

for (const request of matrix) {
  const decision = worker.decide(request.path, request.country, request.cookie, request.acceptLanguage);
  const result = { decision };
  const headers = [request.cookie, request.acceptLanguage, request.country].filter((h) => h !== null);
  const stable = new URL("https://shop.example" + request.path);
  const urlKept = stable.pathname + stable.search === request.path && !request.path.endsWith("?");
  if (urlKept && headers.every((h) => isByteString(h) && !/[\r\n\0]/.test(h) && h === h.trim())) {
    for (const binding of ["assets", "origin"]) {
      const fetched = [];
      const record = async (input, init) => {
        fetched.push({ url: new URL(input.url || input).pathname + new URL(input.url || input).search, cacheKey: init && init.cf ? init.cf.cacheKey : null });
        return new Response("page", { status: 200 });
      };
      globalThis.fetch = record;
      const env = binding === "assets" ? { ASSETS: { fetch: record } } : {};
      const init = { headers: {} };
      if (request.cookie !== null) init.headers["Cookie"] = request.cookie;
      if (request.acceptLanguage !== null) init.headers["Accept-Language"] = request.acceptLanguage;
      const incoming = new Request("https://shop.example" + request.path, init);
      if (request.country !== null) incoming.cf = { country: request.country };
      const response = await worker.default.fetch(incoming, env);
      result[binding] = { status: response.status, location: response.headers.get("Location"), fetched };
    }
  }
  console.log(JSON.stringify(result));
}
