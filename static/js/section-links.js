// "Link to this section" anchors: a click also copies the section's full address to the clipboard.
// Without JavaScript, or without clipboard access, each anchor is a plain link to its section. The messages
// come, in the page's language, from the status element's data-copied, data-not-copied and data-this-section.
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
    var title = heading ? heading.textContent.trim() : status.dataset.thisSection;
    var address = pageAddress() + link.getAttribute("href");
    navigator.clipboard.writeText(address).then(
      function () {
        announce(status.dataset.copied.replace("{title}", title).replace("{address}", address));
      },
      function () {
        announce(status.dataset.notCopied);
      }
    );
  });
})();
