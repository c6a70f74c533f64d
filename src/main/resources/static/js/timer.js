// The timer in the header. The server keeps the timer; the page only shows it: the worked time ticks from
// the server's instants (corrected for this device's clock), the widget is fetched again when the tab comes
// back into view (another tab or device may have changed it), and in Pomodoro mode a reminder comes when a
// work period or a break ends. Without JavaScript every button is a plain form.
(function () {
  "use strict";

  // --- what the timer shows, from its state: plain functions (window.ClientdeskTimer, for tests) ---------

  /** Worked seconds at nowMs: the time since the start, less the breaks; a running break counts as break. */
  function worked(s, nowMs) {
    var until = s.pausedAt != null ? s.pausedAt : nowMs;
    return Math.max(0, Math.floor((until - s.startedAt) / 1000) - s.breakSeconds);
  }

  /**
   * The Pomodoro phase at nowMs, or null outside Pomodoro mode: "focus" (a work period runs), "breakDue"
   * (it is over: time to pause), "break" (a break runs) or "breakOver"; secondsLeft until the phase ends.
   */
  function phase(s, nowMs) {
    if (!s.work || !s.rest) return null;
    var left;
    if (s.pausedAt == null) {
      left = s.work * 60 - Math.floor((nowMs - s.workingSince) / 1000);
      return { kind: left > 0 ? "focus" : "breakDue", secondsLeft: Math.max(0, left) };
    }
    left = s.rest * 60 - Math.floor((nowMs - s.pausedAt) / 1000);
    return { kind: left > 0 ? "break" : "breakOver", secondsLeft: Math.max(0, left) };
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  /** "0:07:05": hours, minutes, seconds. */
  function clock(seconds) {
    return Math.floor(seconds / 3600) + ":" + pad(Math.floor(seconds / 60) % 60) + ":" + pad(seconds % 60);
  }

  /** "12:30": minutes and seconds, for what is left of a Pomodoro phase. */
  function short(seconds) {
    return Math.floor(seconds / 60) + ":" + pad(seconds % 60);
  }

  function num(value) {
    return value == null || value === "" ? null : Number(value);
  }

  /** The state in the widget's data attributes. */
  function read(el) {
    return {
      startedAt: num(el.getAttribute("data-started-at")),
      pausedAt: num(el.getAttribute("data-paused-at")),
      breakSeconds: num(el.getAttribute("data-break-seconds")) || 0,
      workingSince: num(el.getAttribute("data-working-since")),
      work: num(el.getAttribute("data-pomodoro-work")),
      rest: num(el.getAttribute("data-pomodoro-break"))
    };
  }

  window.ClientdeskTimer = { worked: worked, phase: phase, clock: clock, read: read };

  // --- the widget on the page ------------------------------------------------------------------------------

  var offsets = new WeakMap(); // widget → server time minus this device's time, in ms
  var handled = {};            // Pomodoro events already acted on, by phase and instant
  var lastFetch = 0;
  var pendingAlert = null;     // a reminder for the widget the server is sending

  function widget() {
    return document.getElementById("timer");
  }

  function serverNow(el) {
    if (!offsets.has(el)) {
      var server = num(el.getAttribute("data-server-now"));
      offsets.set(el, server == null ? 0 : server - Date.now());
    }
    return Date.now() + offsets.get(el);
  }

  function tick() {
    var el = widget();
    if (!el || el.getAttribute("data-started-at") == null) return;
    var s = read(el), now = serverNow(el);
    var text = clock(worked(s, now));
    var elapsed = el.querySelector("[data-timer-elapsed]");
    if (elapsed && elapsed.textContent !== text) elapsed.textContent = text;
    document.querySelectorAll("[data-timer-mirror]").forEach(function (m) { m.textContent = text; });
    pomodoro(el, s, now);
  }

  function pomodoro(el, s, now) {
    var p = phase(s, now);
    var line = el.querySelector("[data-timer-phase]");
    if (!p || !line) return;
    var template = el.getAttribute(p.kind === "focus" || p.kind === "breakDue" ? "data-text-focus" : "data-text-break");
    line.textContent = template.replace("{0}", short(p.secondsLeft));
    line.hidden = false;
    if (p.kind === "breakDue") {
      once("pause-" + s.workingSince, function () {
        // Said in the paused widget the server sends back: this one is about to be replaced.
        notify(el, el.getAttribute("data-text-break-due"), "pause-" + s.workingSince);
        pendingAlert = el.getAttribute("data-text-break-due");
        if (!pause(el, s.workingSince)) say(el, pendingAlert);
      });
    } else if (p.kind === "breakOver") {
      once("resume-" + s.pausedAt, function () {
        remind(el, el.getAttribute("data-text-break-over"), "resume-" + s.pausedAt);
        var resume = el.querySelector("[data-timer-resume]");
        if (resume) resume.classList.add("is-due");
      });
    }
  }

  function once(key, action) {
    if (handled[key]) return;
    handled[key] = true;
    action();
  }

  /** A browser notification when allowed, and always the same words in the widget (read out: role=alert). */
  function remind(el, text, tag) {
    notify(el, text, tag);
    say(el, text);
  }

  function notify(el, text, tag) {
    var label = el.querySelector(".timer-label");
    if (!("Notification" in window) || Notification.permission !== "granted") return;
    try {
      var n = new Notification(label ? label.textContent : document.title, { body: text, tag: "clientdesk-" + tag });
      n.onclick = function () { window.focus(); n.close(); };
    } catch (e) { /* some browsers allow notifications only from a service worker */ }
  }

  function say(el, text) {
    var alert = el.querySelector("[data-timer-alert]");
    if (!alert) return;
    alert.hidden = false;
    alert.textContent = text;
  }

  /** The Pomodoro pause: only if the work period this page saw is still the one running. */
  function pause(el, workingSince) {
    if (!window.htmx) return false;
    window.htmx.ajax("POST", "/timer/pause", {
      source: el, target: "#timer", swap: "outerHTML",
      values: { back: el.getAttribute("data-back") || "/", ifWorkingSince: String(workingSince) }
    });
    return true;
  }

  /** Fetches the widget again, unless the person is using it (a half-filled form must not vanish). */
  function refresh() {
    var el = widget();
    if (!el || !window.htmx || document.visibilityState === "hidden") return;
    if (el.contains(document.activeElement) || el.querySelector("details[open], .timer-panel:not([hidden])")) return;
    if (Date.now() - lastFetch < 2000) return;
    lastFetch = Date.now();
    window.htmx.ajax("GET", el.getAttribute("data-src"), { source: el, target: "#timer", swap: "outerHTML" });
  }

  /** On a task's page: "Timer running" instead of "Start timer" when the timer runs on that task. */
  function markTaskPage() {
    var el = widget();
    var running = el && el.getAttribute("data-task-id");
    document.querySelectorAll("[data-timer-task]").forEach(function (form) {
      var on = !!running && form.getAttribute("data-timer-task") === running;
      var start = form.querySelector("[data-timer-task-start]");
      var badge = form.querySelector("[data-timer-task-running]");
      if (start) start.hidden = on;
      if (badge) badge.hidden = !on;
    });
  }

  /** The project list offers the chosen client's projects; picking a project picks its client. */
  function fitProjects(form, changed) {
    var client = form.querySelector("[data-timer-client]");
    var project = form.querySelector("[data-timer-project]");
    if (!client || !project) return;
    if (changed === project && project.value) {
      var chosen = project.options[project.selectedIndex];
      if (chosen && chosen.getAttribute("data-client")) client.value = chosen.getAttribute("data-client");
    }
    Array.prototype.forEach.call(project.options, function (o) {
      var owner = o.getAttribute("data-client");
      var fits = !owner || !client.value || owner === client.value;
      o.hidden = !fits;
      o.disabled = !fits;
    });
    if (project.selectedOptions[0] && project.selectedOptions[0].disabled) project.value = "";
  }

  function askForNotifications(box) {
    if (!box.checked || !("Notification" in window)) return;
    var done = function (permission) {
      var form = box.closest("form");
      var note = form && form.querySelector("[data-timer-denied]");
      if (permission === "denied" && form && !note) {
        note = document.createElement("p");
        note.className = "hint";
        note.setAttribute("data-timer-denied", "");
        note.setAttribute("role", "status");
        note.textContent = widget() ? widget().getAttribute("data-text-denied") : "";
        box.closest(".timer-checks").after(note);
      }
    };
    if (Notification.permission === "default") {
      var asked = Notification.requestPermission(done);
      if (asked && asked.then) asked.then(done);
    } else {
      done(Notification.permission);
    }
  }

  function closeMenus(except) {
    document.querySelectorAll("#timer details[open]").forEach(function (d) {
      if (!except || !d.contains(except)) d.open = false;
    });
    var panel = document.getElementById("timer-panel");
    if (panel && !panel.hidden && (!except || !(panel.contains(except) || except.closest("[data-timer-open]")))) {
      showPanel(false);
    }
  }

  function focusPanel(panel) {
    var first = panel.querySelector("[aria-invalid=true]") || panel.querySelector("[data-timer-client]");
    if (first) first.focus();
  }

  /** Opens or closes the start panel; its form and the person's tasks load when it first opens. */
  function showPanel(open) {
    var panel = document.getElementById("timer-panel");
    var opener = document.querySelector("[data-timer-open]");
    if (!panel || !opener) return;
    panel.hidden = !open;
    opener.setAttribute("aria-expanded", String(open));
    if (!open) return;
    if (!panel.querySelector("form") && window.htmx) {
      window.htmx.ajax("GET", panel.getAttribute("data-src"), { source: panel, target: panel, swap: "innerHTML" })
        .then(function () {
          panel.querySelectorAll("form").forEach(function (f) { fitProjects(f, null); });
          focusPanel(panel);
        });
    } else {
      focusPanel(panel);
    }
  }

  document.addEventListener("change", function (event) {
    var t = event.target;
    if (t.matches && t.matches("[data-timer-client], [data-timer-project]")) fitProjects(t.form, t);
    if (t.matches && t.matches("[data-timer-pomodoro]")) askForNotifications(t);
  });

  document.addEventListener("click", function (event) {
    var opener = event.target.closest("[data-timer-open]");
    if (opener && window.htmx) {
      event.preventDefault();
      showPanel(opener.getAttribute("aria-expanded") !== "true");
    }
    if (!event.target.closest("#timer")) closeMenus(null);
    else closeMenus(event.target);
    // A reminder or a message under the widget goes away when clicked.
    var message = event.target.closest("#timer [data-timer-alert], #timer .timer-said");
    if (message) message.hidden = true;
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var panel = document.getElementById("timer-panel");
    if (panel && !panel.hidden) {
      showPanel(false);
      document.querySelector("[data-timer-open]").focus();
      return;
    }
    var open = document.querySelector("#timer details[open]");
    if (!open) return;
    open.open = false;
    var summary = open.querySelector("summary");
    if (summary) summary.focus();
  });

  // A refused start (422) carries its errors: swap it in like a success.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var xhr = event.detail.xhr;
    if (xhr && xhr.status === 422 && event.detail.target && event.detail.target.id === "timer") {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // After the widget itself was swapped (not a part of it, such as the task list).
  document.addEventListener("htmx:afterSettle", function (event) {
    var el = widget();
    if (!el || event.target !== el) return;
    if (pendingAlert && el.classList.contains("is-paused")) say(el, pendingAlert);
    pendingAlert = null;
    markTaskPage();
    el.querySelectorAll("form").forEach(function (f) { fitProjects(f, null); });
    var panel = document.getElementById("timer-panel");
    var invalid = panel && !panel.hidden && panel.querySelector("[aria-invalid=true]");
    if (invalid) invalid.focus();
    tick();
  });

  window.addEventListener("focus", refresh);
  document.addEventListener("visibilitychange", refresh);

  document.addEventListener("DOMContentLoaded", function () {
    lastFetch = Date.now();
    markTaskPage();
    document.querySelectorAll("form").forEach(function (f) { fitProjects(f, null); });
    tick();
    setInterval(tick, 1000);
  });
})();
