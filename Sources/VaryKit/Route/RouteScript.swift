import DataFormats

/// The resolver ported to JavaScript, shared by the Cloudflare Worker and the CloudFront Function.
///
/// It follows `RouteTable.resolve` step by step, including Swift's string semantics: text is split into
/// grapheme clusters (with `Intl.Segmenter` where the runtime has it, else code points), compared by
/// canonical equivalence (NFD), and trimmed of exactly the characters in Foundation's `.whitespaces`.
enum RouteScript {
    /// The table as a JavaScript object literal: sorted keys, written by `JSONWriter`, safe in a script.
    static func tableLiteral(_ table: RouteTable) -> String {
        let regions = table.regions.map { region in
            JSONValue.object(pairs: [
                ("countries", .array(values: region.countries.map { .string($0) })),
                ("id", .string(region.id)),
                ("locales", .array(values: region.locales.map { .object(pairs: [("path", .string($0.path)), ("tag", .string($0.tag))]) })),
            ])
        }
        let value = JSONValue.object(pairs: [
            ("countryHeader", .string(table.countryHeader)),
            ("defaultRegion", .string(table.defaultRegion)),
            ("defaultSegment", .string(table.defaultSegment)),
            ("regions", .array(values: regions)),
            ("segmentCookie", .string(table.segmentCookie)),
            ("segments", .array(values: table.segments.map { .string($0) })),
        ])
        return JSONWriter.string(value, pretty: true, escapeForScript: true)
    }

