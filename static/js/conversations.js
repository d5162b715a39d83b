// The board (conversations/): while a participant is choosing in a card's "move" list or
// typing in a form inside the grid, the poll does not replace the grid under their hands;
// it catches up with the next poll after they leave it. Everything works without this file.
document.addEventListener("htmx:beforeRequest", (event) => {
  const grid = document.getElementById("grid");
  const active = document.activeElement;
  if (
    event.detail.elt === grid &&
    event.detail.requestConfig.verb === "get" &&
    active &&
    grid.contains(active) &&
    active.matches("select, input, textarea")
  ) {
    event.preventDefault();
  }
});
