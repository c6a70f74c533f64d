// invoices: add and remove line rows on the draft form, the payment's rate shown only for another currency,
// "tick all" on the time picker. Every form works without this; the server's totals are the truth.
(function () {
  "use strict";

  function nextIndex(rows) {
    return rows.querySelectorAll("[data-line-row]").length;
  }

  document.addEventListener("click", function (event) {
    var add = event.target.closest("[data-add-line]");
    if (!add) return;
    var form = add.closest("[data-invoice-form]");
    var rows = form.querySelector("[data-line-rows]");
    var template = form.querySelector("template[data-line-template]");
    var html = template.innerHTML.split("__i__").join(String(nextIndex(rows)));
    var holder = document.createElement("tbody");
    holder.innerHTML = html;
    var row = holder.querySelector("tr");
    rows.appendChild(row);
    var first = row.querySelector("textarea, input:not([type=hidden])");
    if (first) first.focus();
  });

  document.addEventListener("change", function (event) {
    var remove = event.target.closest("[data-remove-line]");
    if (remove && remove.checked) {
      remove.closest("[data-line-row]").hidden = true;
    }
    var currency = event.target.closest("[data-payment-currency]");
    if (currency) showRate(currency.closest("[data-payment-form]"));
    var all = event.target.closest("[data-pick-all]");
    if (all) {
      all.closest("form").querySelectorAll("[data-pick]").forEach(function (box) { box.checked = all.checked; });
    }
  });

  function showRate(form) {
    var field = form.querySelector("[data-rate-field]");
    var select = form.querySelector("[data-payment-currency]");
    var input = field.querySelector("input");
    var other = select.value !== form.getAttribute("data-invoice-currency");
    field.hidden = !other && !input.value && input.getAttribute("aria-invalid") !== "true";
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-add-line]").forEach(function (b) { b.hidden = false; });
    document.querySelectorAll("[data-pick-all]").forEach(function (b) { b.hidden = false; });
    document.querySelectorAll("[data-payment-form]").forEach(showRate);
  });
})();
