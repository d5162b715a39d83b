// Progressive enhancement only: every page works without this file.
// After htmx swaps a region: announce what changed to screen-reader users (the text the
// element that made the request names in data-announce-after-swap, else the new content's
// [data-announce] text, goes into the page's aria-live region), and when that element asks
// for it (data-focus-after-swap="#id"), move focus there.
// A changed <select> keeps its focus: htmx restores focus to elements with an id.
document.addEventListener("htmx:afterSwap", (event) => {
  const live = document.getElementById("live-region");
  const trigger = event.detail.requestConfig && event.detail.requestConfig.elt;
  const announcement = document.querySelector("[data-announce]");
  const message =
    (trigger && trigger.dataset && trigger.dataset.announceAfterSwap) ||
    (announcement && announcement.dataset.announce);
  if (live && message) {
    live.textContent = message;
  }
  const asking = trigger && trigger.closest && trigger.closest("[data-focus-after-swap]");
  const selector = asking && asking.dataset.focusAfterSwap;
  const focusTarget = selector && document.querySelector(selector);
  if (focusTarget) {
    focusTarget.focus();
  }
});

// Filter forms send every field; leave the empty ones out of GET requests so that the URL
// pushed into the history is as short as the one the visitor would share.
document.addEventListener("htmx:configRequest", (event) => {
  if (event.detail.verb !== "get") {
    return;
  }
  const parameters = event.detail.parameters;
  for (const key of Object.keys(parameters)) {
    if (parameters[key] === "") {
      delete parameters[key];
    }
  }
});

// A filter form's search field sends its words while the visitor types (after a pause). The
// change event it fires when it loses focus would send them once more, racing the click that
// took the focus away ("Wis alle filters", a tab) and pushing the old address after it.
document.addEventListener(
  "change",
  (event) => {
    if (event.target.matches("form[data-hx-trigger] input[type=search], [data-combobox] [role=combobox]")) {
      event.stopPropagation();
    }
  },
  true,
);

// Comboboxes of facets with many options (components.html#facet_combobox), after the WAI-ARIA
// combobox pattern with list autocomplete: focusing or typing (after a pause) loads the
// matching options from the facet's options address under the form's other filters; arrows
// move through them (aria-activedescendant), Enter or a click chooses one, which sets the
// hidden field and sends the form as a changed select would; Escape closes the list or
// restores the chosen name. The number found is announced in the live region. The CSS shows
// the combobox only with this `js` class, the link to the options page without it.
document.documentElement.classList.add("js");

const COMBOBOX_DELAY = 250;
// The id of the combobox just chosen from: the focus htmx gives back after the swap must not
// open its list again.
let comboboxChosen = null;

function comboboxParts(input) {
  const box = input.closest("[data-combobox]");
  return {
    box,
    value: box.querySelector(`input[type=hidden][name="${box.dataset.combobox}"]`),
    listbox: document.getElementById(input.getAttribute("aria-controls")),
  };
}

function comboboxOpen(input, open) {
  const { listbox } = comboboxParts(input);
  const shown = open && listbox.children.length > 0;
  listbox.hidden = !shown;
  input.setAttribute("aria-expanded", shown ? "true" : "false");
  if (!shown) {
    comboboxActivate(input, null);
  }
}

function comboboxActivate(input, option) {
  const { listbox } = comboboxParts(input);
  for (const other of listbox.querySelectorAll("[aria-selected=true]")) {
    other.setAttribute("aria-selected", "false");
  }
  if (option) {
    option.setAttribute("aria-selected", "true");
    option.scrollIntoView({ block: "nearest" });
    input.setAttribute("aria-activedescendant", option.id);
  } else {
    input.removeAttribute("aria-activedescendant");
  }
}

function comboboxLoad(input) {
  const { box, listbox } = comboboxParts(input);
  const parameters = new URLSearchParams();
  for (const [key, value] of new FormData(input.form)) {
    if (value !== "" && key !== box.dataset.combobox) {
      parameters.append(key, value);
    }
  }
  const text = input.value.trim();
  if (text && input.value !== input.dataset.chosenLabel) {
    parameters.set("zoekterm", text);
  }
  const url = `${box.dataset.optionsUrl}?${parameters}`;
  input.comboboxUrl = url;
  fetch(url, { headers: { "HX-Request": "true", "HX-Target": listbox.id } })
    .then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
    .then((html) => {
      if (input.comboboxUrl !== url || document.activeElement !== input) {
        return; // a later request or the visitor left
      }
      const template = document.createElement("template");
      template.innerHTML = html;
      listbox.replaceChildren(...template.content.querySelectorAll("[role=option]"));
      comboboxOpen(input, true);
      const status = template.content.querySelector("[data-combobox-status]");
      const live = document.getElementById("live-region");
      if (live && status) {
        live.textContent = status.textContent.trim();
      }
    })
    .catch(() => comboboxOpen(input, false));
}

