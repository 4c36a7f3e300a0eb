// The floor of bench 7's main-thread figure: a content script that does only what
// any content script showing our banner must do, measured beside ours in the same
// run (scripts/bench.mjs builds it with vite.content.config.ts, entry overridden).
// At document_start it reads the extension API from its own world and sends one
// message (which wakes the stopped worker); once the document is parsed, it draws
// the worker's answer with the real banner code (extension/content/ui.ts): host,
// closed shadow root, style sheet, lines, controls, the top layer after layout.
// It reads nothing of the page: no extraction, no links, no text, no further messages.
import { documentParsed } from '../../../extension/content/document-parsed';
import { showBanner, type BannerModel } from '../../../extension/content/ui';

const g = globalThis as { chrome?: { runtime: { sendMessage(msg: unknown): Promise<unknown> } } };
const ext = g.chrome!;
const answer = ext.runtime.sendMessage({ type: 'floor' });
void Promise.all([answer, documentParsed(document)]).then(([model]) => {
  showBanner(document, model as BannerModel, { onDetails() {}, onDismiss() {} });
});
