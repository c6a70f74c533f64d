// rates (issue 4): a client's or project's rate is in the client's currency, so choosing the client picks
// it; a refused form brings its first wrong field into view. Without JavaScript the currency is left to
// "the client's currency" and the server fills it in.
// Issue 12: the client fields share one short list of suggestions (#rate-clients), refreshed from the server as
// a person types, so the page does not carry every client. Without JavaScript a typed name is enough.
(function () {
  "use strict";

  var pending = null;
  var asked = null;

  function suggest(text) {
    var list = document.getElementById("rate-clients");
    if (!list || text === asked) return;
    asked = text;
    fetch("/time/rates/clients?q=" + encodeURIComponent(text), { headers: { "HX-Request": "true" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) { if (html !== null && asked === text) list.innerHTML = html; })
      .catch(function () { /* the list stays as it was */ });
  }

  function pickCurrency(key) {
    var currency = document.getElementById(key.getAttribute("data-rate-key"));
    var code = /\(([A-Z]{3})\)\s*$/.exec(key.value);
    if (currency && code) currency.value = code[1];
  }

  document.addEventListener("input", function (event) {
    var field = event.target.closest && event.target.closest("input[data-client-field]");
    if (!field) return;
    if (field.hasAttribute("data-rate-key")) pickCurrency(field);
    clearTimeout(pending);
    var text = field.value.replace(/\s*\([A-Z]{3}\)\s*$/, "");
    pending = setTimeout(function () { suggest(text); }, 200);
  });

  document.addEventListener("change", function (event) {
    var key = event.target.closest && event.target.closest("[data-rate-key]");
    if (key) pickCurrency(key);
  });

  document.addEventListener("DOMContentLoaded", function () {
    var invalid = document.querySelector(".rates-page [aria-invalid=\"true\"]");
    if (invalid) invalid.focus();
  });
})();
