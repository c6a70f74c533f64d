// The weekly planner's pointer and keyboard behaviour. No inline script: CSP allows only files from this origin.
// Without JavaScript the form under the week adds blocks and each block's page changes or deletes it.
(function () {
  "use strict";

  var STEP = 15; // minutes a drag snaps to and an arrow key moves

  function headers() {
    var h;
    try { h = JSON.parse(document.body.getAttribute("hx-headers") || "{}"); } catch (e) { h = {}; }
    h["Content-Type"] = "application/x-www-form-urlencoded";
    h["X-Requested-With"] = "fetch";
    return h;
  }

  function say(text) {
    var status = document.getElementById("plan-status");
    if (!status) return;
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 30);
  }

  function minutes(hhmm) {
    var p = hhmm.split(":");
    return parseInt(p[0], 10) * 60 + parseInt(p[1], 10);
  }

  function hhmm(total) {
    var m = ((total % 1440) + 1440) % 1440;
    var h = Math.floor(m / 60), r = m % 60;
    return (h < 10 ? "0" : "") + h + ":" + (r < 10 ? "0" : "") + r;
  }

  function addDays(iso, days) {
    var d = new Date(iso + "T12:00:00Z");
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  }

  function init(planner) {
    var first = parseInt(planner.getAttribute("data-first-hour"), 10);
    var last = parseInt(planner.getAttribute("data-last-hour"), 10);
    var zone = planner.getAttribute("data-zone");
    var span = (last - first) * 60;

    function minuteAt(col, clientY) {
      var rect = col.getBoundingClientRect();
      var m = first * 60 + (clientY - rect.top) / rect.height * span;
      m = Math.round(m / STEP) * STEP;
      return Math.max(first * 60, Math.min(last * 60, m));
    }

    // The grid's row of a minute of the day: one row per quarter hour from the grid's first hour.
    function rowOf(m) {
      return Math.max(1, Math.round((m - first * 60) / STEP) + 1);
    }

    function save(block, date, start, end) {
      var body = new URLSearchParams({ date: date, startTime: hhmm(start), endTime: hhmm(end), zone: zone });
      return fetch("/plan/blocks/" + block.getAttribute("data-block") + "/move", {
        method: "POST", headers: headers(), credentials: "same-origin", body: body.toString()
      }).then(function (response) {
        if (response.ok) {
          sessionStorage.setItem("plan-focus", block.getAttribute("data-block"));
          sessionStorage.setItem("plan-said", planner.getAttribute("data-moved") || "");
          window.location.reload();
          return;
        }
        return response.text().then(function (text) {
          say(text || planner.getAttribute("data-move-failed") || "");
          window.setTimeout(function () { window.location.reload(); }, 2500);
        });
      });
    }

    // Drawing a new block: drag down an empty stretch of a day, then the form is filled in and focused.
    planner.querySelectorAll(".planner-col").forEach(function (col) {
      col.addEventListener("pointerdown", function (e) {
        if (e.button !== 0 || e.target !== col) return;
        var start = minuteAt(col, e.clientY), end = start + 60;
        var draft = document.createElement("div");
        draft.className = "plan-draft";
        col.appendChild(draft);
        function draw() {
          var a = Math.min(start, end), b = Math.max(start, end);
          if (b === a) b = a + STEP;
          draft.style.gridRow = rowOf(a) + " / span " + Math.max(1, (b - a) / STEP);
          draft.textContent = hhmm(a) + "–" + hhmm(b);
        }
        draw();
        col.setPointerCapture(e.pointerId);
        function move(ev) { end = minuteAt(col, ev.clientY); if (end === start) end = start + STEP; draw(); }
        function up() {
          col.removeEventListener("pointermove", move);
          col.removeEventListener("pointerup", up);
          var a = Math.min(start, end), b = Math.max(start, end);
          if (b === a) b = a + STEP;
          draft.remove();
          var form = document.querySelector("[data-block-form]");
          if (!form) return;
          form.querySelector("[name=date]").value = col.getAttribute("data-date");
          form.querySelector("[name=startTime]").value = hhmm(a);
          form.querySelector("[name=endTime]").value = hhmm(b);
          form.scrollIntoView({ behavior: "smooth", block: "center" });
          var focus = form.querySelector("[name=clientId]");
          if (focus) focus.focus({ preventScroll: true });
        }
        col.addEventListener("pointermove", move);
        col.addEventListener("pointerup", up);
        e.preventDefault();
      });
    });

    // Moving (drag the block) and resizing (drag its lower edge) an existing block.
    planner.querySelectorAll(".plan-block").forEach(function (block) {
      block.addEventListener("pointerdown", function (e) {
        if (e.button !== 0 || e.target.closest("a, button, form")) return;
        var resizing = e.target.classList.contains("plan-resize");
        var col = block.parentElement;
        var start = minutes(block.getAttribute("data-start"));
        var end = minutes(block.getAttribute("data-end"));
        if (end <= start) end += 1440;
        var length = end - start;
        var grab = minuteAt(col, e.clientY) - start;
        var target = col, moved = false;
        block.classList.add("is-dragging");
        block.setPointerCapture(e.pointerId);
        function place() {
          block.style.gridRow = rowOf(start) + " / span " + Math.max(1, Math.round((end - start) / STEP));
        }
        function move(ev) {
          moved = true;
          var under = document.elementsFromPoint(ev.clientX, ev.clientY).find(function (el) {
            return el.classList && el.classList.contains("planner-col");
          });
          if (under && under !== target && !resizing) { target = under; target.appendChild(block); }
          var m = minuteAt(target, ev.clientY);
          if (resizing) {
            end = Math.max(start + STEP, m);
          } else {
            start = Math.max(first * 60, Math.min(last * 60 - length, m - grab));
            start = Math.round(start / STEP) * STEP;
            end = start + length;
          }
          place();
        }
        function up() {
          block.removeEventListener("pointermove", move);
          block.removeEventListener("pointerup", up);
          block.classList.remove("is-dragging");
          if (moved) save(block, target.getAttribute("data-date"), start, end);
        }
        block.addEventListener("pointermove", move);
        block.addEventListener("pointerup", up);
        e.preventDefault();
      });

      // The keyboard: arrows move by 15 minutes or a day, Shift with up and down changes the end.
      block.addEventListener("keydown", function (e) {
        if (e.target !== block) return;
        var start = minutes(block.getAttribute("data-start"));
        var end = minutes(block.getAttribute("data-end"));
        if (end <= start) end += 1440;
        var date = block.getAttribute("data-date");
        if (e.key === "ArrowUp" && e.shiftKey) { end = Math.max(start + STEP, end - STEP); }
        else if (e.key === "ArrowDown" && e.shiftKey) { end += STEP; }
        else if (e.key === "ArrowUp") { start -= STEP; end -= STEP; }
        else if (e.key === "ArrowDown") { start += STEP; end += STEP; }
        else if (e.key === "ArrowLeft") { date = addDays(date, -1); }
        else if (e.key === "ArrowRight") { date = addDays(date, 1); }
        else if (e.key === "Enter") { var link = block.querySelector("a"); if (link) link.click(); return; }
        else { return; }
        e.preventDefault();
        if (start < 0) { date = addDays(date, -1); start += 1440; end += 1440; }
        if (start >= 1440) { date = addDays(date, 1); start -= 1440; end -= 1440; }
        save(block, date, start, end);
      });
    });

    // After a move the page reloads: focus the moved block again and say it moved.
    var focus = sessionStorage.getItem("plan-focus");
    if (focus) {
      sessionStorage.removeItem("plan-focus");
      var again = planner.querySelector('[data-block="' + focus + '"]');
      if (again) again.focus();
      var said = sessionStorage.getItem("plan-said");
      sessionStorage.removeItem("plan-said");
      if (said) say(said);
    }
  }

  document.querySelectorAll("[data-planner]").forEach(init);
})();
