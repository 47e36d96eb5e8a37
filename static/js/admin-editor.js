// The admin's article editor: say why an image upload was refused, next to the editor.
// markdownx inserts the words "Invalid response" where the image would have gone; they are taken out
// again and the server's message is shown instead. A file, not an inline script: the site's CSP allows
// no inline scripts.
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".markdownx").forEach(function (widget) {
    var editor = widget.querySelector("textarea");
    var status = document.createElement("p");
    status.className = "upload-error";
    status.setAttribute("role", "alert");
    widget.insertBefore(status, widget.firstChild);

    widget.addEventListener("markdownx.fileUploadStart", function () {
      status.textContent = "";
    });
    widget.addEventListener("markdownx.fileUploadEnd", function () {
      status.textContent = "";
    });
    widget.addEventListener("markdownx.fileUploadError", function (event) {
      var response = event.detail && event.detail[0];
      var message = (response && response.error) || "The image could not be uploaded.";
      status.textContent = "Image not uploaded: " + message;
      var before = editor.value;
      setTimeout(function () {
        var inserted = editor.value.indexOf("Invalid response");
        if (inserted !== -1 && editor.value.length === before.length + "Invalid response".length) {
          editor.value = editor.value.slice(0, inserted) + editor.value.slice(inserted + "Invalid response".length);
        }
      }, 0);
    });
  });
});
