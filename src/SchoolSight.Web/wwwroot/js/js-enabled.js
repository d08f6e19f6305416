// Loaded (not deferred) at the top of <body>: GOV.UK Frontend's styles for JavaScript-enhanced components key off these classes.
// A file rather than an inline script, so the Content-Security-Policy can forbid inline scripts.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
