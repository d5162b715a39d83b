// The "Voorbeeld" button under a rich text field in the admin (razon/richtext.py). It sends
// the text to the staff-only preview view, which answers with the sanitised HTML that
// visitors will see, and shows it under the field. Without JavaScript the button stays hidden.
"use strict";

function csrfToken(field) {
  const input = field.closest("form")?.querySelector("input[name=csrfmiddlewaretoken]");
  return input ? input.value : "";
}

async function showPreview(field, button) {
  const textarea = field.querySelector("textarea");
  const preview = field.querySelector(".richtext-field__preview");
  const body = new FormData();
  body.append("text", textarea.value);
  button.disabled = true;
  try {
    const response = await fetch(field.dataset.richtextPreviewUrl, {
      method: "POST",
      body,
      headers: { "X-CSRFToken": csrfToken(field) },
      credentials: "same-origin",
    });
    if (response.ok) {
      // The server sanitised this HTML (nh3 allow-list): it is safe to insert.
      preview.innerHTML = await response.text();
    } else {
      preview.textContent = field.dataset.richtextError;
    }
  } catch {
    preview.textContent = field.dataset.richtextError;
  } finally {
    button.disabled = false;
  }
  preview.hidden = false;
}

function revealButtons(root) {
  for (const field of root.querySelectorAll(".richtext-field")) {
    // A row added to an inline gets new ids from the admin, but not in aria-controls.
    const preview = field.querySelector(".richtext-field__preview");
    field.querySelector("[data-richtext-preview]").setAttribute("aria-controls", preview.id);
    field.querySelector(".richtext-field__tools").hidden = false;
  }
}

document.addEventListener("DOMContentLoaded", () => revealButtons(document));
// Rows added to an inline in the admin ("Nog een … toevoegen").
document.addEventListener("formset:added", (event) => revealButtons(event.target));
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-richtext-preview]");
  if (button) {
    showPreview(button.closest("[data-richtext-preview-url]"), button);
  }
});
