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
  const selector = trigger && trigger.dataset && trigger.dataset.focusAfterSwap;
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
    if (event.target.matches("form[hx-trigger] input[type=search]")) {
      event.stopPropagation();
    }
  },
  true,
);
