// Images in the admin's article editor (templates/editing/desk.html):
// - "Add image" opens the file chooser; an image dropped or pasted into the text takes the same path;
// - before anything is inserted, a dialog asks for the image's description (alt text), or for the
//   deliberate choice "decorative image", which writes an empty description and the mark
//   `<!-- decorative -->` that tells the checks before publishing the emptiness is meant;
// - the image is uploaded to the site's own upload view (editing/views.py upload_image) and its Markdown
//   inserted at the caret on lines of its own, a blank line before and after, so it never runs into a
//   heading or paragraph;
// - why an upload was refused is said above the text.
// markdownx's own drop and paste handling never sees these files: the desk takes them first.
// A file, not an inline script: the site's Content-Security-Policy allows no inline scripts.
"use strict";

(function () {
  var DECORATIVE_MARK = "<!-- decorative -->";
  var DESCRIBE_OR_DECORATIVE = "Describe the image, or tick \u201cDecorative image\u201d if it adds nothing to the words.";

  function csrfToken(widget) {
    var field = widget.closest("form").querySelector("input[name='csrfmiddlewaretoken']");
    return field ? field.value : "";
  }

  // The Markdown of an image: the description's brackets and backslashes escaped, its lines joined.
  function imageMarkdown(url, description, decorative) {
    if (decorative) return "![](" + url + ")" + DECORATIVE_MARK;
    var alt = description.replace(/\s+/g, " ").trim().replace(/([\\[\]])/g, "\\$1");
    return "![" + alt + "](" + url + ")";
  }

  // Put `block` in place of `editor`'s text from `start` to `end`, as a paragraph of its own: a blank line
  // before it (unless it opens the text) and after it; the caret goes after the blank line.
  function insertBlock(editor, block, start, end) {
    var before = editor.value.slice(0, start);
    var after = editor.value.slice(end);
    var lead = before === "" || /\n\n$/.test(before) ? "" : /\n$/.test(before) ? "\n" : "\n\n";
    var trail = /^\n\n/.test(after) ? "" : /^\n/.test(after) ? "\n" : "\n\n";
    var text = lead + block + trail;
    editor.setRangeText(text, start, end, "end");
    editor.dispatchEvent(new Event("input", {bubbles: true})); // markdownx and the panels follow
  }

  function imageDesk(widget, editor) {
    var button = widget.querySelector(".desk-add-image");
    var chooser = widget.querySelector(".desk-image-file");
    var status = widget.querySelector(".upload-error");
    var dialog = widget.querySelector(".desk-image-dialog");
    var description = dialog.querySelector(".desk-image-alt");
    var decorative = dialog.querySelector(".desk-image-decorative");
    var error = dialog.querySelector(".desk-image-error");
    var insert = dialog.querySelector(".desk-image-insert");
    var thumbnail = dialog.querySelector(".desk-image-thumbnail");
    var waiting = []; // files chosen, dropped or pasted, described one at a time
    var asking = null; // {file, start, end}: the image being described, and where it goes

    function showError(message) {
      error.textContent = message;
      if (message) description.setAttribute("aria-invalid", "true");
      else description.removeAttribute("aria-invalid");
    }

    function askNext() {
      if (asking || !waiting.length) return;
      asking = {file: waiting.shift(), start: editor.selectionStart, end: editor.selectionEnd};
      description.value = "";
      description.disabled = false;
      decorative.checked = false;
      insert.disabled = false;
      showError("");
      dialog.querySelector(".desk-image-name").textContent = "Image: " + asking.file.name;
      thumbnail.removeAttribute("src");
      var reader = new FileReader(); // a data: address: the policy allows those for images, not blob:
      reader.onload = function () { thumbnail.src = reader.result; };
      reader.readAsDataURL(asking.file);
      dialog.showModal();
      description.focus();
    }

    function close() {
      var chosen = asking;
      asking = null;
      if (dialog.open) dialog.close();
      // Closing gives the focus back to the text, and Chromium then puts the caret at its start.
      if (chosen && document.activeElement === editor) editor.setSelectionRange(chosen.start, chosen.end);
    }

    function finish() {
      close();
      askNext();
    }

    function ask(files) {
      Array.prototype.forEach.call(files, function (file) { waiting.push(file); });
      askNext();
    }

    function upload() {
      if (!decorative.checked && !description.value.trim()) {
        showError(DESCRIBE_OR_DECORATIVE);
        description.focus();
        return;
      }
      var chosen = asking;
      var body = new FormData();
      body.append("image", chosen.file);
      body.append("csrfmiddlewaretoken", csrfToken(widget));
      var request = new XMLHttpRequest();
      request.open("POST", editor.dataset.markdownxUploadUrlsPath);
      request.setRequestHeader("X-Requested-With", "XMLHttpRequest");
      insert.disabled = true;
      request.onload = function () {
        if (asking !== chosen) return; // cancelled meanwhile
        var answer = {};
        try { answer = JSON.parse(request.responseText); } catch (ignored) { /* said below */ }
        var uploaded = request.status === 200 && answer.image_url;
        var markdown = uploaded && imageMarkdown(answer.image_url, description.value, decorative.checked);
        status.textContent = uploaded ? "" : "Image not uploaded: " + (answer.error || "the site did not accept it. Try again.");
        close();
        if (uploaded) {
          editor.focus();
          insertBlock(editor, markdown, chosen.start, chosen.end);
        }
        askNext();
      };
      request.onerror = function () {
        if (asking !== chosen) return;
        status.textContent = "Image not uploaded: the site could not be reached. Try again.";
        close();
        askNext();
      };
      request.send(body);
    }

    button.addEventListener("click", function () { chooser.click(); });
    chooser.addEventListener("change", function () {
      ask(chooser.files);
      chooser.value = "";
    });
    // Files dropped or pasted into the text, taken in the capture phase, before markdownx's own handlers.
    [["drop", "dataTransfer"], ["paste", "clipboardData"]].forEach(function (kind) {
      widget.addEventListener(kind[0], function (event) {
        var carried = event[kind[1]];
        if (event.target !== editor || !carried || !carried.files.length) return;
        event.preventDefault();
        event.stopPropagation();
        ask(carried.files);
      }, true);
    });
    decorative.addEventListener("change", function () {
      description.disabled = decorative.checked;
      if (decorative.checked) showError("");
    });
    description.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { // not the article form's submit
        event.preventDefault();
        upload();
      }
    });
    insert.addEventListener("click", upload);
    dialog.querySelector(".desk-image-cancel").addEventListener("click", finish);
    dialog.addEventListener("cancel", function (event) { // Escape
      event.preventDefault();
      finish();
    });
    widget.querySelector(".desk-toolbar").hidden = false;
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".markdownx.desk").forEach(function (widget) {
      imageDesk(widget, widget.querySelector("textarea"));
    });
  });
})();
