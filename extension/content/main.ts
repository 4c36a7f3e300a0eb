// Content script entry (document_start): a URL check, a first message to the
// background at once (it wakes the worker and brings the UI's words), then one
// scan when the document is parsed, then incremental scans of added nodes and
// re-scans on in-page navigation. The scan asks the background, which holds the
// matching tables, which listings and names are covered (src/match/page-match.ts).
// No framework, no polyfill:
// Chrome's `chrome.*` and Firefox's `browser.*` both return promises in MV3.

import { documentParsed } from './document-parsed';
import { adapter as siteAdapter } from 'virtual:content-site';
import { hostMatches } from '../../src/sites/hosts';
import type { SiteAdapter } from '../../src/sites/types';
import { parseDescriptions, type ContentMessage } from '../shared/messages';
import { answeredI18n, PAGE_START, parsePageStart, type PageStart } from '../shared/page-start';
import { parseMatchResult, type MatchRequest } from '../../src/match/page-match';
import { isRedescribe } from '../shared/redescribe-message';
import { PageScanner, urlListing, type ByUrl, type PageMatcher } from './scanner';
import { isOwnUi, setUiI18n } from './ui';
import { timeSlices } from './slices';

interface RuntimeLike {
  runtime: {
    id: string;
    sendMessage(msg: unknown): Promise<unknown>;
    onMessage: { addListener(fn: (msg: unknown, sender: { id?: string }) => undefined): void };
  };
}
// The extension API, read once, as an own property of our world's global: a
// page's <iframe name="browser"> or <form name="chrome"> is found only through
// the window's prototype, never as an own property. (Chromium does not install
// its API at all when such a frame already exists as the world is made: the
// build adds content-start.js at document_start so that ours is made first.)
const g = globalThis as { browser?: RuntimeLike; chrome?: RuntimeLike };
const ext = (Object.hasOwn(g, 'browser') ? g.browser : g.chrome)!;

function send(msg: ContentMessage | PageStart | MatchRequest): Promise<unknown> {
  try {
    return ext.runtime.sendMessage(msg).catch(() => undefined);
  } catch {
    return Promise.resolve(undefined); // extension reloaded: the page must keep working
  }
}

const FLUSH_MS = 60;
const MAIN_RETRIES = 20;

function start(): void {
  // This bundle carries one site's adapter; the manifest injects it only on that
  // site, but check anyway (cheap) before doing anything else.
  const adapter = siteAdapter as SiteAdapter;
  // An adapter without hosts is the optional any-site one (registered only when the user opted in).
  if (adapter.hosts.length > 0 && !adapter.hosts.some((h) => hostMatches(location.hostname, h))) return;
  // The script runs at document_start: the first message goes now (waking a
  // stopped service worker while the page parses) and the scan waits for both.
  const matcher: PageMatcher = {
    match: (listings, text, describe) => {
      const question: MatchRequest = { type: 'match', listings };
      if (text) question.text = text;
      if (describe) question.describe = true;
      return send(question).then((r) => parseMatchResult(r, listings.length));
    },
  };
  const pageStart = send(PAGE_START).then(parsePageStart);
  // The page's own listing as its address tells it, asked now too (with its words):
  // an answer that is in when the page is parsed draws the banner at once.
  const startUrl = location.href;
  const query = urlListing(adapter, new URL(startUrl));
  let byUrl: ByUrl | undefined;
  if (query) void Promise.resolve(matcher.match([query], undefined, true)).then((result) => (byUrl = result && { query, result }));
  // The rest once the page is parsed and the background has answered (each step a callback, no await:
  // what runs when is in plain sight, and the bench's meter, tests/bench/meter, times every callback of ours).
  void Promise.all([pageStart, documentParsed(document)]).then(([started]) => {
    if (started) parsed(started); // else no answer (extension reloaded or updated): leave the page alone
  });

  function parsed(started: NonNullable<Awaited<typeof pageStart>>): void {
    setUiI18n(answeredI18n(started));
    const slices = timeSlices();
    const scanner = new PageScanner(document, matcher, adapter, {
      // The address the scan is about (not location.href: a page that moved on a moment ago is not reported with the old page's findings).
      onFindings: (findings, partial, total) => send({ type: 'findings', url: currentUrl, findings, partial, total }).then(parseDescriptions),
      onDetails: (key) => void send(key ? { type: 'open-details', key } : { type: 'open-details' }),
      onDismiss: (key) => void send({ type: 'dismiss', key }),
    }, { slices });

    // The reader's profiles changed: the background asks for the findings again, and
    // its answer (new verdicts, colours, counts) redraws the banner and badges in place.
    // Only our extension can reach this listener (not the page); it carries nothing to draw.
    ext.runtime.onMessage.addListener((msg, sender) => {
      if (sender.id === ext.runtime.id && isRedescribe(msg)) scanner.redescribe();
      return undefined;
    });

    let currentUrl = location.href;
    let mainRetries = 0;
    const needsMain = () => {
      const kind = adapter.classify(new URL(currentUrl));
      return (kind === 'detail' || kind === 'developer') && scanner.idle && !scanner.payloads().some((p) => p.role === 'main') && mainRetries < MAIN_RETRIES;
    };
    // The scan runs in slices: a page with nothing found is reported once its scan has run to its end.
    const scanPage = (url: string, early?: ByUrl) =>
      void scanner.fullScan(new URL(url), early).then((finished) => {
        if (finished && !scanner.payloads().length) void send({ type: 'findings', url, findings: [] });
      });

    // The page's address told its banner: drawn now, before DOMContentLoaded, and the scan goes on.
    // Else the scan's first slice in a task of its own (not after the script's start-up in the injection task).
    if (byUrl && currentUrl === startUrl) {
      scanPage(currentUrl, byUrl);
      watch();
    } else
      void slices.pause().then(() => {
        scanPage(currentUrl);
        watch();
      });

    /** Changes after the first scan: added and removed nodes, in-page navigation. */
    function watch(): void {
      let pending: Element[] = [];
      let removed = false;
      let timer: ReturnType<typeof setTimeout> | undefined;

      const flush = () => {
        timer = undefined;
        const roots = pending;
        pending = [];
        if (location.href !== currentUrl) {
          // In-page navigation (history API): the old report goes, and the scan starts over for the new URL.
          currentUrl = location.href;
          void send({ type: 'navigated', url: currentUrl });
          mainRetries = 0;
          scanPage(currentUrl);
          return;
        }
        if (needsMain()) {
          // A client-rendered detail page whose header arrived after the first scan.
          mainRetries++;
          scanner.rescan();
          return;
        }
        // Added first: a re-rendered card replaces its old self before the old one is let go (no change, no message).
        scanner.scanAdded(roots);
        if (removed) scanner.prune();
        removed = false;
      };
      const schedule = () => {
        timer ??= setTimeout(flush, FLUSH_MS);
      };

      new MutationObserver((records) => {
        for (const r of records) {
          for (const n of Array.from(r.addedNodes)) {
            if (n.nodeType === 1 && !isOwnUi(n)) pending.push(n as Element);
          }
          if (r.removedNodes.length) removed = true;
        }
        if (pending.length || removed || location.href !== currentUrl) schedule();
      }).observe(document.documentElement, { childList: true, subtree: true });

      addEventListener('popstate', schedule);
      // Navigation API (Chromium): catches pushState navigations that touch no DOM yet.
      (globalThis as { navigation?: EventTarget }).navigation?.addEventListener('navigatesuccess', schedule);
    }
  }
}

start();
