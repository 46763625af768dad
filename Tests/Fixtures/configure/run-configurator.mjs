// Runs Vary's configurator script over a built page under node, with a small stand-in for the DOM built from the
// page's own tags, then plays a list of shopper actions and prints, after each, what the page shows (one JSON line).
// Usage: node run-configurator.mjs SCRIPT PAGE ACTIONS
import { readFileSync } from "node:fs";
import vm from "node:vm";

const [scriptPath, pagePath, actionsPath] = process.argv.slice(2);
const html = readFileSync(pagePath, "utf8");
const actions = JSON.parse(readFileSync(actionsPath, "utf8"));

function decode(text) {
  return text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

class Element {
  constructor(tag, attributes, index) {
    this.tagName = tag;
    this.attributes = attributes;
    this.index = index;
    this.listeners = {};
    this.textContent = "";
    this.checked = attributes.has("checked");
    this.value = attributes.get("value") ?? "";
  }
  get hidden() { return this.attributes.has("hidden"); }
  set hidden(flag) { if (flag) this.attributes.set("hidden", ""); else this.attributes.delete("hidden"); }
  getAttribute(name) { return this.attributes.has(name) ? this.attributes.get(name) : null; }
  setAttribute(name, value) { this.attributes.set(name, String(value)); }
  addEventListener(type, listener) { (this.listeners[type] ??= []).push(listener); }
  dispatch(type, target) {
    let prevented = false;
    const event = { type, target, preventDefault() { prevented = true; } };
    for (const listener of this.listeners[type] ?? []) listener(event);
    return prevented;
  }
}

// Every start tag of the page, in order, with its attributes; the text of the data block.
const elements = [];
const tagPattern = /<([a-zA-Z][\w-]*)((?:\s+[^\s=>\/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g;
const attributePattern = /([^\s=>\/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
for (const match of html.matchAll(tagPattern)) {
  const attributes = new Map();
  for (const attribute of match[2].matchAll(attributePattern)) {
    attributes.set(attribute[1].toLowerCase(), decode(attribute[2] ?? attribute[3] ?? attribute[4] ?? ""));
  }
  const element = new Element(match[1].toLowerCase(), attributes, match.index);
  if (element.tagName === "script" && attributes.has("data-configurator-data")) {
    const start = match.index + match[0].length;
    element.textContent = html.slice(start, html.indexOf("</script>", start));
  }
  elements.push(element);
}

function matches(element, selector) {
  const found = /^([a-z]*)(?:\[([\w-]+)\])?$/.exec(selector);
  if (!found) throw new Error("unsupported selector " + selector);
  return (!found[1] || element.tagName === found[1]) && (!found[2] || element.attributes.has(found[2]));
}

const form = elements.find((element) => element.tagName === "form" && element.attributes.has("data-configurator"));
const formEnd = html.indexOf("</form>", form.index);
const inside = elements.filter((element) => element.index > form.index && element.index < formEnd);
form.querySelectorAll = (selector) => inside.filter((element) => matches(element, selector));
form.querySelector = (selector) => form.querySelectorAll(selector)[0] ?? null;

let location = null;
const context = {
  document: { querySelectorAll: (selector) => elements.filter((element) => matches(element, selector)) },
  history: { replaceState(_state, _title, url) { location = url; } },
};
context.globalThis = context;
vm.createContext(context);
vm.runInContext(readFileSync(scriptPath, "utf8"), context);

function shown() {
  const price = form.querySelector("[data-configurator-price]");
  const was = form.querySelector("[data-configurator-was]");
  const image = form.querySelector("[data-configurator-image]");
  const unavailable = form.querySelector("[data-configurator-unavailable]");
  return {
    price: price.textContent, amount: price.getAttribute("value"), was: was.hidden ? null : was.textContent,
    image: image.getAttribute("src"), alt: image.getAttribute("alt"), unavailable: unavailable.hidden === false,
    location,
  };
}

for (const action of actions) {
  if (action.click) {
    const button = form.querySelectorAll("button").find((element) => element.getAttribute("value") === action.click);
    const prevented = button.dispatch("click", button);
    if (!prevented) throw new Error("the click was not taken over");
  } else if (action.check) {
    const [name, value] = action.check;
    for (const input of form.querySelectorAll("input")) {
      if (input.getAttribute("name") === name) input.checked = input.getAttribute("value") === value;
    }
    form.dispatch("change", form);
  } else if (action.type) {
    const [name, text] = action.type;
    const input = form.querySelectorAll("input").find((element) => element.getAttribute("name") === name);
    input.value = text;
    form.dispatch("input", input);
  }
  console.log(JSON.stringify(shown()));
}
