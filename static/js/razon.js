// Progressive enhancement only: every page works without this file.
// After htmx swaps a region: announce what changed to screen-reader users (the new
// content's [data-announce] text goes into the page's aria-live region), and when the
// element that made the request asks for it (data-focus-after-swap="#id"), move focus there.
// A changed <select> keeps its focus: htmx restores focus to elements with an id.
document.addEventListener("htmx:afterSwap", (event) => {
  const live = document.getElementById("live-region");
  const message = document.querySelector("[data-announce]");
  if (live && message) {
    live.textContent = message.dataset.announce;
  }
  const trigger = event.detail.requestConfig && event.detail.requestConfig.elt;
  const selector = trigger && trigger.dataset && trigger.dataset.focusAfterSwap;
  const focusTarget = selector && document.querySelector(selector);
  if (focusTarget) {
    focusTarget.focus();
  }
});
