// timereports (issue 4): the report's filters. Without JavaScript they work the same; this only keeps the
// range choice honest: editing a date makes it "Custom dates", and a preset clears what it replaces.
(function () {
  "use strict";
  document.addEventListener("change", function (event) {
    var form = event.target.closest("[data-report-filters]");
    if (!form) return;
    var range = form.querySelector("[data-report-range]");
    if (!range) return;
    if (event.target.matches("[data-report-date]")) {
      range.value = "custom";
    } else if (event.target === range && range.value !== "custom") {
      // The server works out the preset's dates; the old ones would only confuse until it does.
      form.querySelectorAll("[data-report-date]").forEach(function (input) { input.value = ""; });
    }
  });
})();
