// On the merge page: editing a part's merged text chooses "Keep the merged text" for that part, so what the
// editor typed is what is saved. A file, not an inline script, for the site's CSP.
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".merge-merged textarea").forEach(function (merged) {
    var choice = merged.closest(".merge-merged").querySelector("input[type='radio']");
    merged.addEventListener("input", function () {
      choice.checked = true;
    });
  });
});
