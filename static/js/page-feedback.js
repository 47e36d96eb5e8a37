// "Is this page useful?" without reloading the page. Without JavaScript the forms post as they are and
// the server sends the browser back to the page with a thank-you.
(function () {
  "use strict";

  var box = document.getElementById("page-feedback");
  if (!box || !window.fetch || !window.FormData) {
    return;
  }
  var answerForm = box.querySelector(".page-feedback-answer");
  var commentForm = box.querySelector(".page-feedback-comment");
  var status = box.querySelector(".page-feedback-status");
  // In the page's language, from the template.
  var FAILED = box.getAttribute("data-failed");

  function send(form, extra) {
    var data = new FormData(form);
    if (extra) {
      data.append(extra.name, extra.value);
    }
    return fetch(form.action, {
      method: "POST",
      body: data,
      headers: { Accept: "application/json" },
      credentials: "omit"
    }).then(function (response) {
      return response.json().catch(function () {
        return {};
      }).then(function (body) {
        if (!response.ok) {
          throw new Error(body.errors ? body.errors.join(" ") : FAILED);
        }
        return body;
      });
    });
  }

  function say(message) {
    status.textContent = message;
  }

  answerForm.addEventListener("submit", function (event) {
    event.preventDefault();
    var button = event.submitter;
    send(answerForm, button ? { name: button.name, value: button.value } : null).then(
      function (body) {
        answerForm.hidden = true;
        say(body.message);
        if (body.token) {
          commentForm.querySelector("[name=token]").value = body.token;
          commentForm.hidden = false;
          commentForm.querySelector("textarea").focus();
        } else {
          box.focus();
        }
      },
      function (error) {
        say(error instanceof TypeError ? FAILED : error.message);
      }
    );
  });

  commentForm.addEventListener("submit", function (event) {
    event.preventDefault();
    send(commentForm).then(
      function (body) {
        commentForm.hidden = true;
        say(body.message);
        box.focus();
      },
      function (error) {
        say(error instanceof TypeError ? FAILED : error.message);
      }
    );
  });
})();
