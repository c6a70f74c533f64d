// Behaviour of the tasks screens. No inline script: CSP allows only files from this origin.
// Quick add: "n" (outside a field) or the "+ New task" button opens a dialog whose form loads on first use.
(function () {
  "use strict";

  function typing(target) {
    if (!target || !target.closest) return false;
    return !!target.closest("input, textarea, select, [contenteditable=''], [contenteditable='true'], dialog[open]");
  }

  function openQuickTask() {
    var dialog = document.getElementById("quick-task");
    if (!dialog || typeof dialog.showModal !== "function") return false;
    var body = document.getElementById("quick-task-body");
    if (!dialog.open) dialog.showModal();
    if (body && !body.hasAttribute("data-loaded") && window.htmx) {
      body.setAttribute("data-loaded", "true");
      window.htmx.ajax("GET", body.getAttribute("data-src"), { target: body, swap: "innerHTML" }).then(function () {
        focusFirst(dialog);
      });
    } else {
      focusFirst(dialog);
    }
    return true;
  }

  function focusFirst(dialog) {
    var field = dialog.querySelector("input[name=title]");
    if (field) field.focus();
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "n" || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    if (typing(event.target)) return;
    if (openQuickTask()) event.preventDefault();
  });

  document.addEventListener("click", function (event) {
    var opener = event.target.closest("[data-quick-task]");
    if (opener && openQuickTask()) {
      event.preventDefault();
      return;
    }
    var closer = event.target.closest("[data-close-dialog]");
    if (closer) {
      var dialog = closer.closest("dialog");
      if (dialog) dialog.close();
    }
  });

  // A refused form (422) carries the errors to show: let htmx swap it in like a success.
  document.addEventListener("htmx:beforeSwap", function (event) {
    if (event.detail.xhr && event.detail.xhr.status === 422) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    var dialog = event.target.closest && event.target.closest("dialog");
    if (dialog && dialog.open) {
      var invalid = dialog.querySelector("[aria-invalid=true]");
      if (invalid) invalid.focus(); else focusFirst(dialog);
    }
  });

  // Say at once that a file is too large, before it travels; the server checks again.
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches("input[type=file][data-max-bytes]")) return;
    var max = Number(input.getAttribute("data-max-bytes"));
    var file = input.files && input.files[0];
    input.setCustomValidity(file && max && file.size > max ? input.getAttribute("data-too-large") : "");
    input.reportValidity();
  });
})();
