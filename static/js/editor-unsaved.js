// Warn before leaving an article's change form (or the merge page) with changes that are not saved.
// A form counts as changed when its fields differ from what they held when the page opened, or when the page
// holds text the server did not save (an error on the page, or the merge page: data-unsaved="always").
// Submitting the form is never warned about. A file, not an inline script, for the site's CSP.
"use strict";

(function () {
  function snapshot(form) {
    var entries = [];
    new FormData(form).forEach(function (value, name) {
      if (name === "csrfmiddlewaretoken" || typeof value !== "string") return;
      entries.push(name + "=" + value.replace(/\r\n?/g, "\n"));
    });
    return entries.join("\u0000");
  }

  function watch(form) {
    var opened = snapshot(form);
    var alwaysUnsaved = form.dataset.unsaved === "always" || document.querySelector(".errornote") !== null;
    var submitting = false;
    form.addEventListener("submit", function () {
      submitting = true;
    });
    window.addEventListener("beforeunload", function (event) {
      if (submitting || !(alwaysUnsaved || snapshot(form) !== opened)) return;
      event.preventDefault();
      event.returnValue = "";  // older browsers show their own warning only when this is set
    });
    // A page brought back from the back-forward cache may be submitted or left again.
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) submitting = false;
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form#article_form, form[data-unsaved]").forEach(watch);
  });
})();
