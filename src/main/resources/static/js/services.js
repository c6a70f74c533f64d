// services: the catalogue's filter submits on change; the service form shows what only a retainer has when
// the model is a retainer, and offers one empty price row at a time with "Add a price". Without JavaScript
// every field and a few empty price rows are simply there.
(function () {
  "use strict";

  function retainerOnly(form) {
    var checked = form.querySelector("[data-service-model]:checked");
    var retainer = checked && checked.value === "RETAINER";
    form.querySelectorAll("[data-retainer-only]").forEach(function (el) {
      var filled = Array.prototype.some.call(el.querySelectorAll("input"), function (i) { return i.value.trim() !== ""; });
      el.hidden = !retainer && !filled && !el.querySelector(".field-error");
    });
  }

  function renumber(row, index) {
    row.querySelectorAll("[id], [name], [for], [aria-describedby]").forEach(function (el) {
      ["id", "name", "for"].forEach(function (attr) {
        var v = el.getAttribute(attr);
        if (v) el.setAttribute(attr, v.replace(/prices\[\d+\]/, "prices[" + index + "]").replace(/prices-\d+-/, "prices-" + index + "-"));
      });
    });
    var legend = row.querySelector("legend");
    if (legend) legend.textContent = legend.textContent.replace(/\d+/, String(index + 1));
  }

  function setUpPrices(form) {
    var container = form.querySelector("[data-price-rows]");
    var add = form.querySelector("[data-add-price]");
    if (!container || !add) return;
    var shownBlank = false;
    container.querySelectorAll("[data-price-row]").forEach(function (row) {
      if (row.getAttribute("data-blank") === "true") {
        if (shownBlank) row.hidden = true;
        shownBlank = true;
      }
    });
    add.hidden = false;
    add.addEventListener("click", function () {
      var next = container.querySelector("[data-price-row][hidden]");
      if (!next) {
        var rows = container.querySelectorAll("[data-price-row]");
        next = rows[rows.length - 1].cloneNode(true);
        next.querySelectorAll("input").forEach(function (i) { i.value = ""; i.removeAttribute("aria-invalid"); });
        next.querySelectorAll(".field-error").forEach(function (e) { e.remove(); });
        renumber(next, rows.length);
        container.appendChild(next);
      }
      next.hidden = false;
      retainerOnly(form);
      var first = next.querySelector("input");
      if (first) first.focus();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-services-filter]").forEach(function (filter) {
      filter.addEventListener("change", function () { filter.submit(); });
    });
    document.querySelectorAll("[data-service-form]").forEach(function (form) {
      setUpPrices(form);
      retainerOnly(form);
      form.addEventListener("change", function (event) {
        if (event.target.matches("[data-service-model]")) retainerOnly(form);
      });
    });
  });
})();
