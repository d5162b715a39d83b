/* Names for the parts of Django's admin widgets that have none (#22; axe checks every admin
   page a role uses, tests/e2e/test_admin_axe.py). Loaded on every admin page by
   templates/admin/base_site.html; the texts come from its #admin-a11y-texts (translated).
   - The autocomplete widget (select2, `autocomplete_fields`) draws a combobox and a search box
     beside the labelled <select>: both are named by the field's label.
   - The two-list chooser (`filter_horizontal`) puts aria-label on the search icon's <span>,
     which has no role: it becomes an image with that name.
   - Tabular inlines have empty header cells over the saved item's column and the delete
     column: they get a text for screen readers.
   - Fields in a tabular inline's rows have no label: their column's header names them.
   - A file field's input sits in a fieldset whose legend is the field's label: it is named
     by that legend.
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
    if (label) {
      if (!label.id) label.id = field.id + "-label";
      return label.id;
    }
    return headerId(field);
  }

  // In a tabular inline a field has no label: its column's header names it.
  function headerId(field) {
    var cell = field.closest(".tabular tbody td");
    var table = cell && cell.closest("table");
    var header = table && table.tHead && table.tHead.rows[0].cells[cell.cellIndex];
    if (!header || !header.textContent.trim()) return "";
    if (!header.id) header.id = (table.closest(".inline-group") || table).id + "-col-" + cell.cellIndex;
    return header.id;
  }

  function nameInlineFields(root) {
    root.querySelectorAll(".tabular tbody td input, .tabular tbody td select, .tabular tbody td textarea").forEach(function (field) {
      if (field.type === "hidden" || field.classList.contains("admin-autocomplete")) return;
      if ((field.labels && field.labels.length) || field.hasAttribute("aria-labelledby")) return;
      var id = headerId(field);
      if (id) field.setAttribute("aria-labelledby", id);
    });
  }

  function nameAutocompletes(root) {
    root.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      var container = select.nextElementSibling;
      var label = labelId(select);
      if (!label || !container || !container.classList.contains("select2")) return;
      var combobox = container.querySelector('[role="combobox"]');
      if (combobox && !combobox.hasAttribute("data-a11y-named")) {
        var rendered = combobox.querySelector(".select2-selection__rendered[id]");
        if (rendered) {
          // The choice shown inside the combobox is its value, not a text field of its own.
          rendered.removeAttribute("role");
          rendered.removeAttribute("aria-readonly");
        }
        combobox.setAttribute("aria-labelledby", label + (rendered ? " " + rendered.id : ""));
        combobox.setAttribute("data-a11y-named", "");
      }
      container.querySelectorAll(".select2-search__field").forEach(function (search) {
        search.setAttribute("aria-labelledby", label);
      });
      // The "remove all" cross is a mouse shortcut (Backspace does the same) that select2
      // draws inside the list of choices, where only list items belong: it moves just before
      // the list (select2 finds it anywhere in the combobox).
      container.querySelectorAll("ul > .select2-selection__clear").forEach(function (cross) {
        cross.setAttribute("aria-hidden", "true");
        cross.parentNode.parentNode.insertBefore(cross, cross.parentNode);
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

  function nameFileInputs(root) {
    // A file field is a group (Django's use_fieldset): its <legend> names the group, and here
    // the file input too, which has no <label> of its own.
    root.querySelectorAll('fieldset input[type="file"]').forEach(function (input) {
      if ((input.labels && input.labels.length) || input.hasAttribute("aria-labelledby")) return;
      var legend = input.closest("fieldset").querySelector(":scope > legend");
      if (!legend) return;
      if (!legend.id) legend.id = input.id + "-legend";
      input.setAttribute("aria-labelledby", legend.id);
    });
  }

  function run() {
    pending = false;
    nameAutocompletes(document);
    nameFilterIcons(document);
    nameEmptyHeaders(document);
    nameInlineFields(document);
    nameFileInputs(document);
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
