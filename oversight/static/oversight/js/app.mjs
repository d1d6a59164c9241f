// Starts every govuk-frontend component on the page (error summary focus, tabs, details ...).
import { initAll } from "../../govuk/govuk-frontend.min.js";

initAll();

// Links and buttons marked data-print print the page (the board pack's "Print" link).
for (const el of document.querySelectorAll("[data-print]")) {
  el.addEventListener("click", (event) => {
    event.preventDefault();
    window.print();
  });
}
