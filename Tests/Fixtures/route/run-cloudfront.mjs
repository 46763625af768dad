// Runs the generated CloudFront Function for each request of a matrix, one JSON line per request.
// The event is built as CloudFront builds it: the query string parsed into an object in order, the
// Cookie header parsed into `cookies` (first value of a name in `value`, all in `multiValue`), header
// names lowercased. Usage: node run-cloudfront.mjs FUNCTION.js MATRIX.json
import { readFileSync } from "node:fs";

const source = readFileSync(process.argv[2], "utf8");
const handler = new Function(source + "\nreturn handler;")();
const matrix = JSON.parse(readFileSync(process.argv[3], "utf8"));

function cookies(header) {
  const parsed = {};
  if (header === null) return parsed;
  for (const pair of header.split(";")) {
    const equals = pair.indexOf("=");
    if (equals < 0) continue;
    const name = pair.slice(0, equals).trim();
    const value = pair.slice(equals + 1).trim();
    if (parsed[name]) parsed[name].multiValue.push({ value });
    else parsed[name] = { value, multiValue: [{ value }] };
  }
  return parsed;
}

function querystring(query) {
  const parsed = {};
  if (query === "") return parsed;
  for (const pair of query.split("&")) {
    const [name, value] = pair.split("=");
    if (parsed[name]) parsed[name].multiValue.push({ value });
    else parsed[name] = { value, multiValue: [{ value }] };
  }
  return parsed;
}

for (const request of matrix) {
  const mark = request.path.indexOf("?");
  const headers = {};
  if (request.country !== null) headers["cloudfront-viewer-country"] = { value: request.country };
  if (request.acceptLanguage !== null) headers["accept-language"] = { value: request.acceptLanguage };
  const event = {
    request: {
      uri: mark < 0 ? request.path : request.path.slice(0, mark),
      querystring: querystring(mark < 0 ? "" : request.path.slice(mark + 1)),
      headers,
      cookies: cookies(request.cookie),
    },
  };
  const answer = handler(event);
  console.log(JSON.stringify(answer.statusCode
    ? { status: answer.statusCode, location: answer.headers ? answer.headers.location.value : null }
    : { uri: answer.uri }));
}
