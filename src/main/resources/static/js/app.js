// Clientdesk's small helpers: live client clocks, time-zone guess, copy buttons, confirmations and
// contact rows. Everything works without JavaScript; this only makes it nicer.
(function () {
  "use strict";

  function tickClocks(root) {
    (root || document).querySelectorAll("time.live-clock[data-tz]").forEach(function (el) {
      try {
        var lang = el.getAttribute("data-lang") || document.documentElement.lang;
        el.textContent = new Intl.DateTimeFormat(lang, {
          weekday: "short", hour: "numeric", minute: "2-digit", timeZone: el.getAttribute("data-tz")
        }).format(new Date());
      } catch (e) { /* keep the server's rendering */ }
    });
  }

  function guessZone(root) {
    (root || document).querySelectorAll("select[data-guess-zone]").forEach(function (select) {
      if (select.value) return;
      try {
        var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        if (zone && select.querySelector('option[value="' + zone + '"]')) select.value = zone;
      } catch (e) { /* leave it to the person */ }
    });
  }

  function renumber(row, index) {
    row.querySelectorAll("[name], [id], [for]").forEach(function (el) {
      ["name", "id", "for"].forEach(function (attr) {
        var v = el.getAttribute(attr);
        if (v) el.setAttribute(attr, v.replace(/contacts\[\d+\]/, "contacts[" + index + "]").replace(/contacts-\d+-/, "contacts-" + index + "-"));
      });
      if (el.type === "radio" && el.name === "primaryContact") el.value = String(index);
    });
  }

  document.addEventListener("click", function (event) {
    var copy = event.target.closest("[data-copy]");
    if (copy) {
      var source = document.querySelector(copy.getAttribute("data-copy"));
      if (source && navigator.clipboard) {
        navigator.clipboard.writeText(source.textContent.trim()).then(function () {
          copy.setAttribute("data-copied", "true");
        });
      }
    }
    var add = event.target.closest("[data-add-contact]");
    if (add) {
      var container = document.querySelector("[data-contact-rows]");
      var rows = container.querySelectorAll("[data-contact-row]");
      var clone = rows[rows.length - 1].cloneNode(true);
      clone.querySelectorAll("input").forEach(function (input) {
        if (input.type === "radio") input.checked = false; else input.value = "";
        input.removeAttribute("aria-invalid");
      });
      clone.querySelectorAll(".field-error").forEach(function (e) { e.remove(); });
      renumber(clone, rows.length);
      container.appendChild(clone);
      var first = clone.querySelector("input[type=text], input:not([type])");
      if (first) first.focus();
    }
    var remove = event.target.closest("[data-remove-contact]");
    if (remove) {
      var row = remove.closest("[data-contact-row]");
      row.querySelectorAll("input").forEach(function (input) {
        if (input.type === "radio") input.checked = false; else input.value = "";
      });
      row.hidden = true;
    }
  });

  // The main navigation folds into a menu on narrow screens (the button shows only there, by CSS).
  // The button says whether the menu is open; Escape closes it and gives focus back to the button.
  function navToggle() { return document.querySelector("[data-nav-toggle]"); }

  function setNavOpen(toggle, open) {
    var nav = document.getElementById(toggle.getAttribute("aria-controls"));
    if (!nav) return;
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    nav.classList.toggle("is-open", open);
  }

  // Between phone and wide screens, fold the navigation only when the header's row would overflow.
  function fitNav() {
    var bar = document.querySelector(".topbar");
    var toggle = navToggle();
    if (!bar || !toggle) return;
    // Narrow screens are folded by the stylesheet: no need to force a layout to measure.
    if (window.matchMedia("(max-width: 900px)").matches) { bar.classList.remove("nav-folded"); return; }
    var wasFolded = bar.classList.contains("nav-folded");
    bar.classList.remove("nav-folded");
    var folded = bar.scrollWidth > bar.clientWidth;
    bar.classList.toggle("nav-folded", folded);
    if (wasFolded && !folded) setNavOpen(toggle, false);
  }

  var fitting = 0;
  function refitNav() {
    cancelAnimationFrame(fitting);
    fitting = requestAnimationFrame(fitNav);
  }
  window.addEventListener("resize", refitNav);
  // The header changes width when htmx swaps part of it (the timer starts, pauses or stops).
  document.addEventListener("htmx:afterSettle", refitNav);

  document.addEventListener("click", function (event) {
    var toggle = event.target.closest("[data-nav-toggle]");
    if (toggle) {
      setNavOpen(toggle, toggle.getAttribute("aria-expanded") !== "true");
      return;
    }
    var open = navToggle();
    if (open && open.getAttribute("aria-expanded") === "true" && !event.target.closest(".mainnav")) setNavOpen(open, false);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var toggle = navToggle();
    if (!toggle || toggle.getAttribute("aria-expanded") !== "true") return;
    setNavOpen(toggle, false);
    toggle.focus();
  });

  document.addEventListener("submit", function (event) {
    var message = event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) event.preventDefault();
  });

  document.addEventListener("DOMContentLoaded", function () {
    fitNav();
    tickClocks();
    guessZone();
    setInterval(tickClocks, 30000);
  });
  document.addEventListener("htmx:afterSwap", function (event) { tickClocks(event.target); });
})();
