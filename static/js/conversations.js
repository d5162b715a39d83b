// The board (conversations/): while a participant is in one of the grid's forms (choosing a
// level in a card's "move" list, on its button), the poll does not replace the grid under
// their hands; it catches up with the next poll after they leave it. Everything works without this file.
document.addEventListener("htmx:beforeRequest", (event) => {
  const grid = document.getElementById("grid");
  const active = document.activeElement;
  if (
    event.detail.elt === grid &&
    event.detail.requestConfig.verb === "get" &&
    active &&
    grid.contains(active) &&
    active.closest("form")
  ) {
    event.preventDefault();
  }
});
