// Upload progress for forms marked data-progress="ID-of-a-<progress>": htmx reports the bytes
// sent; once the file is sent, the status line says the node is reading it. No inline script.
(function () {
  "use strict";
  function formOf(event) {
    var target = event.target;
    return target && target.closest ? target.closest("form[data-progress]") : null;
  }
  document.addEventListener("htmx:beforeRequest", function (event) {
    var form = formOf(event);
    if (!form) return;
    var bar = document.getElementById(form.getAttribute("data-progress"));
    if (bar) { bar.hidden = false; bar.value = 0; }
    var status = document.getElementById(form.getAttribute("data-status"));
    if (status) { status.hidden = false; status.textContent = status.getAttribute("data-sending"); }
  });
  document.addEventListener("htmx:xhr:progress", function (event) {
    var form = formOf(event);
    if (!form || !event.detail.lengthComputable) return;
    var bar = document.getElementById(form.getAttribute("data-progress"));
    var done = Math.round((event.detail.loaded / event.detail.total) * 100);
    if (bar) bar.value = done;
    var status = document.getElementById(form.getAttribute("data-status"));
    if (status && done >= 100) status.textContent = status.getAttribute("data-reading");
  });
})();
