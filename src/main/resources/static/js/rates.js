// rates (issue 4): a client's or project's rate is in the client's currency, so choosing the client picks
// it; a refused form brings its first wrong field into view. Without JavaScript the currency is left to
// "the client's currency" and the server fills it in.
(function () {
  "use strict";

  document.addEventListener("change", function (event) {
    var key = event.target.closest("select[data-rate-key]");
    if (!key) return;
    var currency = document.getElementById(key.getAttribute("data-rate-key"));
    var chosen = key.options[key.selectedIndex];
    var code = chosen && chosen.getAttribute("data-currency");
    if (currency && code && currency.querySelector('option[value="' + code + '"]')) currency.value = code;
  });

  document.addEventListener("DOMContentLoaded", function () {
    var invalid = document.querySelector(".rates-page [aria-invalid=\"true\"]");
    if (invalid) invalid.focus();
  });
})();
