// Runs first in <body>: tells govuk-frontend's CSS that JavaScript is available.
// An external file rather than govuk-frontend's inline snippet, so the Content Security Policy
// can forbid inline script.
document.body.className += " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
