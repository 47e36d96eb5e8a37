// The admin's article editor, beside django-markdownx's own script (the desk's layout and preview are in
// editor-desk.js, images and their upload messages in editor-images.js):
// - refresh the plain-language and checks-before-publishing panels from the server each time the
//   live preview updates, or the article's language changes: the panels measure and check the text in
//   the language chosen in the form (the preview links its glossary words to that language's glossary).
// A file, not an inline script: the site's Content-Security-Policy allows no inline scripts.
"use strict";

(function () {
  function csrfToken(widget) {
    var field = widget.closest("form").querySelector("input[name='csrfmiddlewaretoken']");
    return field ? field.value : "";
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
