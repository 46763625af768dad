/// The configurator pages' progressive enhancement, shipped as a fingerprinted asset (`assets/vary/configurator.js`)
/// in every build with configurators: no inline script, so the page check still holds.
///
/// It reads the page's data block (`<script type="application/json" data-configurator-data>`), which holds the
/// exact price of every valid combination as Vary computed it, and on every change of the form looks the
/// selection up: it shows that price (and the price before promotions), the selection's picture, or that the
/// combination is not available. It never computes a price. Without it the form still works: the merchandised
/// axis's buttons lead to their static pages (`formaction`), each rendered with its selection and price.
///
/// The page's contract: a `<form data-configurator>` holding the data block, an `<input>` named by each group's id
/// (radio buttons for a choice, a text field, a number), a `<button formaction name="{axis}" value="{id}">` per
/// value of the merchandised axis (the current one with `aria-pressed="true"`), and elements marked
/// `data-configurator-price`, `data-configurator-was`, `data-configurator-image` (an `<img>`) and
/// `data-configurator-unavailable`. `globalThis.VaryConfigurator.view(data, selection)` is the lookup alone.
public enum ConfiguratorScript {
    /// Its path under `assets/`.
    public static let path = "vary/configurator.js"

    public static var bytes: [UInt8] { Array(source.utf8) }

    static let source = #"""
        // Vary's configurator: looks up the price Vary computed for the chosen combination. Never computes one.
        (function () {
          "use strict";

          function allowed(group, text) {
            if (Array.from(text).length > group.maxLength) return false;
            return Array.from(text).every(function (character) {
              var code = character.codePointAt(0);
              return group.allowed.some(function (range) { return code >= range[0] && code <= range[1]; });
            });
          }

          // The state of each group for a selection (group id -> chosen value, text or number), or the group that has none.
          function states(data, selection) {
            var result = [];
            for (var i = 0; i < data.groups.length; i++) {
              var group = data.groups[i];
              var raw = selection[group.id] == null ? "" : String(selection[group.id]);
              var state = raw;
              if (group.type === "text") {
                if (raw !== "" && !allowed(group, raw)) return { invalid: group.id };
                state = raw === "" ? "" : "text";
              } else if (group.type === "quantity") {
                state = String(parseInt(raw, 10));
              }
              if (group.states.indexOf(state) < 0) return { invalid: group.id };
              result.push(state);
            }
            return { states: result };
          }

          function view(data, selection) {
            var found = states(data, selection);
            if (!found.states) return { available: false, invalid: found.invalid };
            var key = found.states.join("|");
            var price = data.prices[key];
            if (!price) return { available: false, key: key };
            var image = data.image;
            for (var i = 0; i < data.groups.length; i++) {
              var own = data.images[data.groups[i].id + "|" + found.states[i]];
              if (own) image = own;
            }
            return { available: true, key: key, amount: price[0], text: price[1], was: price[2] || null, image: image };
          }

          function each(list, body) { Array.prototype.forEach.call(list, body); }

          function attach(form, win) {
            var block = form.querySelector("[data-configurator-data]");
            if (!block) return null;
            var data = JSON.parse(block.textContent);
            var axis = data.merchandised;
            var current = null;
            var buttons = form.querySelectorAll("button[formaction]");
            each(buttons, function (button) {
              if (button.getAttribute("aria-pressed") === "true") current = button.getAttribute("value");
            });

            function selection() {
              var chosen = {};
              chosen[axis] = current;
              each(form.querySelectorAll("input"), function (input) {
                var name = input.getAttribute("name");
                var type = (input.getAttribute("type") || "text").toLowerCase();
                if (!name || name === axis) return;
                if (type === "radio" || type === "checkbox") {
                  if (input.checked) chosen[name] = input.value;
                  else if (!(name in chosen)) chosen[name] = "";
                } else {
                  chosen[name] = input.value;
                }
              });
              return chosen;
            }

            function show(result) {
              var price = form.querySelector("[data-configurator-price]");
              var was = form.querySelector("[data-configurator-was]");
              var image = form.querySelector("[data-configurator-image]");
              var unavailable = form.querySelector("[data-configurator-unavailable]");
              if (price) {
                price.textContent = result.available ? result.text : "";
                if (result.available) price.setAttribute("value", result.amount);
              }
              if (was) {
                was.textContent = result.available && result.was ? result.was : "";
                was.hidden = !(result.available && result.was);
              }
              if (unavailable) unavailable.hidden = result.available;
              if (image && result.available) {
                image.setAttribute("src", result.image.src);
                image.setAttribute("alt", result.image.alt);
              }
            }

            function update() {
              var result = view(data, selection());
              show(result);
              return result;
            }

            each(buttons, function (button) {
              button.addEventListener("click", function (event) {
                event.preventDefault();
                current = button.getAttribute("value");
                each(buttons, function (other) { other.setAttribute("aria-pressed", other === button ? "true" : "false"); });
                var page = data.pages[current];
                if (page && win && win.history && win.history.replaceState) win.history.replaceState(null, "", page);
                update();
              });
            });
            form.addEventListener("change", update);
            form.addEventListener("input", update);
            return { update: update, data: data };
          }

          var api = { view: view, attach: attach };
          globalThis.VaryConfigurator = api;
          if (typeof document !== "undefined" && document.querySelectorAll) {
            each(document.querySelectorAll("[data-configurator]"), function (form) { attach(form, globalThis); });
          }
        })();

        """#
}
