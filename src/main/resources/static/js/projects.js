// Behaviour of the projects screens. No inline script: CSP allows only files from this origin.
// Everything works without JavaScript (filters have a button, forms have spare blank rows); this adds
// instant filters and rows that can be added, removed and reordered.
(function () {
  "use strict";

  // Filters that apply as soon as a choice changes.
  document.addEventListener("change", function (event) {
    var select = event.target.closest("select[data-autosubmit]");
    if (select && select.form) select.form.submit();
  });

  function renumber(list) {
    var prefix = list.getAttribute("data-rows");
    var names = new RegExp(prefix + "\\[\\d+\\]");
    var ids = new RegExp(prefix + "-\\d+-");
    list.querySelectorAll("[data-row]").forEach(function (row, index) {
      row.querySelectorAll("[name], [id], [for], [aria-describedby]").forEach(function (el) {
        ["name", "id", "for"].forEach(function (attr) {
          var v = el.getAttribute(attr);
          if (v) el.setAttribute(attr, v.replace(names, prefix + "[" + index + "]").replace(ids, prefix + "-" + index + "-"));
        });
      });
      var label = row.querySelector("label[data-numbered]");
      if (label) label.textContent = label.textContent.replace(/\d+\s*$/, String(index + 1));
    });
  }

  function enhance(list) {
    list.querySelectorAll("[data-row-tools]").forEach(function (tools) { tools.hidden = false; });
    var add = document.querySelector('[data-add-row="' + list.getAttribute("data-rows") + '"]');
    if (add) add.hidden = false;
    var form = list.closest("form");
    if (form) form.querySelectorAll(".nojs-hint").forEach(function (hint) { hint.hidden = true; });
  }

  function ready() {
    document.querySelectorAll("[data-autosubmit-button]").forEach(function (button) { button.hidden = true; });
    document.querySelectorAll("[data-rows]").forEach(enhance);
  }

  document.addEventListener("click", function (event) {
    var add = event.target.closest("[data-add-row]");
    if (add) {
      var list = document.querySelector('[data-rows="' + add.getAttribute("data-add-row") + '"]');
      var rows = list.querySelectorAll("[data-row]");
      var clone = rows[rows.length - 1].cloneNode(true);
      clone.querySelectorAll("input, textarea").forEach(function (input) {
        input.value = "";
        input.removeAttribute("aria-invalid");
      });
      clone.querySelectorAll("select").forEach(function (select) { select.selectedIndex = 0; });
      clone.querySelectorAll(".field-error").forEach(function (e) { e.remove(); });
      list.appendChild(clone);
      renumber(list);
      var first = clone.querySelector("input:not([type=hidden]), textarea");
      if (first) first.focus();
      return;
    }
    var row = event.target.closest("[data-row]");
    if (!row) return;
    var rowList = row.closest("[data-rows]");
    if (event.target.closest("[data-remove-row]")) {
      if (rowList.querySelectorAll("[data-row]").length > 1) {
        var next = row.nextElementSibling || row.previousElementSibling;
        row.remove();
        renumber(rowList);
        var focus = next && next.querySelector("input:not([type=hidden])");
        if (focus) focus.focus();
      }
      return;
    }
    var move = event.target.closest("[data-move]");
    if (move) {
      var up = move.getAttribute("data-move") === "up";
      var other = up ? row.previousElementSibling : row.nextElementSibling;
      if (other) {
        rowList.insertBefore(row, up ? other : other.nextElementSibling);
        renumber(rowList);
        move.focus();
      }
    }
  });

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready); else ready();
})();