    /// The resolver's functions; `route(table, target, country, acceptLanguage, segment)` returns
    /// `{ kind: "redirect" | "rewrite" | "serve" | "notFound", path }`, `segment` being a function that
    /// yields the cookie's segment (or null) only when a landing page asks for it.
    static let functions = #"""
// Foundation's CharacterSet.whitespaces: tab and the space separators, with U+200B.
const VARY_SPACE = "[\\t \\u00A0\\u1680\\u2000-\\u200B\\u202F\\u205F\\u3000]";
const VARY_TRIM = new RegExp("^" + VARY_SPACE + "+|" + VARY_SPACE + "+$", "g");

function varyTrim(text) {
  return text.replace(VARY_TRIM, "");
}

// Swift's Characters: grapheme clusters where the runtime can find them, else code points.
function varyClusters(text) {
  if (typeof Intl === "object" && typeof Intl.Segmenter === "function") {
    return Array.from(new Intl.Segmenter("en", { granularity: "grapheme" }).segment(text), (s) => s.segment);
  }
  return Array.from(text);
}

// Swift's String equality: canonical equivalence.
function varySame(a, b) {
  return typeof a.normalize === "function" ? a.normalize("NFD") === b.normalize("NFD") : a === b;
}

// Swift's split(separator:maxSplits:omittingEmptySubsequences:) over Characters.
function varySplit(text, separator, omitEmpty, maxSplits) {
  const limit = maxSplits === undefined ? Infinity : maxSplits;
  const parts = [];
  let current = [];
  let rest = null;
  const clusters = varyClusters(text);
  for (let i = 0; i < clusters.length; i++) {
    if (parts.length < limit && varySame(clusters[i], separator)) {
      if (!(omitEmpty && current.length === 0)) parts.push(current.join(""));
      current = [];
      if (parts.length === limit) { rest = clusters.slice(i + 1).join(""); break; }
    } else {
      current.push(clusters[i]);
    }
  }
  if (rest !== null) parts.push(rest);
  else if (current.length > 0 || !omitEmpty) parts.push(current.join(""));
  return parts;
}

function varyIsID(text) {
  return /^[a-z0-9][a-z0-9-]*$/.test(text);
}

// CookieHeader.value(named:in:): the first pair with that name, trimmed, one pair of quotes removed.
function varyCookieValue(header, name) {
  for (const pair of varySplit(header, ";", true)) {
    const clusters = varyClusters(pair);
    const equals = clusters.findIndex((c) => varySame(c, "="));
    if (equals < 0) continue;
    if (!varySame(varyTrim(clusters.slice(0, equals).join("")), name)) continue;
    return varyUnquote(varyTrim(clusters.slice(equals + 1).join("")));
  }
  return null;
}

function varyUnquote(value) {
  const clusters = varyClusters(value);
  if (clusters.length >= 2 && varySame(clusters[0], "\"") && varySame(clusters[clusters.length - 1], "\"")) {
    return clusters.slice(1, -1).join("");
  }
  return value;
}

// RouteTable.segment(fromCookieHeader:) once the cookie's value is known.
function varySegment(table, value) {
  return value !== null && varyIsID(value) && table.segments.includes(value) ? value : null;
}

function varyRegion(table, country) {
  if (country !== null && country !== undefined) {
    const code = varyTrim(country).toUpperCase();
    if (code !== "") {
      const listed = table.regions.find((r) => r.countries.some((c) => varySame(c, code)));
      if (listed) return listed;
    }
  }
  return table.regions.find((r) => r.id === table.defaultRegion) || table.regions[0] || null;
}

function varyIsRange(text) {
  if (varySame(text, "*")) return true;
  const subtags = varySplit(text, "-", false);
  return subtags.every((subtag, index) => {
    const clusters = varyClusters(subtag);
    const pattern = index === 0 ? /^[A-Za-z]$/ : /^[A-Za-z0-9]$/;
    return clusters.length >= 1 && clusters.length <= 8 && clusters.every((c) => pattern.test(c));
  });
}

function varyQuality(text) {
  const parts = varySplit(text, ".", false, 1);
  if (parts[0] !== "0" && parts[0] !== "1") return null;
  const fraction = parts.length === 2 ? varyClusters(parts[1]) : [];
  if (fraction.length > 3 || !fraction.every((c) => /^[0-9]$/.test(c))) return null;
  if (parts.length === 2 && fraction.length === 0) return null;
  const value = (parts[0] === "1" ? 1000 : 0) + Number((fraction.join("") + "000").slice(0, 3));
  return value <= 1000 ? value : null;
}

// AcceptLanguage.preferences: acceptable ranges, highest quality first, header order among equals.
function varyPreferences(header) {
  const found = [];
  for (const item of varySplit(header, ",", true)) {
    const parts = varySplit(item, ";", false).map(varyTrim);
    if (!varyIsRange(parts[0])) continue;
    let quality = 1000;
    let valid = true;
    for (const parameter of parts.slice(1)) {
      const pair = varySplit(parameter, "=", false, 1);
      const parsed = pair.length === 2 && varySame(varyTrim(pair[0]).toLowerCase(), "q") ? varyQuality(varyTrim(pair[1])) : null;
      if (parsed === null) { valid = false; break; }
      quality = parsed;
    }
    if (valid && quality > 0) found.push({ range: parts[0], quality: quality, order: found.length });
  }
  return found.sort((a, b) => (a.quality !== b.quality ? b.quality - a.quality : a.order - b.order));
}

function varyLanguage(tag) {
  return varySplit(tag, "-", false, 1)[0];
}

// RouteTable.locale(in:acceptLanguage:).
function varyLocale(region, acceptLanguage) {
  const lowered = region.locales.map((l) => l.tag.toLowerCase());
  for (const preference of varyPreferences(acceptLanguage === null || acceptLanguage === undefined ? "" : acceptLanguage)) {
    const range = preference.range.toLowerCase();
    if (range === "*") return region.locales[0] || null;
    const exact = lowered.findIndex((t) => varySame(t, range));
    if (exact >= 0) return region.locales[exact];
    const language = varyLanguage(range);
    const sameLanguage = lowered.findIndex((t) => varySame(varyLanguage(t), language));
    if (sameLanguage >= 0) return region.locales[sameLanguage];
  }
  return region.locales[0] || null;
}

// RouteTable.resolve.
function route(table, target, country, acceptLanguage, segment) {
  const withoutFragment = varySplit(target, "#", false, 1)[0];
  const clusters = varyClusters(withoutFragment);
  const mark = clusters.findIndex((c) => varySame(c, "?"));
  const path = mark < 0 ? withoutFragment : clusters.slice(0, mark).join("");
  const queryText = mark < 0 ? "" : clusters.slice(mark + 1).join("");
  if (clusters.length === 0 || !varySame(clusters[0], "/")) return { kind: "notFound", path: null };
  const segments = varySplit(varyClusters(path).slice(1).join(""), "/", false);
  if (segments.some((s) => varySame(s, ".") || varySame(s, ".."))) return { kind: "notFound", path: null };
  if (varySame(path, "/")) {
    const region = varyRegion(table, country);
    const locale = region && varyLocale(region, acceptLanguage);
    if (!locale) return { kind: "notFound", path: null };
    return { kind: "redirect", path: "/" + region.id + "/" + locale.path + "/" + (queryText === "" ? "" : "?" + queryText) };
  }
  if (varyIsLanding(table, segments)) {
    const base = "/" + segments[0] + "/" + segments[1] + "/";
    const chosen = segment();
    if (chosen !== null) return { kind: "rewrite", path: base + "for/" + chosen + "/index.html" };
    return { kind: "serve", path: base + "index.html" };
  }
  return { kind: "serve", path: path };
}

function varyIsLanding(table, segments) {
  if (segments.length !== 3 || !(varySame(segments[2], "") || varySame(segments[2], "index.html"))) return false;
  const region = table.regions.find((r) => varySame(r.id, segments[0]));
  return !!region && region.locales.some((l) => varySame(l.path, segments[1]));
}
"""#
}
