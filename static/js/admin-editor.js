// The admin's article editor, beside django-markdownx's own script:
// - say why an image upload was refused, next to the editor (markdownx inserts the words
//   "Invalid response" where the image would have gone; they are taken out again);
// - refresh the plain-language and checks-before-publishing panels from the server each time the
//   live preview updates, or the article's language changes: the panels measure and check the text in
//   the language chosen in the form (the preview links its glossary words to that language's glossary).
// A file, not an inline script: the site's Content-Security-Policy allows no inline scripts.
"use strict";

(function () {
  var FAILED_UPLOAD_TEXT = "Invalid response";

  function csrfToken(widget) {
    var field = widget.closest("form").querySelector("input[name='csrfmiddlewaretoken']");
    return field ? field.value : "";
  }

  function reportUploads(widget, editor) {
    var status = document.createElement("p");
    status.className = "upload-error";
    status.setAttribute("role", "alert");
    widget.insertBefore(status, widget.firstChild);

    widget.addEventListener("markdownx.fileUploadEnd", function () {
      status.textContent = "";
    });
    widget.addEventListener("markdownx.fileUploadError", function (event) {
      var response = event.detail && event.detail[0];
      var message = (response && response.error) || "The image could not be uploaded.";
      status.textContent = "Image not uploaded: " + message;
      var before = editor.value;
      setTimeout(function () {
        var inserted = editor.value.indexOf(FAILED_UPLOAD_TEXT);
        if (inserted !== -1 && editor.value.length === before.length + FAILED_UPLOAD_TEXT.length) {
          editor.value = editor.value.slice(0, inserted) + editor.value.slice(inserted + FAILED_UPLOAD_TEXT.length);
        }
      }, 0);
    });
  }

  // Re-fill each of `panels` ({element, url}) from its URL, POSTing the Markdown, each time markdownx
  // refreshes its preview: one request at a time, so typing never floods the server; a newer text
  // abandons the requests for an older one.
  function followTyping(widget, editor, panels, language) {
    panels = panels.filter(function (panel) { return panel.element && panel.url; });
    if (!panels.length) return;
    var pending = null;
    function refresh(index, text) {
      if (index >= panels.length) return;
      var body = new FormData();
      body.append("content", text);
      body.append("language", language());
      body.append("csrfmiddlewaretoken", csrfToken(widget));
      var request = new XMLHttpRequest();
      pending = request;
      request.open("POST", panels[index].url);
      request.setRequestHeader("X-Requested-With", "XMLHttpRequest");
      request.onload = function () {
        if (request.status === 200) panels[index].element.innerHTML = request.responseText;
        if (pending === request) refresh(index + 1, text);
      };
      request.send(body);
    }
    widget.addEventListener("markdownx.update", function () {
      if (pending) pending.abort();
      refresh(0, editor.value);
    });
    return function () {
      if (pending) pending.abort();
      refresh(0, editor.value);
    };
  }

  // markdownx posts only the text to its preview address, which it reads from the editor's attribute
  // before each request: the language goes in that address.
  function previewInLanguage(editor, language) {
    var address = editor.getAttribute("data-markdownx-urls-path");
    if (!address) return;
    var base = address.split("?")[0];
    editor.setAttribute("data-markdownx-urls-path", base + "?language=" + encodeURIComponent(language()));
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".markdownx").forEach(function (widget) {
      var editor = widget.querySelector("textarea");
      reportUploads(widget, editor);
      var languageField = widget.closest("form").querySelector("select[name='language']");
      var language = function () { return languageField ? languageField.value : ""; };
      var readingLevel = document.querySelector(".plain-language-panel[data-reading-level-url]");
      var checks = document.querySelector(".publishing-checks-panel[data-checks-url]");
      var refreshPanels = followTyping(widget, editor, [
        {element: readingLevel, url: readingLevel && readingLevel.dataset.readingLevelUrl},
        {element: checks, url: checks && checks.dataset.checksUrl},
      ], language);
      previewInLanguage(editor, language);
      if (languageField) {
        languageField.addEventListener("change", function () {
          previewInLanguage(editor, language);
          if (refreshPanels) refreshPanels();
        });
      }
    });
  });
})();
