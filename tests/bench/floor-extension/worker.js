// The floor extension's service worker (see content.ts): answers the content
// script's one message with a banner model shaped like the real one for the
// bench's covered listing (a verdict, five lines, evidence and dates).
// Placeholder words (no claim about any app), as long as the real banner's: the
// cost measured is the drawing's, not the words'.
const filler = (n) => `Floor banner line ${n}: a placeholder as long as one of the real banner's sentences, naming no measure, app or company at all.`;
const model = {
  key: 'main:floor',
  subject: 'Floor listing (Floor Developer)',
  verdict: 'restricted-elsewhere',
  verdictText: 'Floor verdict: a placeholder as long as the real verdict line.',
  possible: false,
  lines: [
    { text: filler(1), effect: 'restricts' },
    { text: filler(2), effect: 'not-in-force' },
    { text: filler(3), effect: 'restricts' },
    { text: filler(4), effect: 'related' },
    { text: filler(5), effect: 'not-in-force' },
  ],
  evidence: 'Floor evidence: a placeholder as long as the real evidence line',
  asOf: '2026-12-02',
  date: '2026-12-02',
};
chrome.runtime.onMessage.addListener((msg, _sender, reply) => {
  reply(msg && msg.type === 'floor' ? model : undefined);
  return false;
});
