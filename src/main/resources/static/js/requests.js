// requests (issue 13): the inbox's client filter is a name field whose suggestions (#request-clients) come from
// the server as a person types (/requests/clients?q=), so the page does not carry every client. A name that is
// one of the suggestions puts that client's id in the form's hidden "client" field and asks htmx for the list;
// emptying the field shows every client. Without JavaScript the name typed goes with the form and the server
// finds the client by it.
(function () {
  "use strict";

  var pending = null;
  var asked = null;

  function pieces(field) {
    var form = field.form;
    return {
      form: form,
      id: form ? form.querySelector("input[type=hidden][name=client]") : null,
      list: document.getElementById(field.getAttribute("list"))
    };
  }

  // The suggestion the field names, if exactly one has that name (two clients of the same name: the server says so).
  function named(field, list) {
    var typed = field.value.trim().toLowerCase();
    var found = [];
    Array.prototype.forEach.call(list.options, function (option) {
      if (option.value.trim().toLowerCase() === typed) found.push(option);
    });
    return found.length === 1 ? found[0] : null;
  }

  function choose(field) {
    var p = pieces(field);
    if (!p.form || !p.id || !p.list) return;
    var blank = field.value.trim() === "";
    var option = blank ? null : named(field, p.list);
    if (!blank && !option) return; // still typing
    var id = option ? option.getAttribute("data-client") : "";
    if (id === p.id.value) return;
    p.id.value = id;
    if (window.htmx) window.htmx.trigger(p.form, "client-chosen");
    else p.form.requestSubmit();
  }

  function suggest(field) {
    var p = pieces(field);
    var text = field.value.trim();
    if (!p.list || text === asked) return;
    asked = text;
    fetch("/requests/clients?q=" + encodeURIComponent(text), { headers: { "HX-Request": "true" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html === null || asked !== text) return;
        p.list.innerHTML = html;
        choose(field); // a name typed in full is chosen once the list knows it
      })
      .catch(function () { asked = null; /* the list stays as it was */ });
  }

  document.addEventListener("input", function (event) {
    var field = event.target.closest && event.target.closest("input[data-client-filter]");
    if (!field) return;
    choose(field);
    clearTimeout(pending);
    pending = setTimeout(function () { suggest(field); }, 200);
  });

  // The list is filled when the field is first used, so the arrow keys offer clients before anything is typed.
  document.addEventListener("focusin", function (event) {
    var field = event.target.closest && event.target.closest("input[data-client-filter]");
    if (field && asked === null) suggest(field);
  });
})();
