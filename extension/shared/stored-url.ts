// The page address the extension keeps (a tab's report in storage.session) and
// shows (the popup): without query string or fragment, which can carry search
// terms and session or tracking ids. Only the content script sees the full
// address (Play's ?id= names the app there).
export function storedUrl(url: string): string {
  return url.split(/[?#]/, 1)[0] ?? '';
}
