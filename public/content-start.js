// Runs at document_start on the supported sites, before the page has any
// element, so that Chromium makes this extension's isolated world (and puts its
// own `chrome` and `browser` on it) before a page frame named "chrome" or
// "browser" could take those names. The site's content script, which runs later
// in the same world, reads them from there. Nothing else to do.
