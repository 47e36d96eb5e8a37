// The editor's desk in the admin's article form (templates/editing/desk.html):
// - on a wide screen the body's text and its preview side by side, each scrolling on its own; on a narrow
//   one, Write and Preview tabs (the WAI-ARIA tabs pattern: arrow keys, Home and End move between them);
// - the preview in a frame that links the public stylesheet, so it looks exactly as the published page:
//   markdownx renders into its own hidden box, and the HTML moves into the frame;
// - the preview follows the caret: it scrolls to the heading of the section being written;
// - the checks before publishing sit beside the preview;
// - Tab and Shift+Tab leave the text, as in any text box: markdownx would take them for indenting, which
//   traps a keyboard user in the text (Markdown needs no tab characters).
// A file, not an inline script: the site's Content-Security-Policy allows no inline scripts or styles.
"use strict";

(function () {
  // Widths of the desk itself, in em of the page: the admin's side bar takes some of the window.
  var SIDE_BY_SIDE = 50;
  var THREE_COLUMNS = 75;
  var FENCE = /^\s*(```|~~~)/;
  // A heading the renderer keeps (articles/markdown.py allows h2 to h4; a # heading becomes h2), also
  // inside a blockquote (a care card).
  var HEADING = /^(?:>\s?)*#{1,4}(?!#)/;

  // The number (from 0) of the heading whose section holds position `caret` of Markdown `text`, or -1
  // before the first heading. Fenced code is skipped, as the renderer does.
  function sectionAt(text, caret) {
    var inCode = false;
    var heading = -1;
    text.slice(0, caret).split("\n").forEach(function (line) {
      if (FENCE.test(line)) inCode = !inCode;
      else if (!inCode && HEADING.test(line)) heading += 1;
    });
    return heading;
  }

  // Make links in the frame's page open in a new tab (the public pages refuse to be shown in a frame),
  // and in-page links scroll the frame.
  function openLinksOutside(frame, page) {
    page.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a[href]");
      if (!link) return;
      event.preventDefault();
      var href = link.getAttribute("href");
      if (href.charAt(0) === "#") {
        var target = page.getElementById(decodeURIComponent(href.slice(1)));
        if (target) scrollFrameTo(frame, target);
      } else {
        window.open(link.href, "_blank", "noopener");
      }
    });
  }

  function scrollFrameTo(frame, element) {
    var view = frame.contentWindow;
    var top = element ? element.getBoundingClientRect().top + view.scrollY - 8 : 0;
    view.scrollTo(0, Math.max(top, 0));
  }

  // Keep the frame's preview in step with markdownx's, and scrolled to the caret's section. The frame's
  // page (desk.html's srcdoc: the public stylesheet and article-body container) may load after the first
  // preview arrives; that preview waits for it.
  function preview(widget, editor, frame) {
    var source = widget.querySelector(".markdownx-preview");
    var body = null;
    var waiting = null;
    var shown = null;

    function follow(always) {
      if (!body) return;
      var section = sectionAt(editor.value, editor.selectionStart);
      if (!always && section === shown) return;
      shown = section;
      var headings = body.querySelectorAll("h2, h3, h4");
      scrollFrameTo(frame, section < 0 ? null : headings[Math.min(section, headings.length - 1)]);
    }

    function show(html) {
      if (!body) {
        waiting = html;
        return;
      }
      body.innerHTML = html;
      follow(true);
    }

    function ready() {
      var page = frame.contentDocument;
      if (body || !page || !page.querySelector(".article-body")) return;
      body = page.querySelector(".article-body");
      // The article's language: the form's choice when it has one, else the one the body was opened in.
      var choice = widget.closest("form").querySelector("select[name='language']");
      var language = function () {
        page.documentElement.lang = editor.lang = (choice && choice.value) || editor.lang || document.documentElement.lang;
      };
      language();
      if (choice) choice.addEventListener("change", language);
      openLinksOutside(frame, page);
      if (waiting !== null) show(waiting);
    }

    frame.addEventListener("load", ready);
    ready();
    widget.addEventListener("markdownx.update", function () {
      var html = source.innerHTML;
      source.textContent = ""; // one copy only, so the admin page never holds the preview's ids twice
      show(html);
    });
    ["keyup", "click", "focus", "select"].forEach(function (type) {
      editor.addEventListener(type, function () { follow(false); });
    });
    return function () { follow(true); };
  }

  // Write and Preview tabs on a narrow desk; both panes side by side on a wide one (no tab roles then).
  function tabs(widget, onPreview) {
    var list = widget.querySelector(".desk-tabs");
    var buttons = Array.prototype.slice.call(list.querySelectorAll("[role=tab]"));
    var panes = buttons.map(function (button) {
      return document.getElementById(button.getAttribute("aria-controls"));
    });
    var wide = null;
    var current = 0;

    function select(index, focus) {
      current = index;
      buttons.forEach(function (button, i) {
        button.setAttribute("aria-selected", String(i === index));
        button.tabIndex = i === index ? 0 : -1;
        panes[i].hidden = !wide && i !== index;
      });
      if (focus) buttons[index].focus();
      if (index === 1 || wide) onPreview();
    }

    function layout() {
      var em = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      var width = widget.parentElement.clientWidth / em;
      if (wide === width >= SIDE_BY_SIDE && widget.classList.contains("desk-three-columns") === width >= THREE_COLUMNS) return;
      wide = width >= SIDE_BY_SIDE;
      list.hidden = wide;
      widget.classList.toggle("desk-side-by-side", wide);
      widget.classList.toggle("desk-three-columns", width >= THREE_COLUMNS);
      panes.forEach(function (pane, i) {
        if (wide) {
          pane.removeAttribute("role");
          pane.removeAttribute("aria-labelledby");
        } else {
          pane.setAttribute("role", "tabpanel");
          pane.setAttribute("aria-labelledby", buttons[i].id);
        }
      });
      select(current, false);
    }

    buttons.forEach(function (button, i) {
      button.addEventListener("click", function () { select(i, false); });
    });
    list.addEventListener("keydown", function (event) {
      var last = buttons.length - 1;
      var next = {
        ArrowRight: current === last ? 0 : current + 1,
        ArrowLeft: current === 0 ? last : current - 1,
        Home: 0,
        End: last,
      }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      select(next, true);
    });
    new ResizeObserver(layout).observe(widget.parentElement);
    layout();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".markdownx.desk").forEach(function (widget) {
      var editor = widget.querySelector("textarea");
      var frame = widget.querySelector(".desk-preview-frame");
      var checks = document.querySelector(".publishing-checks-panel");
      var checksSection = checks && checks.closest("fieldset");
      if (checksSection) widget.querySelector(".desk-side").appendChild(checksSection);
      tabs(widget, preview(widget, editor, frame));
      // In the capture phase, before markdownx's own handler on the textarea.
      widget.addEventListener("keydown", function (event) {
        if (event.key === "Tab" && event.target === editor && !event.ctrlKey && !event.altKey && !event.metaKey) {
          event.stopPropagation();
        }
      }, true);
    });
  });
})();
