// The background's one message to a tab's content script: "your findings'
// words are stale" (the reader's profiles changed). It carries nothing to draw:
// the content script sends its findings again the usual way, and draws the
// answer, so what reaches the page is what a findings message always gets.

export const REDESCRIBE = { type: 'redescribe' } as const;

export function isRedescribe(msg: unknown): boolean {
  return !!msg && typeof msg === 'object' && (msg as { type?: unknown }).type === REDESCRIBE.type;
}
