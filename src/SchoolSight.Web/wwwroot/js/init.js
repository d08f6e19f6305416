// Starts GOV.UK Frontend's components (header menu, tabs, error summary...) and SchoolSight's own small enhancements.
import { initAll } from '/lib/govuk-frontend/govuk-frontend.min.js';

initAll();

// A form control marked data-ss-autosubmit submits its form when changed (the form keeps a submit button for no-JS users).
for (const control of document.querySelectorAll('[data-ss-autosubmit]')) {
    control.addEventListener('change', () => control.form?.submit());
}
