// timesheet (issue 4): the timesheet's cells, the client/project/task pickers, the entry form's live
// duration and the list's "select all". No inline script: CSP allows only files from this origin.
// Everything works without JavaScript (a cell is a form that Enter submits); this makes it quicker.
(function () {
  "use strict";

  // --- timesheet cells: Enter saves, Escape puts the cell back, Tab moves on (and saves a change) ---

  function cellInput(target) {
    return target && target.closest ? target.closest("input.cell-input") : null;
  }

  function save(input) {
    if (input.dataset.sending || input.value.trim() === input.dataset.value) return;
    input.dataset.sending = "true";
    if (typeof input.form.requestSubmit === "function") input.form.requestSubmit(); else input.form.submit();
  }

  function restore(input) {
    input.value = input.dataset.value;
    input.removeAttribute("aria-invalid");
    input.removeAttribute("aria-describedby");
    var cell = input.closest("td");
    if (cell) cell.classList.remove("is-refused");
  }

  document.addEventListener("keydown", function (event) {
    var input = cellInput(event.target);
    if (!input) return;
    if (event.key === "Enter") {
      event.preventDefault();
      save(input);
    } else if (event.key === "Escape") {
      event.preventDefault();
      restore(input);
      input.select();
    }
  });

  document.addEventListener("change", function (event) {
    var input = cellInput(event.target);
    if (input) save(input);
  });

  document.addEventListener("focusin", function (event) {
    var input = cellInput(event.target);
    if (input) input.select();
  });

  // After a save that went through, cells refused earlier show their saved value again.
  document.addEventListener("htmx:afterSettle", function () {
    var error = document.getElementById("sheet-error");
    if (!error || error.textContent.trim() !== "") return;
    document.querySelectorAll("td.is-refused input.cell-input").forEach(restore);
  });

  // --- pickers: projects and tasks follow the chosen client; a task brings its client and project ---

  function pick(form, kind) {
    return form.querySelector('select[data-pick="' + kind + '"]');
  }

  function filter(select, client) {
    if (!select) return;
    Array.prototype.forEach.call(select.options, function (option) {
      var owner = option.getAttribute("data-client");
      var hide = !!(client && owner && owner !== client);
      option.hidden = hide;
      option.disabled = hide;
    });
    var chosen = select.options[select.selectedIndex];
    if (chosen && chosen.disabled) select.value = "";
  }

  function follow(form) {
    var client = pick(form, "client");
    var value = client ? client.value : "";
    filter(pick(form, "project"), value);
    filter(pick(form, "task"), value);
  }

  document.addEventListener("change", function (event) {
    var select = event.target.closest && event.target.closest("select[data-pick]");
    if (!select) return;
    var form = select.closest("[data-work-picker]");
    if (!form) return;
    if (select.getAttribute("data-pick") === "task" && select.value) {
      var option = select.options[select.selectedIndex];
      var client = pick(form, "client");
      var project = pick(form, "project");
      if (client && option.getAttribute("data-client")) client.value = option.getAttribute("data-client");
      if (project && option.getAttribute("data-project")) project.value = option.getAttribute("data-project");
    }
    follow(form);
  });

  // --- the entry form: its true duration, as the server will count it (the server has the last word) ---

  var partsFormat = {};

  function offsetMinutes(epoch, zone) {
    if (!partsFormat[zone]) {
      partsFormat[zone] = new Intl.DateTimeFormat("en-US", {
        timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
        hour: "2-digit", minute: "2-digit", second: "2-digit"
      });
    }
    var p = {};
    partsFormat[zone].formatToParts(new Date(epoch)).forEach(function (part) { p[part.type] = part.value; });
    var asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour % 24, +p.minute, +p.second);
    return Math.round((asUtc - Math.floor(epoch / 1000) * 1000) / 60000);
  }

  // A local date and time in a zone as an instant, like the server: a time skipped by a clock change moves
  // on by the gap; a time that happens twice is its first occurrence.
  function instant(date, time, zone) {
    var d = date.split("-"), t = time.split(":");
    if (d.length !== 3 || t.length < 2) return NaN;
    var local = Date.UTC(+d[0], +d[1] - 1, +d[2], +t[0], +t[1], +(t[2] || 0));
    var before = local - offsetMinutes(local - 43200000, zone) * 60000;
    var after = local - offsetMinutes(local + 43200000, zone) * 60000;
    if (before + offsetMinutes(before, zone) * 60000 === local) return before;
    if (after + offsetMinutes(after, zone) * 60000 === local) return after;
    return before;
  }

  function hoursMinutes(seconds) {
    var minutes = Math.floor((seconds + 30) / 60);
    var m = minutes % 60;
    return Math.floor(minutes / 60) + ":" + (m < 10 ? "0" : "") + m;
  }

  function showDuration(form) {
    var out = form.querySelector("#entry-duration");
    if (!out) return;
    var v = function (name) { var el = form.elements[name]; return el ? el.value.trim() : ""; };
    var text = out.getAttribute("data-invalid");
    try {
      var zone = v("zone") || Intl.DateTimeFormat().resolvedOptions().timeZone;
      var start = instant(v("date"), v("startTime"), zone);
      var end = instant(v("endDate") || v("date"), v("endTime"), zone);
      var pause = v("breakMinutes") === "" ? 0 : +v("breakMinutes") * 60;
      var seconds = (end - start) / 1000 - pause;
      if (isFinite(seconds) && seconds > 0 && seconds <= 86400) text = hoursMinutes(seconds);
    } catch (e) { /* an unknown zone: the server will say so */ }
    out.textContent = text;
  }

  document.addEventListener("focusin", function (event) {
    var date = event.target;
    if (date.name === "date" && date.closest("[data-entry-form]")) date.dataset.was = date.value;
  });

  document.addEventListener("input", function (event) {
    var form = event.target.closest && event.target.closest("[data-entry-form]");
    if (!form) return;
    // The end date follows the start date while they were the same day.
    if (event.target.name === "date" && form.elements.endDate) {
      var was = event.target.dataset.was;
      if (!form.elements.endDate.value || form.elements.endDate.value === was) form.elements.endDate.value = event.target.value;
      event.target.dataset.was = event.target.value;
    }
    showDuration(form);
  });

  // --- the entries list: select every entry of the page for a re-rate ---

  document.addEventListener("change", function (event) {
    var all = event.target.closest && event.target.closest("input[data-select-all]");
    if (!all) return;
    var form = all.form || all.closest("form");
    document.querySelectorAll('input[type=checkbox][name="' + all.getAttribute("data-select-all") + '"][form="' + form.id + '"]')
      .forEach(function (box) { box.checked = all.checked; });
  });

  function ready() {
    document.querySelectorAll("[data-work-picker]").forEach(follow);
    document.querySelectorAll("[data-entry-form]").forEach(function (form) {
      if (!form.querySelector("fieldset[disabled]")) showDuration(form);
    });
    document.querySelectorAll("label.select-all[hidden]").forEach(function (label) { label.hidden = false; });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready); else ready();
})();
