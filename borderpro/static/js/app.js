// Border Pro: small progressive enhancements. Everything works without JavaScript.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var toggle = event.target.closest("[data-nav-toggle]");
    if (toggle) {
      var open = document.body.classList.toggle("nav-open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      return;
    }
    var dismiss = event.target.closest("[data-dismiss]");
    if (dismiss) { dismiss.parentElement.remove(); return; }
    document.querySelectorAll("details[data-dropdown][open]").forEach(function (d) {
      if (!d.contains(event.target)) { d.removeAttribute("open"); }
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      document.querySelectorAll("details[data-dropdown][open]").forEach(function (d) { d.removeAttribute("open"); });
      document.body.classList.remove("nav-open");
    }
  });
  document.addEventListener("click", function (event) {
    var copy = event.target.closest("[data-copy]");
    if (copy && navigator.clipboard) {
      navigator.clipboard.writeText(document.querySelector(copy.dataset.copy).textContent.trim());
      copy.textContent = copy.dataset.copied || "Copied";
    }
  });
  // On a phone, a list's filters fold behind one button so the list is in the first screen;
  // they stay open when a filter is in use. Without JavaScript they are simply shown.
  // Only filters (GET forms): a POST form laid out the same way (export, generate, assign)
  // is an action, never hidden behind a "Filters" button.
  function foldFilters() {
    if (!window.matchMedia("(max-width: 720px)").matches) { return; }
    document.querySelectorAll("form.filters:not([method=post]):not([method=POST])").forEach(function (form) {
      var fields = form.querySelectorAll("input:not([type=hidden]):not([type=submit]), select");
      if (fields.length < 2 || form.previousElementSibling && form.previousElementSibling.matches(".filters-toggle")) { return; }
      var used = Array.prototype.some.call(fields, function (f) {
        return f.type === "checkbox" ? f.checked : f.value && f.selectedIndex !== 0;
      });
      var button = document.createElement("button");
      button.type = "button";
      button.className = "btn btn-secondary btn-small filters-toggle";
      button.textContent = document.body.getAttribute("data-filters-label") || "Filters";
      if (!form.id) { form.id = "filters-" + Math.random().toString(36).slice(2, 8); }
      button.setAttribute("aria-controls", form.id);
      button.setAttribute("aria-expanded", used ? "true" : "false");
      if (!used) { form.classList.add("is-folded"); }
      button.addEventListener("click", function () {
        var folded = form.classList.toggle("is-folded");
        button.setAttribute("aria-expanded", folded ? "false" : "true");
      });
      form.parentNode.insertBefore(button, form);
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", foldFilters); } else { foldFilters(); }
  // no inline handlers (the Content-Security-Policy allows scripts from files only)
  document.addEventListener("change", function (event) {
    var field = event.target.closest("[data-autosubmit]");
    if (field && field.form) { field.form.submit(); }
  });
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print]")) { window.print(); }
  });
  document.addEventListener("submit", function (event) {
    var message = event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) { event.preventDefault(); return; }
    // a form sent once stays sent: a double click does not post it twice
    if (event.target.hasAttribute("data-submit-once")) {
      if (event.target.dataset.sent) { event.preventDefault(); return; }
      event.target.dataset.sent = "1";
    }
  });
  // back to a page kept in memory: its forms can be sent again
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) { return; }
    document.querySelectorAll("form[data-submit-once]").forEach(function (form) { delete form.dataset.sent; });
  });
})();
