// Starts GOV.UK Frontend's components (service navigation menu, tabs, error summary...) and SchoolSight's own small
// enhancements. No control submits its form when changed: every form has its own button.
import { initAll } from '/lib/govuk-frontend/govuk-frontend.min.js';

initAll();

// The responsive table pattern (site.css): on a phone each cell shows its column's heading above it.
for (const table of document.querySelectorAll('table.govuk-table')) {
    const headingRow = table.tHead?.rows[table.tHead.rows.length - 1];
    if (!headingRow) continue;
    const headings = [];
    for (const cell of headingRow.cells) {
        for (let i = 0; i < cell.colSpan; i++) headings.push(cell.textContent.trim());
    }
    for (const body of table.tBodies) {
        for (const row of body.rows) {
            let column = 0;
            for (const cell of row.cells) {
                const heading = headings[column];
                if (heading && !cell.hasAttribute('data-label')) cell.setAttribute('data-label', heading);
                column += cell.colSpan;
            }
        }
    }
}
