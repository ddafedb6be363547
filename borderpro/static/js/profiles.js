// Security profile workspace: keyboard shortcuts for the inline editor.
// Ctrl/Cmd+Enter saves the editor you are typing in; Escape cancels it; "/" focuses the search.
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    var editor = event.target.closest && event.target.closest("[data-pf-editor]");
    if (editor && event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (editor.requestSubmit) { editor.requestSubmit(); } else { editor.submit(); }
      return;
    }
    if (editor && event.key === "Escape") {
      var cancel = editor.querySelector("[data-pf-cancel]");
      if (cancel) { event.preventDefault(); cancel.click(); }
      return;
    }
    if (event.key === "/" && !/INPUT|TEXTAREA|SELECT/.test(event.target.tagName)) {
      var search = document.getElementById("pf-q");
      if (search) { event.preventDefault(); search.focus(); }
    }
  });
  // Focus the first field of an editor when htmx swaps it in.
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target;
    var editor = target && (target.matches("[data-pf-editor]") ? target : null);
    if (!editor) { editor = document.querySelector(".pf-editing[data-pf-editor]"); }
    if (editor) { var field = editor.querySelector("textarea, select, input:not([type=hidden])"); if (field) { field.focus(); } }
  });
})();
