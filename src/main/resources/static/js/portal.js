// The portal's request forms: say at once when chosen files are too many or too large, before they travel (the
// server checks again), and put the focus on the first field with a mistake after a refused form.
(function () {
  "use strict";

  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches("input[type=file][data-each-max-bytes]")) return;
    var each = Number(input.getAttribute("data-each-max-bytes"));
    var total = Number(input.getAttribute("data-total-max-bytes"));
    var most = Number(input.getAttribute("data-max-files"));
    var files = input.files || [];
    var sum = 0, message = "";
    for (var i = 0; i < files.length; i++) {
      sum += files[i].size;
      if (each && files[i].size > each) message = input.getAttribute("data-too-large") + " (" + files[i].name + ")";
    }
    if (!message && most && files.length > most) message = input.getAttribute("data-too-many");
    if (!message && total && sum > total) message = input.getAttribute("data-total-too-large");
    input.setCustomValidity(message);
    if (message) input.reportValidity();
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form[data-portal-upload]")) return;
    var input = form.querySelector("input[type=file][data-each-max-bytes]");
    if (input && !input.checkValidity()) {
      event.preventDefault();
      input.reportValidity();
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    var invalid = document.querySelector("form[data-portal-upload] [aria-invalid=true]");
    if (invalid) invalid.focus();
  });
})();
