// On an article's change form: tell the server this editor has it open, every data-presence-seconds,
// and show who else has (an aria-live region, so screen readers hear it change); tell it when the page
// is left. A file, not an inline script, for the site's CSP.
"use strict";

(function () {
  function csrfToken() {
    var field = document.querySelector("input[name='csrfmiddlewaretoken']");
    return field ? field.value : "";
  }

  function formData(extra) {
    var body = new FormData();
    body.append("csrfmiddlewaretoken", csrfToken());
    if (extra) body.append(extra, "1");
    return body;
  }

  function show(region, notice) {
    var shown = region.querySelector(".editing-presence-notice");
    if ((shown ? shown.textContent : "") === notice) return;
    region.textContent = "";
    if (!notice) return;
    var paragraph = document.createElement("p");
    paragraph.className = "editing-presence-notice";
    paragraph.textContent = notice;
    region.appendChild(paragraph);
  }

  function follow(region) {
    var url = region.dataset.presenceUrl;
    var seconds = Number(region.dataset.presenceSeconds) || 30;
    var ask = function () {
      fetch(url, {method: "POST", body: formData(), credentials: "same-origin", headers: {"X-Requested-With": "XMLHttpRequest"}})
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (answer) { if (answer) show(region, answer.notice); })
        .catch(function () {});  // offline for a moment: the next call tries again
    };
    var timer = setInterval(ask, seconds * 1000);
    window.addEventListener("pagehide", function () {
      clearInterval(timer);
      navigator.sendBeacon(url, formData("leave"));
    });
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) {
        timer = setInterval(ask, seconds * 1000);
        ask();
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var region = document.querySelector(".editing-presence[data-presence-url]");
    if (region) follow(region);
  });
})();
