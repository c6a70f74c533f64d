// Behaviour of the views screens. No inline script: CSP allows only files from this origin.
// Without JavaScript every card keeps its small Move form; this adds drag and drop (SortableJS).
(function () {
  "use strict";

  function csrfHeaders() {
    try {
      return JSON.parse(document.body.getAttribute("hx-headers") || "{}");
    } catch (e) {
      return {};
    }
  }

  function post(url, fields) {
    var headers = csrfHeaders();
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    headers["X-Requested-With"] = "fetch";
    return fetch(url, {
      method: "POST", headers: headers, credentials: "same-origin",
      body: new URLSearchParams(fields).toString()
    });
  }

  function say(text) {
    var status = document.getElementById("move-status");
    if (!status) return;
    status.textContent = "";
    // A fresh text so a screen reader announces it again when it repeats.
    window.setTimeout(function () { status.textContent = text; }, 30);
  }

  function putBack(evt) {
    var from = evt.from, item = evt.item;
    var before = from.children[evt.oldIndex];
    if (before === item) return;
    from.insertBefore(item, before || null);
  }

  // A column's count is its total, not the cards on screen (long columns show only their first cards).
  function shift(list, delta) {
    var head = list.closest("section");
    var count = head && head.querySelector("[data-count]");
    var n = count ? parseInt(count.textContent, 10) : NaN;
    if (!isNaN(n)) count.textContent = String(Math.max(0, n + delta));
  }

  function sortable(list, group, options) {
    return window.Sortable.create(list, Object.assign({
      group: group, animation: 150, forceFallback: true, fallbackTolerance: 4,
      delay: 180, delayOnTouchOnly: true, filter: "select, button, summary, input, label",
      preventOnFilter: false, draggable: ".task-card"
    }, options));
  }

  function board() {
    var failed = document.querySelector("[data-board]").getAttribute("data-failed");
    document.querySelectorAll("[data-board] ol[data-stage-id]").forEach(function (list) {
      sortable(list, "board", {
        onEnd: function (evt) {
          if (evt.from === evt.to && evt.oldIndex === evt.newIndex) return;
          var item = evt.item, stageId = evt.to.getAttribute("data-stage-id");
          post("/board/move", { taskId: item.getAttribute("data-task-id"), stageId: stageId, index: evt.newIndex })
            .then(function (response) {
              if (response.ok) {
                shift(evt.from, -1);
                shift(evt.to, 1);
                say("");
                return;
              }
              putBack(evt);
              return response.json().then(function (body) { say(body.message || failed); }, function () { say(failed); });
            }, function () { putBack(evt); say(failed); });
        }
      });
    });
  }

  function matrix() {
    var failed = document.querySelector("[data-matrix]").getAttribute("data-failed");
    document.querySelectorAll("[data-matrix] ol[data-quadrant]").forEach(function (list) {
      sortable(list, "matrix", {
        sort: false,
        onEnd: function (evt) {
          if (evt.from === evt.to) return;
          var item = evt.item, quadrant = evt.to.getAttribute("data-quadrant");
          post("/matrix/move", { taskId: item.getAttribute("data-task-id"), quadrant: quadrant })
            .then(function (response) {
              if (response.ok) {
                shift(evt.from, -1);
                shift(evt.to, 1);
                relabel(item, quadrant);
                return;
              }
              putBack(evt);
              say(failed);
            }, function () { putBack(evt); say(failed); });
        }
      });
    });
  }

  // After a drag, a card's two buttons offer the opposite of its new marks, as the page would render them.
  function relabel(item, quadrant) {
    var texts = document.querySelector("[data-matrix]").dataset;
    var urgent = quadrant === "DO" || quadrant === "DELEGATE";
    var important = quadrant === "DO" || quadrant === "SCHEDULE";
    var buttons = item.querySelectorAll(".step-buttons button");
    var title = (item.querySelector(".task-title") || {}).textContent || "";
    if (buttons.length !== 2) return;
    buttons[0].textContent = urgent ? texts.notUrgent : texts.urgent;
    buttons[0].setAttribute("aria-label", (urgent ? texts.makeNotUrgent : texts.makeUrgent).replace("{0}", title));
    buttons[1].textContent = important ? texts.notImportant : texts.important;
    buttons[1].setAttribute("aria-label", (important ? texts.makeNotImportant : texts.makeImportant).replace("{0}", title));
  }

  document.addEventListener("change", function (event) {
    var select = event.target.closest("select[data-autosubmit]");
    if (select && select.form) select.form.submit();
  });

  document.addEventListener("DOMContentLoaded", function () {
    if (!window.Sortable) return;
    if (document.querySelector("[data-board]")) board();
    if (document.querySelector("[data-matrix]")) matrix();
  });
})();
