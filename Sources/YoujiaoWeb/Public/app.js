// Small conveniences only: every page works without this file. Tables built on the new page
// pattern (table.data-table) sort, filter and page on the server through links and forms.

// Pages not yet moved to that pattern keep their one-page tables (table.sortable) sortable by a
// click on a header, in the browser; this goes when the last of them has moved.
document.addEventListener("DOMContentLoaded", () => {
  const collator = new Intl.Collator("zh-CN", { numeric: true });
  document.querySelectorAll("table.sortable").forEach((table) => {
    table.querySelectorAll("th").forEach((th, column) => {
      th.addEventListener("click", () => {
        const numeric = th.dataset.type === "num";
        const ascending = !th.classList.contains("sorted-asc");
        table.querySelectorAll("th").forEach((h) => h.classList.remove("sorted-asc", "sorted-desc"));
        th.classList.add(ascending ? "sorted-asc" : "sorted-desc");
        const body = table.tBodies[0];
        const value = (row) => row.cells[column].textContent.trim();
        const rows = Array.from(body.rows).sort((a, b) => {
          const order = numeric
            ? parseFloat(value(a).replace(/,/g, "")) - parseFloat(value(b).replace(/,/g, ""))
            : collator.compare(value(a), value(b));
          return ascending ? order : -order;
        });
        rows.forEach((row) => body.appendChild(row));
      });
    });
  });
});

// A button marked data-print prints the page (inline handlers are blocked by the CSP).
document.addEventListener("click", (event) => {
  if (event.target.closest && event.target.closest("[data-print]")) window.print();
});

// A form with data-confirm asks once more before it is sent (the server still guards the step).
document.addEventListener("submit", (event) => {
  const question = event.target.dataset && event.target.dataset.confirm;
  if (question && !window.confirm(question)) event.preventDefault();
});
