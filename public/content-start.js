// Runs at document_start on the supported sites, before the page has any
// element, so that Chromium makes this extension's isolated world (and puts its
// own `chrome` and `browser` on it) before a page frame named "chrome" or
// "browser" could take those names. The site's content script, which runs next
// (also at document_start) in the same world, reads them from there. Nothing
// else to do; the "check any site" script runs later, at document_idle.
