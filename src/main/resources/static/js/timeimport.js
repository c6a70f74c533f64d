// timeimport (issue 4): nothing needed beyond htmx. The preview refreshes itself when a choice changes
// (hx-post on #import-preview) and the progress bar polls (hx-get on #import-progress).
