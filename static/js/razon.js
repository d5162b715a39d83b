// Progressive enhancement only: every page works without this file.
// After htmx swaps a region, tell screen-reader users what changed and move focus there.
document.addEventListener("htmx:afterSwap", (event) => {
  const target = event.detail.target;
  const message = target.querySelector("[data-announce]");
  const live = document.getElementById("live-region");
  if (message && live) {
    live.textContent = message.dataset.announce;
  }
  const focusTarget = target.querySelector("[data-focus-after-swap]");
  if (focusTarget) {
    focusTarget.setAttribute("tabindex", "-1");
    focusTarget.focus();
  }
});