function comboboxChoose(input, option) {
  const { value } = comboboxParts(input);
  value.value = option.dataset.value;
  input.value = option.dataset.label;
  input.dataset.chosenLabel = option.dataset.label;
  comboboxOpen(input, false);
  comboboxChosen = input.id;
  value.dispatchEvent(new Event("change", { bubbles: true }));
}

document.addEventListener("focusin", (event) => {
  if (event.target.matches("[data-combobox] [role=combobox]")) {
    if (comboboxChosen === event.target.id) {
      comboboxChosen = null;
    } else {
      comboboxLoad(event.target);
    }
  }
});

document.addEventListener("focusout", (event) => {
  const input = event.target;
  if (input.matches("[data-combobox] [role=combobox]")) {
    clearTimeout(input.comboboxTimer);
    input.comboboxUrl = null;
    comboboxOpen(input, false);
    input.value = input.dataset.chosenLabel || "";
  }
});

document.addEventListener("input", (event) => {
  const input = event.target;
  if (input.matches("[data-combobox] [role=combobox]")) {
    clearTimeout(input.comboboxTimer);
    input.comboboxTimer = setTimeout(() => comboboxLoad(input), COMBOBOX_DELAY);
  }
});

document.addEventListener("keydown", (event) => {
  const input = event.target;
  if (!input.matches("[data-combobox] [role=combobox]")) {
    return;
  }
  const { listbox } = comboboxParts(input);
  const options = [...listbox.querySelectorAll("[role=option]")];
  const active = listbox.querySelector("[aria-selected=true]");
  const index = options.indexOf(active);
  if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    event.preventDefault();
    if (!options.length) {
      comboboxLoad(input);
      return;
    }
    if (listbox.hidden) {
      comboboxOpen(input, true);
    }
    const step = event.key === "ArrowDown" ? 1 : -1;
    const next = index === -1 ? (step > 0 ? 0 : options.length - 1) : index + step;
    comboboxActivate(input, options[(next + options.length) % options.length]);
  } else if (event.key === "Enter") {
    if (!listbox.hidden) {
      event.preventDefault(); // choosing must not send the form as typed
      if (active) {
        comboboxChoose(input, active);
      }
    }
  } else if (event.key === "Escape") {
    if (!listbox.hidden) {
      event.preventDefault();
      comboboxOpen(input, false);
    } else {
      input.value = input.dataset.chosenLabel || "";
    }
  }
});

// A click on an option chooses it; pressing the mouse there keeps the focus in the input.
document.addEventListener("htmx:afterSettle", () => {
  comboboxChosen = null;
});
document.addEventListener("mousedown", (event) => {
  if (event.target.closest(".combobox__listbox [role=option]")) {
    event.preventDefault();
  }
});
document.addEventListener("click", (event) => {
  const option = event.target.closest(".combobox__listbox [role=option]");
  if (option) {
    const input = document.querySelector(`[aria-controls="${option.parentElement.id}"]`);
    comboboxChoose(input, option);
  }
});

// The regiokaart: the area chosen (by htmx, in place) stays marked (aria-current, as the
// server marks it on a whole page), and the name of the area under the pointer or the focus
// is written under the map (its <title> only shows on hover, after a delay).
document.addEventListener("htmx:afterSwap", (event) => {
  const trigger = event.detail.requestConfig && event.detail.requestConfig.elt;
  const map = trigger && trigger.closest && trigger.closest(".regiokaart__svg");
  if (!map) {
    return;
  }
  for (const other of map.querySelectorAll(".rk-area[aria-current]")) {
    other.removeAttribute("aria-current");
  }
  trigger.setAttribute("aria-current", "true");
});

function mapStatus(event) {
  const area = event.target.closest && event.target.closest(".rk-area");
  const figure = area && area.closest(".regiokaart");
  const status = figure && figure.querySelector("[data-map-status]");
  if (status) {
    const title = area.querySelector("title");
    status.textContent = title ? title.textContent : "";
  }
}
document.addEventListener("mouseover", mapStatus);
document.addEventListener("focusin", mapStatus);
