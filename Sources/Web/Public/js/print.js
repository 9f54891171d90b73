// The quarterly report's "Afdrukken" button. The CSP allows no inline script, so the button is wired
// here; it stays hidden without JavaScript, where the browser's own print command does the same.
(function () {
  "use strict";
  var buttons = document.querySelectorAll("[data-print]");
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener("click", function () { window.print(); });
  }
})();
