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
  outlineSelected(map);
});

// The chosen area's outline, drawn over its neighbours (an area is painted in document order,
// so a neighbour drawn later covers half its border); the area itself stays where it is in
// the tab order. Hidden from assistive technology: aria-current says it.
const SVG = "http://www.w3.org/2000/svg";
function outlineSelected(map) {
  for (const old of map.querySelectorAll(".rk-selected")) {
    old.remove();
  }
  const area = map.querySelector(".rk-area[aria-current]");
  if (!area) {
    return;
  }
  const group = document.createElementNS(SVG, "g");
  group.setAttribute("class", "rk-selected");
  group.setAttribute("aria-hidden", "true");
  for (const part of ["rk-selected__halo", "rk-selected__line"]) {
    for (const use of area.querySelectorAll("use")) {
      const copy = document.createElementNS(SVG, "use");
      copy.setAttribute("href", use.getAttribute("href"));
      copy.setAttribute("class", part);
      group.append(copy);
    }
  }
  const labels = map.querySelector(".rk-labels");
  map.insertBefore(group, labels && labels.parentNode === map ? labels : null);
}
document.addEventListener("DOMContentLoaded", () => {
  for (const map of document.querySelectorAll(".regiokaart__svg")) {
    outlineSelected(map);
  }
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

// Disclosures (the phone header's "Menu" and "Zoeken", a filter form's "Filters (n)"): links
// that work without JavaScript (to an anchor the CSS shows with :target, or to a page) become
// buttons that open and close the element they name in place (aria-expanded, `is-open`).
function initDisclosures(root) {
  for (const toggle of root.querySelectorAll("[data-disclosure]")) {
    toggle.setAttribute("role", "button");
    toggle.setAttribute("aria-controls", toggle.dataset.disclosure);
    const target = document.getElementById(toggle.dataset.disclosure);
    toggle.setAttribute("aria-expanded", target && target.classList.contains("is-open") ? "true" : "false");
  }
}
document.addEventListener("htmx:load", (event) => initDisclosures(event.target));
document.addEventListener("DOMContentLoaded", () => initDisclosures(document));

function setDisclosure(id, open) {
  const target = document.getElementById(id);
  if (!target) {
    return;
  }
  target.classList.toggle("is-open", open);
  for (const toggle of document.querySelectorAll(`[data-disclosure="${id}"]`)) {
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  }
}

document.addEventListener("click", (event) => {
  const toggle = event.target.closest && event.target.closest("[data-disclosure]");
  if (toggle) {
    event.preventDefault();
    const open = toggle.getAttribute("aria-expanded") !== "true";
    setDisclosure(toggle.dataset.disclosure, open);
    const focus = open && toggle.dataset.disclosureFocus && document.querySelector(toggle.dataset.disclosureFocus);
    if (focus) {
      focus.focus();
    }
    return;
  }
  const closer = event.target.closest && event.target.closest("[data-disclosure-close]");
  if (closer) {
    setDisclosure(closer.dataset.disclosureClose, false);
  }
});
document.addEventListener("keydown", (event) => {
  if (event.key === " " && event.target.matches && event.target.matches("a[data-disclosure]")) {
    event.preventDefault();
    event.target.click();
  }
});

// Loading state of every htmx request (filters, tabs, search, map, forms): the page gets
// `is-loading` (a bar at the top, razon.css), the region being replaced aria-busy, and a
// request that takes a moment is announced politely in the live region; the swap's own
// announcement (above) replaces it.
const LOADING_ANNOUNCE_DELAY = 500;
let loadingRequests = 0;
let loadingTimer = null;

function requestTarget(event) {
  return (event.detail && event.detail.target) || null;
}

document.addEventListener("htmx:beforeRequest", (event) => {
  loadingRequests += 1;
  document.documentElement.classList.add("is-loading");
  const target = requestTarget(event);
  if (target && target.setAttribute) {
    target.setAttribute("aria-busy", "true");
  }
  clearTimeout(loadingTimer);
  loadingTimer = setTimeout(() => {
    const live = document.getElementById("live-region");
    if (live && loadingRequests > 0) {
      live.textContent = document.body.dataset.loadingText || "…";
    }
  }, LOADING_ANNOUNCE_DELAY);
});
document.addEventListener("htmx:afterRequest", (event) => {
  loadingRequests = Math.max(0, loadingRequests - 1);
  const target = requestTarget(event);
  if (target && target.removeAttribute) {
    target.removeAttribute("aria-busy");
  }
  if (loadingRequests === 0) {
    clearTimeout(loadingTimer);
    document.documentElement.classList.remove("is-loading");
    for (const busy of document.querySelectorAll("[aria-busy=true]")) {
      busy.removeAttribute("aria-busy");
    }
  }
});

// One history entry per change. Typing in a filter form's search field pushes one entry for
// the first request of a burst and replaces it while the words change; a select moved with
// the arrow keys while closed (which fires a change per option) sends once, after the keys
// rest or when it loses focus.
let typingIn = null;
document.addEventListener("htmx:beforeHistoryUpdate", (event) => {
  const config = event.detail.requestConfig || {};
  const trigger = config.triggeringEvent;
  const typing = trigger && trigger.type === "input" && trigger.target ? trigger.target : null;
  if (typing && typingIn === typing && event.detail.history.type === "push") {
    event.detail.history.type = "replace";
  }
  typingIn = typing;
});
document.addEventListener("focusout", (event) => {
  if (event.target === typingIn) {
    typingIn = null;
  }
});

const SELECT_KEYS = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End", "PageUp", "PageDown"]);
const SELECT_KEY_DELAY = 700;
document.addEventListener(
  "keydown",
  (event) => {
    const select = event.target;
    if (select.matches && select.matches("form[data-hx-trigger] select") && SELECT_KEYS.has(event.key)) {
      select.keyedAt = Date.now();
    }
  },
  true,
);

function sendSelect(select) {
  clearTimeout(select.keyTimer);
  select.keyTimer = null;
  select.keySending = true;
  select.dispatchEvent(new Event("change", { bubbles: true }));
  select.keySending = false;
}

document.addEventListener(
  "change",
  (event) => {
    const select = event.target;
    if (!select.matches("form[data-hx-trigger] select") || select.keySending) {
      return;
    }
    if (select.keyedAt && Date.now() - select.keyedAt < 100) {
      event.stopPropagation();
      clearTimeout(select.keyTimer);
      select.keyTimer = setTimeout(() => sendSelect(select), SELECT_KEY_DELAY);
    }
  },
  true,
);
document.addEventListener("focusout", (event) => {
  if (event.target.keyTimer) {
    sendSelect(event.target);
  }
});

// Back and Forward: htmx puts back the page as it was, but a form that stayed on the page
// (only #results is swapped) comes back with the values its HTML was first rendered with.
// The address holds the filters, so every field of the filter form is set from it.
function fieldsFromAddress() {
  const form = document.getElementById("filters");
  if (!form) {
    return;
  }
  const parameters = new URLSearchParams(window.location.search);
  for (const field of form.elements) {
    if (!field.name || field.type === "submit" || field.type === "button") {
      continue;
    }
    const value = parameters.get(field.name) || "";
    if (field.tagName === "SELECT") {
      const option = [...field.options].find((each) => each.value === value);
      field.value = option ? value : "";
    } else if (field.type === "checkbox" || field.type === "radio") {
      field.checked = parameters.getAll(field.name).includes(field.value);
    } else if (field.type !== "hidden" || field.closest("[data-combobox]")) {
      field.value = value;
    }
  }
  for (const input of form.querySelectorAll("[data-combobox] [role=combobox]")) {
    input.value = input.dataset.chosenLabel || "";
  }
}
document.addEventListener("htmx:historyRestore", fieldsFromAddress);
// The page htmx keeps for Back is taken while its request runs: not as busy.
function notBusy() {
  for (const busy of document.querySelectorAll("[aria-busy=true]")) {
    busy.removeAttribute("aria-busy");
  }
}
document.addEventListener("htmx:beforeHistorySave", notBusy);
document.addEventListener("htmx:historyRestore", notBusy);
window.addEventListener("pageshow", fieldsFromAddress);
