/* Names for the parts of Django's admin widgets that have none (#22; axe checks every admin
   page a role uses, tests/e2e/test_admin_axe.py). Loaded on every admin page by
   templates/admin/base_site.html; the texts come from its #admin-a11y-texts (translated).
   - The autocomplete widget (select2, `autocomplete_fields`) draws a combobox and a search box
     beside the labelled <select>: both are named by the field's label.
   - The two-list chooser (`filter_horizontal`) puts aria-label on the search icon's <span>,
     which has no role: it becomes an image with that name.
   - Tabular inlines have empty header cells over the saved item's column and the delete
     column: they get a text for screen readers.
   The widgets draw themselves after load and when an inline row is added, so this runs again
   after every change to the page (a MutationObserver, batched per frame). */
(function () {
  "use strict";

  var texts = {};
  var pending = false;

  function readTexts() {
    var node = document.getElementById("admin-a11y-texts");
    if (node) texts = JSON.parse(node.textContent);
  }

  function labelId(field) {
    var label = field.id && document.querySelector('label[for="' + field.id + '"]');
    if (!label) return "";
    if (!label.id) label.id = field.id + "-label";
    return label.id;
  }

  function nameAutocompletes(root) {
    root.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      var container = select.nextElementSibling;
      var label = labelId(select);
      if (!label || !container || !container.classList.contains("select2")) return;
      var combobox = container.querySelector('[role="combobox"]');
      if (combobox && !combobox.hasAttribute("data-a11y-named")) {
        var rendered = combobox.querySelector(".select2-selection__rendered[id]");
        combobox.setAttribute("aria-labelledby", label + (rendered ? " " + rendered.id : ""));
        combobox.setAttribute("data-a11y-named", "");
      }
      container.querySelectorAll(".select2-search__field").forEach(function (search) {
        search.setAttribute("aria-labelledby", label);
      });
    });
  }

  function nameFilterIcons(root) {
    root.querySelectorAll(".selector .help-tooltip[aria-label]:not([role])").forEach(function (icon) {
      icon.setAttribute("role", "img");
    });
  }

  function nameEmptyHeaders(root) {
    root.querySelectorAll(".tabular thead th").forEach(function (cell) {
      if (cell.textContent.trim() || cell.querySelector("img[alt]")) return;
      var table = cell.closest("table");
      var text = cell.classList.contains("original")
        ? texts.item
        : table.querySelector('td.delete input[type="checkbox"]') ? texts.delete : texts.none;
      var hidden = document.createElement("span");
      hidden.className = "visually-hidden";
      hidden.textContent = text || "–";
      cell.appendChild(hidden);
    });
  }

  function run() {
    pending = false;
    nameAutocompletes(document);
    nameFilterIcons(document);
    nameEmptyHeaders(document);
  }

  function schedule() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(run);
  }

  function start() {
    readTexts();
    run();
    new MutationObserver(schedule).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
