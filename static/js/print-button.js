// A "Print" button for pages made to be printed. Without JavaScript it stays hidden and the page's own
// hint (the browser's Print command) is enough.
(function () {
  "use strict";

  var buttons = document.querySelectorAll("[data-print]");
  for (var i = 0; i < buttons.length; i += 1) {
    buttons[i].hidden = false;
    buttons[i].addEventListener("click", function () {
      window.print();
    });
  }
})();
