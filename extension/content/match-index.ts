// The matching tables, from the background at run time (not bundled: the
// content script's size does not depend on the record). Asked for at
// document_start, so the answer comes while the page is still parsing.
import type { MatchIndex } from '../../src/match/compile';
import { MATCH_INDEX_REQUEST, parseMatchIndex, type MatchIndexRequest } from '../shared/match-index-message';

export function requestMatchIndex(send: (msg: MatchIndexRequest) => Promise<unknown>): Promise<MatchIndex | undefined> {
  return send(MATCH_INDEX_REQUEST).then(parseMatchIndex);
}

/** Resolves once the document is parsed (readyState past "loading"). */
export function documentParsed(doc: Document): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (doc.readyState === 'loading') return false;
      doc.removeEventListener('readystatechange', check);
      resolve();
      return true;
    };
    if (check()) return;
    doc.addEventListener('readystatechange', check);
    // A page can keep the event from us (a capturing listener on window that stops it): a slow poll backs it up.
    const poll = () => void (check() || setTimeout(poll, 100));
    setTimeout(poll, 100);
  });
}
