// "Link to this section" anchors: a click also copies the section's full address to the clipboard.
// Without JavaScript, or without clipboard access, each anchor is a plain link to its section.
(function () {
  "use strict";

  var status = document.querySelector(".section-link-status");
  var canonical = document.querySelector('link[rel="canonical"]');
  if (!status || !navigator.clipboard || !window.isSecureContext) {
    return;
  }

  function pageAddress() {
    return canonical ? canonical.href : window.location.href.split("#")[0];
  }

  var clearTimer = null;

  function announce(message) {
    // Clear first, so the same message said twice is read out twice.
    status.textContent = "";
    window.clearTimeout(clearTimer);
    window.setTimeout(function () {
      status.textContent = message;
      clearTimer = window.setTimeout(function () {
        status.textContent = "";
      }, 8000);
    }, 50);
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.section-link") : null;
    if (!link) {
      return;
    }
    var heading = link.parentElement.querySelector("h2");
    var title = heading ? heading.textContent.trim() : "this section";
    var address = pageAddress() + link.getAttribute("href");
    navigator.clipboard.writeText(address).then(
      function () {
        announce("Link to \u201c" + title + "\u201d copied: " + address);
      },
      function () {
        announce("Could not copy the link. The section\u2019s address is now in your browser\u2019s address bar.");
      }
    );
  });
})();
