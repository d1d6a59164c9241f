// Starts every govuk-frontend component on the page (error summary focus, tabs, details ...).
import { createAll, ErrorSummary, initAll } from "../../govuk/govuk-frontend.min.js";

initAll();

// Links and buttons marked data-print print the page (the board pack's "Print" link).
for (const el of document.querySelectorAll("[data-print]")) {
  el.addEventListener("click", (event) => {
    event.preventDefault();
    window.print();
  });
}

// A table wider than the screen scrolls in its own box (.app-table-scroll), not the whole page.
// A box that scrolls is a named region reachable with Tab, so keyboard users can scroll it with
// the arrow keys; the table itself keeps its table role.
function scrollableTables() {
  for (const table of document.querySelectorAll(".govuk-main-wrapper table")) {
    let box = table.parentElement;
    if (!box.classList.contains("app-table-scroll")) {
      box = document.createElement("div");
      box.className = "app-table-scroll";
      table.replaceWith(box);
      box.appendChild(table);
    }
    if (box.scrollWidth > box.clientWidth + 1) {
      const caption = table.querySelector("caption");
      const labelledBy = table.getAttribute("aria-labelledby");
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      if (!caption && labelledBy) {
        box.setAttribute("aria-labelledby", labelledBy);
      } else {
        box.setAttribute("aria-label", caption ? caption.textContent.trim() : "Table");
      }
      box.dataset.scrollRegion = "added";
    } else if (box.dataset.scrollRegion === "added") {
      delete box.dataset.scrollRegion;
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
      box.removeAttribute("aria-labelledby");
    }
  }
}
scrollableTables();
window.addEventListener("resize", scrollableTables);
document.addEventListener("htmx:afterSettle", scrollableTables);

// After htmx swaps part of a page (the plan page's filters): keyboard and screen reader users
// keep their place. htmx itself gives focus back to the control that had it when the new one
// has the same id; a new error summary takes focus (as on a page load); focus left on nothing
// goes to the results count; and each live region marked data-announce="<selector>" (kept
// outside the swapped part, so screen readers notice the change) reads out the new text.
document.addEventListener("htmx:afterSettle", (event) => {
  const swapped = event.detail.elt;
  if (!swapped || !swapped.isConnected) return;
  const summary = swapped.querySelector('[data-module="govuk-error-summary"]');
  if (summary) {
    createAll(ErrorSummary, {}, swapped);
  } else if (!document.activeElement || document.activeElement === document.body) {
    const count = swapped.querySelector("[data-focus-after-swap]");
    if (count) {
      count.tabIndex = -1;
      count.focus();
    }
  }
  for (const region of document.querySelectorAll("[data-announce]")) {
    const source = document.querySelector(region.dataset.announce);
    const text = source ? source.textContent.trim() : "";
    if (region.hasAttribute("data-announce-changes")) {
      // a polled status: said once when it changes, not every time the poll swaps it in again
      if (text !== region.dataset.said) {
        region.dataset.said = text;
        region.textContent = text;
      }
      continue;
    }
    region.textContent = "";
    // A short pause between emptying and filling makes screen readers read the same words again.
    setTimeout(() => {
      region.textContent = source ? source.textContent.trim() : "";
    }, 100);
  }
});
