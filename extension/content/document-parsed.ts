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
