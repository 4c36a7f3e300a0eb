// npm run bench: how much the content script costs, as ratios measured in one run.
// Headless Debian Chromium (playwright-core), pages served at their real URLs by
// request routing (no network). Bounded loops; about 2–3 minutes. Not part of npm test.
//
//   1. real Play captures: scan ÷ bare TreeWalker pass, naive ÷ scan
//   2. the same scan with synthetic indexes of 10 / 1,000 / 100,000 aliases
//   3. the built extension: DOMContentLoaded → banner; content-script main-thread time per page
//   4. a mutation storm (10,000 cards over 10 s): ms per 1,000 nodes, first vs second half
//   5. content-script bundle sizes
//   6. hostile pages (a 10 MB text node, 10,000 anchors, 3,000 cards at once, a re-render storm, a ticker), each
//      with and without the extension under a Chromium trace: the extension's longest task (thread-CPU and wall),
//      the page's longest task with ÷ without, content-script time, first → last extension task; then 3,000 cards
//      mostly removed: DOM nodes, heap, messages. --extension=DIR measures another build (e.g. an older
//      commit's dist/chrome) for before/after figures
//   7. scale (issue 10): the real record and a synthetic 10× one (scripts/synthetic-record.ts, built into
//      bench-output/dist-synthetic-10x): content-script sizes, DOMContentLoaded → banner with a warm and a cold
//      service worker, content-script main-thread time (cold), the background's answers to the page's first message
//      and to its question about the page's listings and text
//   8. the covered-apps command line on a generated 1,000,000-row CSV: rows/s, check ÷ parse-only, peak RSS
//      (scripts/bench-inventory.mjs)
//
// Writes bench-output/bench.json. Options: --quick (fewer rounds), --build (rebuild dist/ first).
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM, launchChromium } from '../tests/e2e/chromium-harness.mjs';
import { playListingFromCapture, readCaptured, realCaptures } from '../tests/e2e/pages.mjs';
import { benchInventory } from './bench-inventory.mjs';

const QUICK = process.argv.includes('--quick');
// --only=3,5: run just those sections (while working on one number); the full run is the report.
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const run = (n) => !ONLY || ONLY.includes(n);
const ROUNDS = QUICK ? 7 : 21; // samples per measurement (interleaved rounds)
const INNER = 3; // calls per sample (performance.now() granularity)
const LOADS = QUICK ? 8 : 20; // page loads for the banner latency
const PROFILED_LOADS = QUICK ? 5 : 12;
const STORM = { total: 10_000, perTick: 100, intervalMs: 100 };
const started = Date.now();
const BUDGET_MS = 5 * 60_000;

// ---------------------------------------------------------------- build
const env = { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' };
function newestMtime(paths) {
  let t = 0;
  for (const p of paths) {
    if (!existsSync(p)) continue;
    const s = statSync(p);
    if (s.isDirectory()) t = Math.max(t, newestMtime(readdirSync(p).map((n) => join(p, n))));
    else t = Math.max(t, s.mtimeMs);
  }
  return t;
}
const builtAt = existsSync('dist/chrome/manifest.json') ? statSync('dist/chrome/manifest.json').mtimeMs : 0;
if (process.argv.includes('--build') || builtAt < newestMtime(['src', 'extension', 'manifest.json', 'vite.content.config.ts', 'scripts/build.mjs'])) {
  console.log('dist/chrome is missing or older than the sources: node scripts/build.mjs');
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit', env });
}
execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'vite.bench.config.ts', '--logLevel', 'warn'], { stdio: 'inherit', env });
const BENCH_JS = readFileSync('dist/bench/scan-bench.js', 'utf8');

// ---------------------------------------------------------------- stats
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const q = (xs, p) => {
  const s = sorted(xs);
  if (!s.length) return NaN;
  const i = (s.length - 1) * p;
  const lo = Math.floor(i);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (i - lo);
};
const median = (xs) => q(xs, 0.5);
const stat = (xs) => ({ n: xs.length, median: median(xs), p25: q(xs, 0.25), p75: q(xs, 0.75), min: Math.min(...xs), max: Math.max(...xs) });
const f = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '–');
const spread = (s, d = 2) => `${f(s.median, d)} [${f(s.p25, d)}–${f(s.p75, d)}] n=${s.n}`;
const ratios = (a, b) => a.map((x, i) => x / b[i]);
const check = (ok) => (ok ? 'ok' : 'MISSED');
function table(rows, head) {
  const all = [head, ...rows].map((r) => r.map(String));
  const w = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  console.log(line(head));
  console.log(w.map((x) => '-'.repeat(x)).join('  '));
  for (const r of all.slice(1)) console.log(line(r));
}
const out = { when: new Date().toISOString(), chromium: CHROMIUM, rounds: ROUNDS, inner: INNER, quick: QUICK };

// ---------------------------------------------------------------- plain browser (no extension)
const ISOLATION = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
/** A browser without the extension, serving the pages in `served` (url → body) with these headers, nothing else. */
async function plainBrowser(served, headers = {}) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route(
    (u) => u.protocol === 'http:' || u.protocol === 'https:',
    (route) => {
      const body = served.get(route.request().url());
      return body === undefined ? route.abort() : route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers, body });
    },
  );
  return { browser, context };
}
const served = new Map();
// Cross-origin isolated pages get a 5 µs performance.now() instead of 100 µs.
const { browser, context } = await plainBrowser(served, ISOLATION);
async function openBench(url, body) {
  served.set(url, body);
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.addScriptTag({ content: BENCH_JS });
  return page;
}

// 1. Real captures ------------------------------------------------------------
if (run('1')) {
  console.log(`\n1. Real Google Play captures — per full scan, ms: median [p25–p75] n=rounds (each sample = mean of ${INNER} calls)`);
  const captureRows = [];
  out.captures = [];
  let isolated;
  for (const [url, file] of realCaptures) {
    const body = readCaptured(file);
    const page = await openBench(url, body);
    isolated ??= await page.evaluate(() => globalThis.crossOriginIsolated);
    const info = await page.evaluate(() => ({ textChars: __coveredBench.walk(), scan: __coveredBench.scan() }));
    const m = await page.evaluate(([r, i]) => __coveredBench.measure(['scan', 'walk', 'naive', 'naiveAfterChange', 'mentions', 'extract', 'links', 'match'], r, i), [ROUNDS, INNER]);
    const scanOverWalk = stat(ratios(m.scan, m.walk));
    const naiveOverScan = stat(ratios(m.naive, m.scan));
    const mentionsOverWalk = stat(ratios(m.mentions, m.walk));
    const naiveChangedOverScan = stat(ratios(m.naiveAfterChange, m.scan));
    const naiveOverMentions = stat(ratios(m.naive, m.mentions));
    const rec = {
      file,
      bytes: body.length,
      textChars: info.textChars,
      findings: info.scan,
      scanMs: stat(m.scan),
      walkMs: stat(m.walk),
      mentionsMs: stat(m.mentions),
      extractMs: stat(m.extract),
      linksMs: stat(m.links),
      matchMs: stat(m.match),
      naiveMs: stat(m.naive),
      naiveAfterChangeMs: stat(m.naiveAfterChange),
      naiveChangedOverScan,
      naiveOverMentions,
      scanOverWalk,
      naiveOverScan,
      mentionsOverWalk,
    };
    out.captures.push(rec);
    captureRows.push([
      file.replace('google-play/', '').replace(/\.html$/, ''),
      `${(body.length / 1e6).toFixed(2)} MB`,
      info.textChars,
      f(rec.walkMs.median),
      f(rec.scanMs.median),
      `${f(rec.extractMs.median)}/${f(rec.linksMs.median)}/${f(rec.matchMs.median)}/${f(rec.mentionsMs.median)}`,
      f(rec.naiveMs.median),
      `${f(scanOverWalk.median)}× [${f(scanOverWalk.p25)}–${f(scanOverWalk.p75)}] ${check(scanOverWalk.median <= 1.5)}`,
      `${f(naiveOverScan.median, 1)}× [${f(naiveOverScan.p25, 1)}–${f(naiveOverScan.p75, 1)}] ${check(naiveOverScan.median >= 10)}`,
      `${f(rec.naiveAfterChangeMs.median)} / ${f(naiveChangedOverScan.median, 1)}× ${check(naiveChangedOverScan.median >= 10)}`,
      `${f(mentionsOverWalk.median, 1)}×`,
      `${f(naiveOverMentions.median, 1)}×`,
      `${info.scan.flagged}/${info.scan.mentions}`,
    ]);
    await page.close();
  }
  table(captureRows, ['capture', 'size', 'text chars', 'walk', 'scan', '(adapter/links/match/mentions)', 'naive', 'scan÷walk (≤1.5)', 'naive÷scan (≥10)', 'naive after a change: ms / ÷scan', 'mentions÷walk', 'naive÷mentions', 'flagged/mentions']);
  console.log(`   n=${ROUNDS} rounds per page; timer: performance.now() ${isolated ? '(cross-origin isolated, 5 µs)' : '(100 µs)'}; naive = innerText (warm layout) + one RegExp per alias.`);
  console.log('   naive after a change: the same right after a card is appended to <body> (innerText must lay the page out again first).');
  console.log('   mentions = the scan\'s text pass alone (TreeWalker + automaton), the part that does what the naive way does.');
  out.crossOriginIsolated = isolated;
}

// 2. Synthetic indexes ---------------------------------------------------------
if (run('2')) {
  console.log('\n2. The same scan with synthetic indexes (random pronounceable names, one Play id each)');
  const synthPages = realCaptures.filter(([, file]) => /details_com.mojang|search_panda/.test(file));
  out.synthetic = [];
  const synthRows = [];
  const SIZES = [10, 1000, 100000];
  for (const [url, file] of synthPages) {
    // One page per index, as in the extension (one index per page): code that only
    // ever sees one index is what runs in practice; swapping indexes in one page
    // would measure the JIT re-adapting. Rounds still alternate between the pages.
    const body = readCaptured(file);
    const pages = {};
    const built = {};
    for (const n of SIZES) {
      pages[n] = await openBench(url, body);
      built[n] = await pages[n].evaluate((n) => {
        const t0 = performance.now();
        const json = __coveredBench.syntheticIndexJson(n, 7);
        const t1 = performance.now();
        return { ...__coveredBench.setIndex(json), jsonBytes: json.length, buildMs: t1 - t0 };
      }, n);
    }
    const samples = Object.fromEntries(SIZES.map((n) => [n, { scan: [], mentions: [], naive: [] }]));
    for (let r = 0; r < ROUNDS; r++) {
      for (const n of r % 2 ? [...SIZES].reverse() : SIZES) {
        // the naive way only up to 1,000 aliases (100,000 RegExps would take minutes)
        const m = await pages[n].evaluate(([n, i]) => __coveredBench.measure(n <= 1000 ? ['scan', 'mentions', 'naive'] : ['scan', 'mentions'], 1, i), [n, INNER]);
        samples[n].scan.push(m.scan[0]);
        samples[n].mentions.push(m.mentions[0]);
        if (m.naive) samples[n].naive.push(m.naive[0]);
      }
    }
    const found = {};
    for (const n of SIZES) {
      found[n] = await pages[n].evaluate(() => __coveredBench.scan().mentions);
      await pages[n].close();
    }
    const base = samples[SIZES[0]];
    for (const n of SIZES) {
      const rel = stat(ratios(samples[n].scan, base.scan));
      const naiveOverMentions = samples[n].naive.length ? stat(ratios(samples[n].naive, samples[n].mentions)) : undefined;
      const rec = {
        file,
        aliases: n,
        states: built[n].states,
        indexJsonBytes: built[n].jsonBytes,
        scanMs: stat(samples[n].scan),
        mentionsMs: stat(samples[n].mentions),
        naiveMs: samples[n].naive.length ? stat(samples[n].naive) : undefined,
        scanOver10: rel,
        naiveOverMentions,
        mentionsFound: found[n],
      };
      out.synthetic.push(rec);
      synthRows.push([
        file.replace('google-play/', '').replace(/\.html$/, ''),
        n.toLocaleString('en-US'),
        built[n].states.toLocaleString('en-US'),
        `${(built[n].jsonBytes / 1e6).toFixed(2)} MB`,
        spread(rec.scanMs),
        f(rec.mentionsMs.median),
        n === SIZES[0] ? '1.00×' : `${f(rel.median)}× [${f(rel.p25)}–${f(rel.p75)}]${n === 100000 ? ' ' + check(rel.median <= 1.5) : ''}`,
        rec.naiveMs ? f(rec.naiveMs.median) : '(skipped)',
        naiveOverMentions ? `${f(naiveOverMentions.median, 1)}×` : '–',
        found[n],
      ]);
    }
  }
  table(synthRows, ['page', 'aliases', 'states', 'index JSON', 'scan ms', '(mentions)', 'scan ÷ scan@10 (100k ≤1.5)', 'naive ms', 'naive ÷ mentions', 'names found in the text']);
  console.log('   one page per index (as in the extension), rounds alternating between them. Synthetic names are real-looking');
  console.log('   syllables, so the larger lists also find words of the page ("names found"): their findings are part of the cost.');
}

// 4a. Mutation storm through the bench entry (real scanAdded, real UI) --------------
function stormPage({ autostart }) {
  // Page code (not the extension's): appends Play-like cards, 100 per 100 ms.
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>storm - Apps on Google Play</title></head>
<body><header><h1>Search results</h1></header><main><div id="results"></div></main>
<script>
(function () {
  var S = ${JSON.stringify({ ...STORM, covered: COVERED, mentionTexts: MENTION_TEXTS })};
  var state = (window.__storm = { done: 0, nodesPerCard: 0, start: 0, end: 0, half: 0 });
  var box = document.getElementById('results');
  function card(i) {
    var cov = i % 1000 === 999 ? S.covered[Math.floor(i / 1000) % S.covered.length] : null;
    var pkg = cov ? cov.pkg : 'com.storm.app' + i;
    var name = cov ? cov.name : 'Storm App ' + i;
    var desc = i % 250 === 125 ? 'Share your results with friends on ' + S.mentionTexts[Math.floor(i / 250) % S.mentionTexts.length] + '.' : 'A fine app number ' + i + ' for everyday tasks.';
    var c = document.createElement('div');
    c.className = 'ULeU3b';
    var a = document.createElement('a');
    a.href = '/store/apps/details?id=' + pkg;
    var top = document.createElement('div');
    var n = document.createElement('span'); n.textContent = name;
    var d = document.createElement('span'); d.textContent = 'Storm Developer ' + (i % 50);
    var r = document.createElement('span'); r.textContent = (3 + (i % 20) / 10).toFixed(1);
    var nameBox = document.createElement('div'); nameBox.append(n);
    var devBox = document.createElement('div'); devBox.append(d);
    var rateBox = document.createElement('div'); rateBox.append(r, document.createElement('i'));
    top.append(nameBox, devBox, rateBox);
    a.append(top);
    var p = document.createElement('div'); p.textContent = desc;
    c.append(a, p);
    return c;
  }
  state.nodesPerCard = 1 + card(0).getElementsByTagName('*').length;
  function tick() {
    for (var k = 0; k < S.perTick && state.done < S.total; k++) box.append(card(state.done++));
    if (state.done === S.total / 2) state.half = performance.now();
    if (state.done < S.total) setTimeout(tick, S.intervalMs);
    else state.end = performance.now();
  }
  window.__startStorm = function () { state.start = performance.now(); tick(); };
  ${autostart ? "addEventListener('load', function () { setTimeout(window.__startStorm, 800); });" : ''}
})();
</script></body></html>`;
}
const entityList = readdirSync('src/data/entities')
  .filter((f) => f.endsWith('.json'))
  .sort()
  .flatMap((f) => JSON.parse(readFileSync(`src/data/entities/${f}`, 'utf8')));
const COVERED = entityList
  .flatMap((e) => (e.identifiers ?? []).filter((i) => i.platform === 'google-play' && i.verified).slice(0, 1).map((i) => ({ pkg: i.value, name: e.name })))
  .slice(0, 10);
const MENTION_TEXTS = entityList.filter((e) => e.kind === 'app' && e.name.length >= 4).slice(0, 5).map((e) => e.name);
const STORM_URL = 'https://play.google.com/store/search?q=storm&c=apps';

function halves(flushes, totalNodes) {
  // first half = flushes until half the nodes were scanned
  const a = { ms: 0, nodes: 0, extractMs: 0, linksMs: 0, mentionsMs: 0 };
  const b = { ...a };
  for (const fl of flushes) {
    const h = a.nodes < totalNodes / 2 ? a : b;
    for (const k of Object.keys(a)) h[k] += fl[k];
  }
  const per = (h, k) => (h[k] / h.nodes) * 1000;
  return {
    first: per(a, 'ms'),
    second: per(b, 'ms'),
    firstMs: a.ms,
    secondMs: b.ms,
    breakdownPer1kNodes: Object.fromEntries(['extractMs', 'linksMs', 'mentionsMs'].map((k) => [k, [per(a, k), per(b, k)]])),
  };
}

if (run('4')) {
  console.log(`\n4. Mutation storm: ${STORM.total.toLocaleString('en-US')} Play-like cards, ${STORM.perTick} per ${STORM.intervalMs} ms (${COVERED.length} covered, ${STORM.total / 250} mentions)`);
  {
    const page = await openBench(STORM_URL, stormPage({ autostart: false }));
    await page.evaluate(() => {
      globalThis.__obs = __coveredBench.observeStorm();
      __startStorm();
    });
    await page.waitForFunction((t) => window.__storm.done >= t, STORM.total, { polling: 200, timeout: 60_000 });
    await page.waitForTimeout(300);
    const r = await page.evaluate(() => {
      const res = globalThis.__obs.stop();
      return { ...res, nodesPerCard: window.__storm.nodesPerCard, badges: document.querySelectorAll('[data-covered-apps="badge"]').length, stormMs: window.__storm.end - window.__storm.start };
    });
    const totalNodes = STORM.total * r.nodesPerCard;
    const h = halves(r.flushes, totalNodes);
    const flushMs = r.flushes.map((x) => x.ms);
    out.stormBench = { nodesPerCard: r.nodesPerCard, totalNodes, flushes: r.flushes.length, flushMs: stat(flushMs), observerMs: r.observerMs, badges: r.badges, stormMs: r.stormMs, ...h };
    table(
      [
        ['bench entry: scanAdded (real scanner + UI), per flush', r.flushes.length, f(h.firstMs + h.secondMs, 1), f(r.observerMs, 1), f(h.first, 3), f(h.second, 3), `${f(h.second / h.first)}× ${check(h.second / h.first <= 1.5)}`],
      ],
      ['path', 'flushes', 'total ms', 'observer ms', 'ms/1k nodes 1st half', 'ms/1k nodes 2nd half', '2nd ÷ 1st'],
    );
    console.log(`   ${r.nodesPerCard} elements per card, ${totalNodes.toLocaleString('en-US')} in all; flush ms ${spread(out.stormBench.flushMs, 3)}; badges drawn: ${r.badges}`);
    const bd = h.breakdownPer1kNodes;
    console.log(
      `   the same roots re-run part by part, ms/1k nodes 1st → 2nd half: adapter extractFrom ${f(bd.extractMs[0], 3)} → ${f(bd.extractMs[1], 3)}, ` +
        `store links ${f(bd.linksMs[0], 3)} → ${f(bd.linksMs[1], 3)}, text mentions ${f(bd.mentionsMs[0], 3)} → ${f(bd.mentionsMs[1], 3)}`,
    );
    await page.close();
  }
}
await browser.close();

// 3 + 4b. The built extension ----------------------------------------------------
const EXTENSION = process.argv.find((a) => a.startsWith('--extension='))?.slice(12);
const h = await launchChromium(EXTENSION ? { extension: EXTENSION } : {});
const CONTENT_RE = /^chrome-extension:\/\/[^/]+\/content[^/]*\.js/;
/** ms of samples whose stack includes a content-script frame (CDP Profiler, sampled). */
function contentScriptMs(profile) {
  return contentScriptSamples(profile).ms;
}
/**
 * The same, and the part of it in long gaps (≥ 2 ms, 40× the interval asked for) between
 * a sample and the one before: time in which the sampler or the page's thread got no CPU,
 * counted whole to whatever code was on the stack when sampling resumed.
 */
function contentScriptSamples(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const memo = new Map();
  const inContent = (id) => {
    if (memo.has(id)) return memo.get(id);
    const n = byId.get(id);
    const v = CONTENT_RE.test(n.callFrame.url) || (parent.has(id) && inContent(parent.get(id)));
    memo.set(id, v);
    return v;
  };
  let us = 0;
  let gapUs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    if (!inContent(profile.samples[i])) continue;
    us += dt;
    if (dt >= 2000) gapUs += dt;
  }
  return { ms: us / 1000, gapMs: gapUs / 1000 };
}
async function startProfiler(session) {
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 50 });
  await session.send('Profiler.start');
}

if (run('3')) {
  console.log('\n3. The built extension (dist/chrome) on a covered listing built from a real capture');
  {
    const covered = COVERED.find((c) => c.pkg === 'com.intsig.camscanner') ?? COVERED[0];
    const probe = `<script>(function(){var b=window.__bannerBench={dcl:null,banner:null};
  document.addEventListener('DOMContentLoaded',function(){b.dcl=performance.now();b.dclWall=performance.timeOrigin+b.dcl;});addEventListener('load',function(){b.load=performance.now();});
  new MutationObserver(function(recs,mo){for(var i=0;i<recs.length;i++){var a=recs[i].addedNodes;for(var j=0;j<a.length;j++){var n=a[j];
  if(n.nodeType===1&&n.getAttribute('data-covered-apps')==='banner'){b.banner=performance.now();mo.disconnect();return;}}}}).observe(document,{childList:true,subtree:true});})();</script>`;
    const body = playListingFromCapture({ pkg: covered.pkg, name: `${covered.name} - Bench`, developer: 'Bench Developer' }).replace(/<head>/i, `<head>${probe}`);
    const latencies = [];
    const dclToIdle = [];
    const dclToInjection = [];
    const injectionToBanner = [];
    for (let i = 0; i < LOADS && Date.now() - started < BUDGET_MS - 90_000; i++) {
      const url = `https://play.google.com/store/apps/details?id=${covered.pkg}&hl=en&load=${i}`;
      h.serve(url, body);
      const page = await h.context.newPage();
      // When the browser creates the content script's isolated world (= injection at
      // document_idle), by the wall clock: CDP event receipt, ~1 ms late at most.
      const session = await h.context.newCDPSession(page);
      let injectedWall;
      session.on('Runtime.executionContextCreated', ({ context }) => {
        if (injectedWall === undefined && context.auxData?.type === 'isolated' && context.origin.startsWith('chrome-extension://')) injectedWall = Date.now();
      });
      await session.send('Runtime.enable');
      await page.goto(url, { waitUntil: 'load' });
      const r = await page
        .waitForFunction(() => window.__bannerBench.banner !== null && window.__bannerBench, null, { polling: 50, timeout: 10_000 })
        .then((x) => x.jsonValue())
        .catch(() => null);
      if (r) {
        latencies.push(r.banner - r.dcl);
        dclToIdle.push((r.load ?? r.dcl) - r.dcl);
        if (injectedWall !== undefined) {
          dclToInjection.push(injectedWall - r.dclWall);
          injectionToBanner.push(r.banner - r.dcl - (injectedWall - r.dclWall));
        }
      }
      await session.detach();
      await page.close();
    }
    // Content-script main-thread time per page: CDP Profiler samples (50 µs) whose
    // stack holds a frame of content*.js, from navigation until 1.5 s after load.
    const perPage = [];
    for (let i = 0; i < PROFILED_LOADS && Date.now() - started < BUDGET_MS - 60_000; i++) {
      const url = `https://play.google.com/store/apps/details?id=${covered.pkg}&hl=en&profiled=${i}`;
      h.serve(url, body);
      const page = await h.context.newPage();
      const session = await h.context.newCDPSession(page);
      await startProfiler(session);
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForFunction(() => window.__bannerBench.banner !== null, null, { polling: 50, timeout: 10_000 }).catch(() => null);
      await page.waitForTimeout(1500);
      const { profile } = await session.send('Profiler.stop');
      perPage.push(contentScriptMs(profile));
      await session.detach();
      await page.close();
    }
    // The same measure on a clean real capture (no banner: the scan runs and finds nothing to draw).
    const cleanPerPage = [];
    const [cleanUrl, cleanFile] = realCaptures.find(([, file]) => /search_panda/.test(file));
    const cleanBody = readCaptured(cleanFile);
    for (let i = 0; i < Math.ceil(PROFILED_LOADS / 2) && Date.now() - started < BUDGET_MS - 45_000; i++) {
      const url = `${cleanUrl}&profiled=${i}`;
      h.serve(url, cleanBody);
      const page = await h.context.newPage();
      const session = await h.context.newCDPSession(page);
      await startProfiler(session);
      await page.goto(url, { waitUntil: 'load' });
      await h.reportFor(url).catch(() => null);
      await page.waitForTimeout(1500);
      const { profile } = await session.send('Profiler.stop');
      cleanPerPage.push(contentScriptMs(profile));
      await session.detach();
      await page.close();
    }
    const lat = stat(latencies);
    out.extension = { bannerLatencyMs: lat, dclToLoadMs: stat(dclToIdle), dclToInjectionMs: stat(dclToInjection), injectionToBannerMs: stat(injectionToBanner), contentScriptMsPerPage: stat(perPage), contentScriptMsPerCleanPage: stat(cleanPerPage), coveredPackage: covered.pkg };
    table(
      [
        ['DOMContentLoaded → banner in the DOM (ms)', spread(lat, 1), `≤ 50 ${check(lat.median <= 50)}`],
        ['  DOMContentLoaded → load event (ms)', spread(out.extension.dclToLoadMs, 1), ''],
        ['  DOMContentLoaded → isolated world made (document_start: negative; ms)', spread(out.extension.dclToInjectionMs, 1), ''],
        ['  injection → banner (the content script + background; ms)', spread(out.extension.injectionToBannerMs, 1), `≤ 50 ${check(out.extension.injectionToBannerMs.median <= 50)}`],
        ['content-script main-thread ms, covered listing', spread(out.extension.contentScriptMsPerPage, 2), ''],
        [`content-script main-thread ms, ${cleanFile.replace('google-play/', '')}`, spread(out.extension.contentScriptMsPerCleanPage, 2), ''],
      ],
      ['measure', 'median [p25–p75] n', 'target'],
    );
    console.log('   banner: page-side MutationObserver from an inline script at the top of <head>; injection: CDP Runtime.executionContextCreated');
    console.log('   for the extension\'s isolated world (wall clock; made at document_start, where the content script asks for the');
    console.log('   matching tables; it scans once the document is parsed). Main-thread time: CDP Profiler');
    console.log('   (50 µs sampling) samples whose stack holds a content*.js frame, navigation → load + 1.5 s (includes the script\'s');
    console.log('   top-level run, the scan, the message to the background, timers; excludes GC and script compilation).');
  }
}

// 4b. The storm with the real extension, profiled per half.
if (run('4')) {
  {
    h.serve(STORM_URL, stormPage({ autostart: false }));
    const page = await h.context.newPage();
    await page.goto(STORM_URL, { waitUntil: 'load' });
    await h.reportFor(STORM_URL).catch(() => null);
    const session = await h.context.newCDPSession(page);
    await startProfiler(session);
    await page.evaluate(() => window.__startStorm());
    await page.waitForFunction((t) => window.__storm.done >= t, STORM.total / 2, { polling: 100, timeout: 60_000 });
    const first = contentScriptMs((await session.send('Profiler.stop')).profile);
    await session.send('Profiler.start');
    await page.waitForFunction((t) => window.__storm.done >= t, STORM.total, { polling: 100, timeout: 60_000 });
    await page.waitForTimeout(300);
    const second = contentScriptMs((await session.send('Profiler.stop')).profile);
    const info = await page.evaluate(() => ({ nodesPerCard: window.__storm.nodesPerCard, badges: document.querySelectorAll('[data-covered-apps="badge"]').length }));
    const report = await h.reportFor(STORM_URL);
    const halfNodes = (STORM.total / 2) * info.nodesPerCard;
    out.stormExtension = {
      firstMs: first,
      secondMs: second,
      first: (first / halfNodes) * 1000,
      second: (second / halfNodes) * 1000,
      badges: info.badges,
      toolbarBadge: report.badge,
      mentionFindings: report.report.findings.filter((x) => x.key.startsWith('mention:')).length,
    };
    table(
      [
        [
          'real extension, CDP Profiler per half',
          f(first + second, 1),
          f(out.stormExtension.first, 3),
          f(out.stormExtension.second, 3),
          `${f(out.stormExtension.second / out.stormExtension.first)}× ${check(out.stormExtension.second / out.stormExtension.first <= 1.5)}`,
        ],
      ],
      ['path', 'content-script ms', 'ms/1k nodes 1st half', 'ms/1k nodes 2nd half', '2nd ÷ 1st'],
    );
    console.log(`   badges drawn: ${info.badges}; toolbar badge "${report.badge}"; tier-4 mention findings reported: ${out.stormExtension.mentionFindings}`);
    await session.detach();
    await page.close();
  }
}
// 6. Hostile pages ----------------------------------------------------------------
// Each page loaded (and driven) with and without the extension, in the same run,
// under a Chromium trace: the renderer main thread's tasks (wall and thread-CPU
// time) after the page marked its own work done, and CPU-profile samples in the
// trace; a task is the extension's when a sample in it has a content*.js frame.
// Thread-CPU time is what the content script does in a task; wall time also
// counts the machine being busy with other processes.
const TRACE_CATEGORIES = ['toplevel', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.cpu_profiler', 'blink.user_timing'];
const BUILT_MARK = 'covered-bench-built';
/** How long a trace may take to hand over its events once ended. */
const TRACE_END_MS = 60_000;
async function traced(session, body, categories = TRACE_CATEGORIES) {
  const events = [];
  const onData = ({ value }) => events.push(...value);
  session.on('Tracing.dataCollected', onData);
  await session.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: categories } });
  await body();
  const complete = new Promise((resolve) => session.once('Tracing.tracingComplete', resolve));
  await session.send('Tracing.end');
  // Bounded: a trace that never completes fails this run with a reason instead of hanging it.
  let timer;
  const late = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`Tracing.tracingComplete did not arrive within ${TRACE_END_MS / 1000} s`)), TRACE_END_MS)));
  await Promise.race([complete, late]).finally(() => clearTimeout(timer));
  session.off('Tracing.dataCollected', onData);
  return events;
}
/** Main-thread tasks after the page's mark (default: BUILT_MARK), and which of them ran content-script code. */
function tasksAfterMark(events, mark = events.find((e) => e.name === BUILT_MARK)) {
  if (!mark) return null;
  const { pid, tid } = mark;
  const onThread = (e) => e.pid === pid && e.tid === tid;
  // Top-level tasks (a RunTask inside another is part of it).
  const tasks = [];
  for (const e of events.filter((e) => onThread(e) && e.ph === 'X' && /RunTask$/.test(e.name) && e.ts >= mark.ts).sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
    const last = tasks.at(-1);
    if (last && e.ts < last.ts + last.dur) continue;
    tasks.push({ ts: e.ts, dur: e.dur, tdur: e.tdur ?? e.dur, ext: false });
  }
  // CPU-profile samples of the page's thread, with their time and whether a content-script frame is on the stack.
  const nodes = new Map();
  const samples = [];
  const profiles = new Map(events.filter((e) => e.name === 'Profile' && e.pid === pid).map((e) => [e.id, { t: e.args.data.startTime }]));
  for (const e of events.filter((e) => e.name === 'ProfileChunk' && e.pid === pid && profiles.has(e.id))) {
    const prof = profiles.get(e.id);
    const cpu = e.args.data.cpuProfile ?? {};
    for (const n of cpu.nodes ?? []) nodes.set(`${e.id}:${n.id}`, { parent: n.parent === undefined ? undefined : `${e.id}:${n.parent}`, url: n.callFrame.url ?? '' });
    const deltas = e.args.data.timeDeltas ?? [];
    (cpu.samples ?? []).forEach((id, i) => {
      prof.t += deltas[i] ?? 0;
      samples.push({ t: prof.t, node: `${e.id}:${id}`, dt: deltas[i + 1] ?? 0 });
    });
  }
  const memo = new Map();
  const inContent = (key) => {
    if (memo.has(key)) return memo.get(key);
    const n = nodes.get(key);
    const v = !!n && (CONTENT_RE.test(n.url) || (n.parent !== undefined && inContent(n.parent)));
    memo.set(key, v);
    return v;
  };
  let contentUs = 0;
  let i = 0;
  samples.sort((a, b) => a.t - b.t);
  for (const smp of samples) {
    if (smp.t < mark.ts || !inContent(smp.node)) continue;
    contentUs += smp.dt;
    while (i < tasks.length && tasks[i].ts + tasks[i].dur < smp.t) i++;
    if (i < tasks.length && tasks[i].ts <= smp.t) {
      tasks[i].ext = true;
      tasks[i].extUs = (tasks[i].extUs ?? 0) + smp.dt;
    }
  }
  // The content script's own share of a task's CPU time (a page task can run our MutationObserver callback at its end).
  for (const t of tasks) t.extCpu = t.ext ? Math.min(1, t.extUs / Math.max(t.dur, 1)) * t.tdur : 0;
  return { tasks, contentMs: contentUs / 1000 };
}
const maxOf = (xs) => (xs.length ? Math.max(...xs) : 0);
/** Figures of one traced load: every task after the mark, the extension's tasks, content-script time, first → last extension task. */
function hostileFigures(events) {
  const r = tasksAfterMark(events);
  if (!r) return null;
  const ext = r.tasks.filter((t) => t.ext);
  return {
    longestTaskMs: maxOf(r.tasks.map((t) => t.dur)) / 1000,
    longestTaskCpuMs: maxOf(r.tasks.map((t) => t.tdur)) / 1000,
    longTasks: r.tasks.filter((t) => t.dur > 50_000).length,
    extLongestMs: maxOf(ext.map((t) => t.dur)) / 1000,
    extLongestCpuMs: maxOf(ext.map((t) => t.tdur)) / 1000,
    extTasksOver50Cpu: ext.filter((t) => t.tdur > 50_000).length,
    // by the content script's own share of each task's CPU time; and leaving out its first task (the script's start-up)
    extOwnCpuMs: maxOf(ext.map((t) => t.extCpu)) / 1000,
    extAfterStartCpuMs: maxOf(ext.slice(1).map((t) => t.tdur)) / 1000,
    extTasks: ext.length,
    contentMs: r.contentMs,
    resultsMs: ext.length ? (ext.at(-1).ts + ext.at(-1).dur - ext[0].ts) / 1000 : 0,
  };
}

if (run('6')) {
  console.log(`\n6. Hostile pages with the built extension${EXTENSION ? ` (${EXTENSION})` : ''}, and without it (baseline, same run)`);
  const built = `<script>performance.mark('${BUILT_MARK}')</script>`;
  const hostile = readFileSync('tests/fixtures/dynamic/hostile.html', 'utf8');
  const hostileBuilt = hostile.replace('</body>', `${built}</body>`);
  // Static pages are built by their own script before the mark; dynamic ones are driven after load.
  const pages = {
    // hidden: the browser's layout of 10 MB of text would dwarf what is measured (the content script reads node data only)
    'a 10 MB text node': {
      body: `<!doctype html><html><head></head><body><p id="big" hidden></p><a href="/store/apps/details?id=com.intsig.camscanner">CamScanner</a><script>document.getElementById('big').textContent='lorem ipsum dolor WeChat sit amet '.repeat(300000)</script>${built}</body></html>`,
    },
    '10,000 anchors (covered and other)': {
      body: `<!doctype html><html><head></head><body>${Array.from({ length: 10000 }, (_, i) => `<a href="/store/apps/details?id=${i % 10 === 0 ? 'com.intsig.camscanner' : 'com.example.app' + i}">App ${i}</a>`).join('')}${built}</body></html>`,
    },
    '3,000 covered cards appended at once': { body: hostileBuilt, drive: () => window.hostile.append(3000), settle: 3000 },
    're-render storm (40 cards every 50 ms, 5 s)': {
      body: hostileBuilt,
      drive: async () => {
        window.hostile.append(40);
        await window.hostile.rerender(50, 5000);
      },
      settle: 1000,
    },
    'ticker (a text line replaced every 50 ms, 5 s, beside 100 covered cards)': {
      body: hostileBuilt.replace(
        '</body>',
        `<script>window.ticker=function(ms,forMs){var line=document.createElement('p');document.body.prepend(line);var n=0;return new Promise(function(r){var t=setInterval(function(){var s=document.createElement('span');s.textContent='WeChat Pay '+(n++)+' — Alipay +0.'+(n%10)+'% · QQ Wallet';line.replaceChildren(s);},ms);setTimeout(function(){clearInterval(t);r();},forMs);});};</script></body>`,
      ),
      drive: async () => {
        window.hostile.append(100);
        await window.ticker(50, 5000);
      },
      settle: 1000,
    },
  };
  // The baseline: the same pages in a browser without the extension, served as the extension's harness serves them.
  const plainServed = new Map();
  const { browser: plain, context: plainContext } = await plainBrowser(plainServed);
  const rows = [];
  out.hostile = {};
  let n = 0;
  for (const [name, spec] of Object.entries(pages)) {
    const runs = { with: [], without: [] };
    for (let i = 0; i < (QUICK ? 3 : 5); i++) {
      // Alternate which goes first, so that a busy moment of the machine does not always hit one side.
      for (const side of i % 2 ? ['without', 'with'] : ['with', 'without']) {
        const url = `https://play.google.com/store/search?q=hostile&c=apps&n=${n++}`;
        const ctx = side === 'with' ? h.context : plainContext;
        if (side === 'with') h.serve(url, spec.body);
        else plainServed.set(url, spec.body);
        const page = await ctx.newPage();
        const session = await ctx.newCDPSession(page);
        const events = await traced(session, async () => {
          await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
          if (side === 'with') await h.reportFor(url, { timeout: 30_000 }).catch(() => console.log(`   ${name}: no report`));
          if (spec.drive) await page.evaluate(spec.drive);
          await page.waitForTimeout(spec.settle ?? 1500);
        });
        const fig = hostileFigures(events);
        if (fig) runs[side].push(fig);
        else console.log(`   ${name} (${side}): no mark in the trace`);
        await session.detach();
        await page.close();
      }
    }
    const pick = (side, key) => stat(runs[side].map((r) => r[key]));
    const rec = {
      extOwnCpuMs: pick('with', 'extOwnCpuMs'),
      extAfterStartCpuMs: pick('with', 'extAfterStartCpuMs'),
      extLongestCpuMs: pick('with', 'extLongestCpuMs'),
      extLongestMs: pick('with', 'extLongestMs'),
      extTasksOver50Cpu: pick('with', 'extTasksOver50Cpu'),
      extTasks: pick('with', 'extTasks'),
      contentScriptMs: pick('with', 'contentMs'),
      resultsMs: pick('with', 'resultsMs'),
      longestTaskCpuMs: { with: pick('with', 'longestTaskCpuMs'), without: pick('without', 'longestTaskCpuMs') },
      longestTaskMs: { with: pick('with', 'longestTaskMs'), without: pick('without', 'longestTaskMs') },
      longTasks: { with: pick('with', 'longTasks'), without: pick('without', 'longTasks') },
    };
    rec.longestCpuRatio = rec.longestTaskCpuMs.with.median / rec.longestTaskCpuMs.without.median;
    out.hostile[name] = rec;
    rows.push([
      name,
      spread(rec.extLongestCpuMs, 1),
      f(rec.extLongestMs.median, 1),
      f(rec.extAfterStartCpuMs.median, 1),
      f(rec.extOwnCpuMs.median, 1),
      `${f(rec.longestTaskCpuMs.with.median, 1)} / ${f(rec.longestTaskCpuMs.without.median, 1)} = ${f(rec.longestCpuRatio, 1)}×`,
      `${f(rec.longTasks.with.median, 0)} / ${f(rec.longTasks.without.median, 0)}`,
      `${f(rec.extTasks.median, 0)}`,
      spread(rec.contentScriptMs, 1),
      f(rec.resultsMs.median, 0),
      check(rec.extOwnCpuMs.max <= 50),
    ]);
  }
  await plain.close();
  table(rows, [
    'page',
    'extension\'s longest task, CPU ms',
    '(wall)',
    'after start-up',
    'its own share',
    'longest task CPU ms: with / without',
    'tasks > 50 ms wall: with / without',
    'ext. tasks',
    'content-script ms',
    'first → last ext. task (ms)',
    'no ext. task > 50 ms',
  ]);
  console.log(`   medians of ${QUICK ? 3 : 5} loads each side (with/without alternating first). Tasks: the page's main-thread RunTask`);
  console.log('   events after it marked its own work done (thread-CPU "tdur" and wall "dur"); the extension\'s: a task holding a');
  console.log('   CPU-profile sample with a content*.js frame; wall time also counts other processes on a busy machine.');
  console.log('   "no ext. task > 50 ms" checks the largest of every load\'s "its own share" (CPU). "after start-up": the same leaving out the first');
  console.log('   extension task (the script\'s evaluation at document_start, before the scan). "its own share": the task\'s CPU');
  console.log('   time × the share of its wall time in content*.js samples (a page task can end with our MutationObserver callback).');
  console.log('   content-script ms: profile samples in content*.js (wall time: inflated on a busy machine, compare with and without).');

  // 3,000 covered cards, then all but 40 removed: what stays in memory; and a page re-rendering its cards.
  {
    const url = 'https://play.google.com/store/search?q=memory&c=apps';
    h.serve(url, hostile);
    const page = await h.context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const { tabId } = await h.reportFor(url);
    const session = await h.context.newCDPSession(page);
    await page.evaluate(() => window.hostile.append(3000));
    await page.waitForFunction(() => document.querySelectorAll('[data-covered-apps="badge"]').length >= 2000, null, { timeout: 30_000 }).catch(() => null);
    await page.waitForTimeout(1500);
    const badgesAt3000 = await page.evaluate(() => document.querySelectorAll('[data-covered-apps="badge"]').length);
    await page.evaluate(() => window.hostile.keep(40));
    await page.waitForTimeout(1500);
    await session.send('HeapProfiler.collectGarbage');
    const dom = await session.send('Memory.getDOMCounters');
    const heap = await session.send('Runtime.getHeapUsage');
    const toolbar = await h.sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId).catch(() => '?');
    out.hostile.cards = { badgesAt3000, nodesAfterRemoval: dom.nodes, heapUsedMB: heap.usedSize / 2 ** 20, toolbarAfterRemoval: toolbar };
    // Re-rendering every card every 50 ms for 5 s: findings messages (= report writes by the background).
    await h.sw.evaluate((key) => {
      globalThis.__benchWrites = 0;
      chrome.storage.onChanged.addListener((c, area) => {
        if (area === 'session' && key in c) globalThis.__benchWrites++;
      });
    }, `tab:${tabId}`);
    await page.evaluate(() => window.hostile.rerender(50, 5000));
    await page.waitForTimeout(500);
    out.hostile.rerenderWrites = await h.sw.evaluate(() => globalThis.__benchWrites).catch(() => NaN);
    table(
      [
        ['badges drawn after 3,000 cards', String(badgesAt3000)],
        ['DOM nodes after removing all but 40 (after GC)', String(dom.nodes)],
        ['page heap used after GC (MB)', f(out.hostile.cards.heapUsedMB, 1)],
        ['toolbar count after removal', toolbar],
        ['findings messages stored while re-rendering 40 cards every 50 ms for 5 s', String(out.hostile.rerenderWrites)],
      ],
      ['measure', 'value'],
    );
    await session.detach();
    await page.close();
  }
}
await h.close();

// 7. Scale (issue 10): the real record and the synthetic 10× one -------------------
// Each record's build in its own browser: content-script sizes, DOMContentLoaded →
// banner with a warm and with a stopped ("cold") service worker, the content
// script's main-thread time on the covered page (cold worker, CDP Profiler), and
// the background's answers to the content script's messages (its first one, and
// its question about the covered page's listings and text).
if (run('7')) {
  const SYNTH_DIST = 'bench-output/dist-synthetic-10x';
  const synthAt = existsSync(`${SYNTH_DIST}/chrome/manifest.json`) ? statSync(`${SYNTH_DIST}/chrome/manifest.json`).mtimeMs : 0;
  if (process.argv.includes('--build') || synthAt < newestMtime(['src', 'extension', 'manifest.json', 'vite.content.config.ts', 'vite.config.ts', 'scripts/build.mjs', 'scripts/synthetic-record.ts', 'scripts/vite-plugin-covered-index.ts'])) {
    console.log(`\n${SYNTH_DIST} is missing or older than the sources: building the synthetic 10× record there`);
    const t0 = Date.now();
    execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...env, COVERED_APPS_RECORD: 'synthetic-10x', COVERED_APPS_DIST: SYNTH_DIST } });
    out.syntheticBuildSeconds = (Date.now() - t0) / 1000;
  }
  console.log('\n7. Scale: the real record and the synthetic 10× record (5,000 entities, 500 measures, 50,000 identifiers)');
  const SCALE_LOADS = QUICK ? 6 : 15;
  const SCALE_PROFILED = QUICK ? 4 : 8;
  const covered = COVERED.find((c) => c.pkg === 'com.intsig.camscanner') ?? COVERED[0];
  const probe = `<script>(function(){var b=window.__bannerBench={dcl:null,banner:null};
  document.addEventListener('DOMContentLoaded',function(){b.dcl=performance.now();});
  new MutationObserver(function(recs,mo){for(var i=0;i<recs.length;i++){var a=recs[i].addedNodes;for(var j=0;j<a.length;j++){var n=a[j];
  if(n.nodeType===1&&n.getAttribute('data-covered-apps')==='banner'){b.banner=performance.now();mo.disconnect();return;}}}}).observe(document,{childList:true,subtree:true});})();</script>`;
  const body = playListingFromCapture({ pkg: covered.pkg, name: `${covered.name} - Bench`, developer: 'Bench Developer' }).replace(/<head>/i, `<head>${probe}`);

  /** Stops the extension's service worker (the next message starts it again: a cold start). */
  async function stopWorker(hh) {
    const page = await hh.context.newPage();
    const cdp = await hh.context.newCDPSession(page);
    const stopped = new Promise((resolve) => {
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        if (versions.some((v) => v.scriptURL.startsWith(`chrome-extension://${hh.extensionId}/`) && v.runningStatus === 'stopped')) resolve(true);
      });
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const ok = await Promise.race([stopped, new Promise((r) => setTimeout(() => r(false), 5000))]);
    await cdp.detach();
    await page.close();
    return ok;
  }
  /** One load of the covered listing: DCL → banner (ms), and the content script's main-thread ms when profiled. */
  async function coveredLoad(hh, url, { cold, profile }) {
    if (cold) await stopWorker(hh);
    hh.serve(url, body);
    const page = await hh.context.newPage();
    const session = await hh.context.newCDPSession(page);
    if (profile) await startProfiler(session);
    await page.goto(url, { waitUntil: 'load' });
    const r = await page
      .waitForFunction(() => window.__bannerBench.banner !== null && window.__bannerBench, null, { polling: 20, timeout: 15_000 })
      .then((x) => x.jsonValue())
      .catch(() => null);
    let content;
    if (profile) {
      await page.waitForTimeout(1500);
      content = contentScriptSamples((await session.send('Profiler.stop')).profile);
    }
    await session.detach();
    await page.close();
    return { latency: r ? r.banner - r.dcl : undefined, contentMs: content?.ms, gapMs: content?.gapMs };
  }
  /**
   * The content script's own messages, sent again from its isolated world: the first
   * one (page-start) and the question about the page's listings and text, as the
   * scanner would ask it (the listings and text read here from the page). Round trip ms and bytes.
   */
  /** Opens the covered page at `url`, noting the content script's isolated worlds; resolves once its banner is in (or 15 s passed). */
  async function openNotingWorlds(hh, url) {
    hh.serve(url, body);
    const page = await hh.context.newPage();
    const session = await hh.context.newCDPSession(page);
    const contexts = [];
    session.on('Runtime.executionContextCreated', ({ context }) => {
      if (context.auxData?.type === 'isolated' && context.origin.startsWith('chrome-extension://')) contexts.push(context.id);
    });
    await session.send('Runtime.enable');
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__bannerBench.banner !== null, null, { polling: 20, timeout: 15_000 }).catch(() => null);
    return { page, session, contexts };
  }
  async function pageQuestions(hh, { cold }) {
    const { page, session, contexts } = await openNotingWorlds(hh, `https://play.google.com/store/apps/details?id=${covered.pkg}&hl=en&request=${Math.random()}`);
    if (cold) await stopWorker(hh);
    const { result } = await session.send('Runtime.evaluate', {
      contextId: contexts.at(-1),
      awaitPromise: true,
      returnByValue: true,
      expression: `(async () => { const ext = globalThis.chrome; const t0 = performance.now();
        const id = new URLSearchParams(location.search).get('id');
        const own = { type: 'match', describe: true, listings: [{ role: 'main', key: 'google-play:' + id, ids: [{ platform: 'google-play', value: id, from: 'url' }] }] };
        const [[a, t1], [td, described]] = await Promise.all([ext.runtime.sendMessage({ type: 'page-start' }).then((r) => [r, performance.now()]),
          ext.runtime.sendMessage(own).then((r) => [performance.now(), !!(r && r.found && r.found[0] && r.described)])]);
        const ids = [...document.querySelectorAll('a[href*="details?id="]')].slice(0, 200).map((a) => ({ platform: 'google-play', value: new URL(a.href).searchParams.get('id'), from: 'link' }));
        const listings = [{ role: 'main', name: document.querySelector('h1')?.textContent ?? '', ids: [{ platform: 'google-play', value: new URLSearchParams(location.search).get('id'), from: 'url' }] },
          ...ids.map((id) => ({ role: 'link', ids: [id] }))];
        const text = document.body.innerText.slice(0, 300000);
        const question = { type: 'match', listings, text };
        const t2 = performance.now(); const r = await ext.runtime.sendMessage(question); const t3 = performance.now();
        return { startMs: t1 - t0, ownMs: described ? td - t0 : null, startBytes: JSON.stringify(a).length, ms: t3 - t2, bytes: JSON.stringify(question).length, answerBytes: JSON.stringify(r).length }; })()`,
    });
    await session.detach();
    await page.close();
    return result.value;
  }

  /**
   * The content script's main-thread time on the covered page, cold worker: CDP Profiler
   * samples with a content*.js frame (wall), the part of it in sample gaps ≥ 2 ms, and thread CPU (trace).
   */
  async function mainThreadFigures(hh, url) {
    const wall = [];
    const gaps = [];
    for (let i = 0; i < SCALE_PROFILED; i++) {
      const p = await coveredLoad(hh, url(), { cold: true, profile: true });
      wall.push(p.contentMs);
      gaps.push(p.gapMs);
    }
    // The same, as thread CPU time: each main-thread task's CPU time (trace) times the share of its
    // samples in content-script code. The profiler's own figure is wall time: on a machine with few
    // cores, a cold worker parsing the record meanwhile stretches it.
    const cpu = [];
    const evaluate = [];
    for (let i = 0; i < SCALE_PROFILED; i++) {
      await stopWorker(hh);
      const u = url();
      hh.serve(u, body);
      const page = await hh.context.newPage();
      const session = await hh.context.newCDPSession(page);
      // devtools.timeline too: its EvaluateScript events are the content script's compile and top-level run.
      const events = await traced(session, async () => {
        await page.goto(u, { waitUntil: 'load' });
        await page.waitForFunction(() => window.__bannerBench.banner !== null, null, { polling: 20, timeout: 15_000 }).catch(() => null);
        await page.waitForTimeout(1500);
      }, [...TRACE_CATEGORIES, 'devtools.timeline']);
      await session.detach();
      await page.close();
      // From the page's navigation (its main thread's last navigationStart mark): the script's start at document_start included.
      const nav = events.filter((e) => e.name === 'navigationStart').sort((a, b) => a.ts - b.ts).at(-1);
      if (!nav) continue;
      const r = tasksAfterMark(events, nav);
      if (r) cpu.push(r.tasks.reduce((sum, t) => sum + t.extCpu, 0) / 1000);
      const evaluated = events.filter((e) => e.pid === nav.pid && e.tid === nav.tid && e.name === 'EvaluateScript' && CONTENT_RE.test(e.args?.data?.url ?? ''));
      if (evaluated.length) evaluate.push(evaluated.reduce((sum, e) => sum + (e.tdur ?? e.dur), 0) / 1000);
    }
    return { contentScriptMsCold: stat(wall), contentScriptGapMsCold: stat(gaps), contentScriptCpuMsCold: stat(cpu), evaluateCpuMsCold: stat(evaluate) };
  }
  /** The rows of mainThreadFigures' figures, for a record or the floor. */
  const mainThreadRows = (label, m, target = '') => [
    [`${label}: content-script main-thread ms, covered page, cold worker`, spread(m.contentScriptMsCold, 2), target],
    [`${label}: of which in gaps ≥ 2 ms between samples (the sampler or the thread without CPU)`, spread(m.contentScriptGapMsCold, 2), ''],
    [`${label}: the same as thread CPU ms (trace: tasks' CPU time × content-script share)`, spread(m.contentScriptCpuMsCold, 2), ''],
    [`${label}: its evaluation at document_start (compile and top-level run), thread CPU ms (trace)`, spread(m.evaluateCpuMsCold, 2), ''],
  ];

  out.scale = {};
  // The floor: tests/bench/floor-extension, a content script that only sends one message at
  // document_start and draws the same banner code (ui.ts) with the answer, measured the same way in
  // this run. What any content script showing our banner costs on this machine, under this profiler.
  /** A copy of the extension at `from` in `to`, its google-play content script built from `entry` (vite.content.config.ts). */
  const contentBuild = (from, to, entry) => {
    rmSync(to, { recursive: true, force: true });
    cpSync(from, to, { recursive: true, filter: (src) => !src.endsWith('.ts') });
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'vite.content.config.ts', '--logLevel', 'warn'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...env, COVERED_APPS_CONTENT_ENTRY: entry, COVERED_APPS_CONTENT_OUT: to },
    });
    return to;
  };
  const FLOOR_DIST = contentBuild('tests/bench/floor-extension', 'bench-output/floor-extension', 'tests/bench/floor-extension/content.ts');
  {
    const hf = await launchChromium({ extension: resolve(FLOOR_DIST) });
    let n = 0;
    const url = () => `https://play.google.com/store/apps/details?id=${covered.pkg}&hl=en&scale=f${n++}`;
    await coveredLoad(hf, url(), { cold: false }); // first load: compile caches, the worker up
    out.scale.floor = { contentScriptBytes: statSync(`${FLOOR_DIST}/content-google-play.js`).size, ...(await mainThreadFigures(hf, url)) };
    await hf.close();
    table(mainThreadRows(`floor (one message, the same banner; ${out.scale.floor.contentScriptBytes} B)`, out.scale.floor), ['measure', 'median [p25–p75] n', '']);
  }
  const rows = [];
  const records = [
    ['real', EXTENSION ?? 'dist/chrome'],
    ['synthetic 10×', `${SYNTH_DIST}/chrome`],
  ];
  for (const [label, dir] of records) {
    const sizes = readdirSync(dir)
      .filter((n) => /^content-.+\.js$/.test(n))
      .map((n) => statSync(join(dir, n)).size);
    let hh;
    try {
      hh = await launchChromium({ extension: resolve(dir) });
    } catch (e) {
      // e.g. the harness's first popup load timing out on a loaded machine (the 10× popup loads its 12 MB record)
      console.log(`   ${label}: the browser with this build did not start: ${String(e).split('\n')[0]}`);
      out.scale[label] = { contentScriptBytes: { max: Math.max(...sizes), min: Math.min(...sizes), n: sizes.length }, launchError: String(e).split('\n')[0] };
      continue;
    }
    let n = 0;
    const url = () => `https://play.google.com/store/apps/details?id=${covered.pkg}&hl=en&scale=${label === 'real' ? 'r' : 's'}${n++}`;
    await coveredLoad(hh, url(), { cold: false }); // first load: compile caches, the worker up
    const warm = [];
    const cold = [];
    for (let i = 0; i < SCALE_LOADS; i++) {
      // interleaved, so drift in the machine's load hits both alike
      const w = await coveredLoad(hh, url(), { cold: false });
      const c = await coveredLoad(hh, url(), { cold: true });
      if (w.latency !== undefined) warm.push(w.latency);
      if (c.latency !== undefined) cold.push(c.latency);
    }
    const main = await mainThreadFigures(hh, url);
    const answers = { warm: [], cold: [] };
    for (let i = 0; i < (QUICK ? 3 : 6); i++) {
      answers.warm.push(await pageQuestions(hh, { cold: false }));
      answers.cold.push(await pageQuestions(hh, { cold: true }));
    }
    await hh.close();
    const rec = {
      contentScriptBytes: { max: Math.max(...sizes), min: Math.min(...sizes), n: sizes.length },
      bannerWarmMs: stat(warm),
      bannerColdMs: stat(cold),
      missedBanners: { warm: SCALE_LOADS - warm.length, cold: SCALE_LOADS - cold.length },
      ...main,
      startBytes: answers.warm[0]?.startBytes,
      startAnswerWarmMs: stat(answers.warm.map((a) => a.startMs)),
      startAnswerColdMs: stat(answers.cold.map((a) => a.startMs)),
      ownListingColdMs: stat(answers.cold.flatMap((a) => (a.ownMs === null ? [] : [a.ownMs]))),
      ownListingMissed: answers.cold.filter((a) => a.ownMs === null).length,
      questionBytes: answers.warm[0]?.bytes,
      answerBytes: answers.warm[0]?.answerBytes,
      questionAnswerWarmMs: stat(answers.warm.map((a) => a.ms)),
    };
    out.scale[label] = rec;
    rows.push(
      [`${label}: largest content script (B; ${sizes.length} files)`, String(rec.contentScriptBytes.max), `≤ 40,960 ${check(rec.contentScriptBytes.max <= 40960)}`],
      [`${label}: DOMContentLoaded → banner, warm worker (ms)`, spread(rec.bannerWarmMs, 1), `≤ 50 ${check(rec.bannerWarmMs.median <= 50)}`],
      [`${label}: DOMContentLoaded → banner, cold worker (ms)`, spread(rec.bannerColdMs, 1), `≤ 50 ${check(rec.bannerColdMs.median <= 50)}`],
      ...mainThreadRows(label, rec, `≤ 15 ${check(rec.contentScriptMsCold.median <= 15)}`),
      [`${label}: ÷ the floor (profiler; thread CPU)`, `${f(rec.contentScriptMsCold.median / out.scale.floor.contentScriptMsCold.median)}×; ${f(rec.contentScriptCpuMsCold.median / out.scale.floor.contentScriptCpuMsCold.median)}×`, ''],
      [`${label}: first message (page-start) answer, warm worker (ms; ${(rec.startBytes / 1024).toFixed(1)} KB)`, spread(rec.startAnswerWarmMs, 1), ''],
      [`${label}: first message answer, cold worker (ms; includes its start)`, spread(rec.startAnswerColdMs, 1), ''],
      [`${label}: the page's own listing described, asked with it, cold worker (ms)${rec.ownListingMissed ? `; ${rec.ownListingMissed} not described` : ''}`, spread(rec.ownListingColdMs, 1), ''],
      [`${label}: question → answer, the page's listings and text (ms; ${(rec.questionBytes / 1024).toFixed(0)} KB → ${(rec.answerBytes / 1024).toFixed(1)} KB)`, spread(rec.questionAnswerWarmMs, 1), ''],
    );
    if (rec.missedBanners.warm || rec.missedBanners.cold) rows.push([`${label}: loads without a banner in 15 s (warm/cold)`, `${rec.missedBanners.warm}/${rec.missedBanners.cold}`, '']);
    // Each record's rows as soon as they are measured (the 10× one takes longer).
    table(rows.splice(0), ['measure', 'median [p25–p75] n', 'target']);
  }
  // The same content scripts timing themselves, with no profiler: a build whose entry is
  // tests/bench/meter/entry.ts (floor-entry.ts for the floor) wraps, in its own world, every way
  // the browser calls it back and times each outermost call with performance.now(), and its
  // start-up from its first statement to its last. Read from its world after the load.
  /** Cold loads of the covered page, each followed by the meter's figures (start-up, callbacks). */
  async function meteredFigures(hh, url) {
    const total = [];
    const startUp = [];
    const callbacks = [];
    for (let i = 0; i < SCALE_PROFILED; i++) {
      await stopWorker(hh);
      const { page, session, contexts } = await openNotingWorlds(hh, url());
      await page.waitForTimeout(1500);
      const { result } = await session.send('Runtime.evaluate', { contextId: contexts.at(-1), returnByValue: true, expression: '({ ...globalThis.__coveredMeter })' });
      await session.detach();
      await page.close();
      const m = result.value;
      if (!m || typeof m.topLevelMs !== 'number') continue;
      total.push(m.topLevelMs + m.callbacksMs);
      startUp.push(m.topLevelMs);
      callbacks.push(m.callbacks);
    }
    return { selfTimedMsCold: stat(total), selfTimedStartUpMsCold: stat(startUp), selfTimedCallbacks: stat(callbacks) };
  }
  /**
   * A metered build (contentBuild), with tests/bench/meter/start.js run just before the content script
   * in the same world: the meter's clock starts there, so the start-up it counts includes compiling the script.
   */
  const meteredBuild = (from, to, entry) => {
    contentBuild(from, to, entry);
    copyFileSync('tests/bench/meter/start.js', join(to, 'meter-start.js'));
    const manifest = JSON.parse(readFileSync(join(to, 'manifest.json'), 'utf8'));
    const entries = manifest.content_scripts.filter((c) => c.js.includes('content-google-play.js'));
    if (entries.length !== 1) throw new Error(`${to}: no single content_scripts entry with content-google-play.js`);
    entries[0].js = ['meter-start.js', ...entries[0].js];
    writeFileSync(join(to, 'manifest.json'), JSON.stringify(manifest, null, 2));
    return to;
  };
  const metered = [
    ['floor', meteredBuild(FLOOR_DIST, 'bench-output/metered-floor', 'tests/bench/meter/floor-entry.ts')],
    ['real', meteredBuild(EXTENSION ?? 'dist/chrome', 'bench-output/metered-real', 'tests/bench/meter/entry.ts')],
    ['synthetic 10×', meteredBuild(`${SYNTH_DIST}/chrome`, 'bench-output/metered-synthetic-10x', 'tests/bench/meter/entry.ts')],
  ];
  for (const [label, dir] of metered) {
    const hm = await launchChromium({ extension: resolve(dir) }).catch((e) => (console.log(`   ${label} (metered): the browser did not start: ${String(e).split('\n')[0]}`), undefined));
    if (!hm) continue;
    let n = 0;
    const url = () => `https://play.google.com/store/apps/details?id=${covered.pkg}&hl=en&metered=${label[0]}${n++}`;
    await coveredLoad(hm, url(), { cold: false }); // first load: compile caches, the worker up
    const m = await meteredFigures(hm, url);
    await hm.close();
    out.scale[label] = { ...out.scale[label], ...m };
    const target = label === 'floor' ? '' : `≤ 15 ${check(m.selfTimedMsCold.median <= 15)}`;
    rows.push(
      [`${label}: content-script main-thread ms, self-timed (no profiler), covered page, cold worker`, spread(m.selfTimedMsCold, 2), target],
      [`${label}: of which its start-up at document_start, compiling included (ms)`, spread(m.selfTimedStartUpMsCold, 2), ''],
      [`${label}: callbacks timed (outermost calls)`, spread(m.selfTimedCallbacks, 0), ''],
    );
  }
  table(rows.splice(0), ['measure', 'median [p25–p75] n', 'target']);
  console.log('   DOMContentLoaded → banner: when the banner\'s host enters the DOM (drawn, by its inline style, from then on); below 0: before');
  console.log('   DOMContentLoaded (the answer about the page\'s address came while the page parsed).');
  console.log('   cold: the service worker stopped (CDP ServiceWorker.stopAllWorkers) before the load; the content script\'s request at');
  console.log('   document_start starts it. Main-thread: CDP Profiler samples with a content*.js frame (as in section 3), cold worker;');
  console.log('   those are wall time (a sample is as long as the time since the last), so CPU the page\'s thread did not get counts');
  console.log('   too: "of which in gaps" is the part counted from samples that came 2 ms or more after the one before (50 µs asked).');
  console.log('   CPU: the page\'s main-thread tasks from its navigation (trace), each task\'s thread time times the share of');
  console.log('   its samples with a content*.js frame (as in section 6; the trace samples about every 0.2 ms, so a task shorter');
  console.log('   than that may have none and count 0: a lower bound).');
  console.log('   evaluation: the trace\'s EvaluateScript events for content*.js (thread CPU): compiling the script happens before any');
  console.log('   of its frames is on the stack, so no profiler sample counts it; its top-level run is counted in both.');
  console.log('   self-timed: a metered build of the same content script (tests/bench/meter): every callback of its own (timers, frames,');
  console.log('   listeners, observers, message ports, promise reactions, onMessage) and its start-up timed with performance.now()');
  console.log('   in its own world, outermost calls only: no sampler, no attribution; the time it ran, including what the browser did');
  console.log('   inside its calls (a style or layout it forced), and any time its thread was not scheduled meanwhile. The start-up');
  console.log('   counts from tests/bench/meter/start.js, run just before the script in the same world: compiling it is included.');
  console.log('   floor: tests/bench/floor-extension, measured the same way in this run: one message at document_start, then the');
  console.log('   same banner (extension/content/ui.ts) drawn with the answer once the document is parsed; nothing read from the page.');
  console.log('   Answers: the content script\'s own messages sent again from its isolated world after the page settled (cold: the');
  console.log('   worker stopped just before the first one). The tables stay in the background: no content script receives them.');
  console.log('   The page\'s own listing: the question about the address, with describe, sent with the first message as at document_start;');
  console.log('   answered from the quick files and the describing record (src/match/quick-match.ts), not the matching tables.');
}

// 5. Bundle size ------------------------------------------------------------------
if (run('5')) {
  console.log('\n5. Content-script bundles (dist/chrome/content*.js)');
  const bundles = readdirSync('dist/chrome')
    .filter((n) => /^content.*\.js$/.test(n))
    .map((n) => {
      const b = readFileSync(join('dist/chrome', n));
      return { file: n, minifiedKB: b.length / 1024, gzippedKB: gzipSync(b).length / 1024 };
    });
  out.bundles = bundles;
  table(
    bundles.map((b) => [b.file, f(b.minifiedKB, 1), f(b.gzippedKB, 1), check(b.minifiedKB <= 40)]),
    ['file', 'KB minified', 'KB gzipped', '≤ 40 KB'],
  );
}

// 8. Inventory command line ----------------------------------------------------------
if (run('8')) {
  console.log('\n8. covered-apps check on a generated CSV (child processes; parse-only = read and parse, no matching)');
  out.inventory = await benchInventory({ quick: QUICK, table, f, median });
}

mkdirSync('bench-output', { recursive: true });
out.seconds = (Date.now() - started) / 1000;
writeFileSync('bench-output/bench.json', JSON.stringify(out, null, 2));
console.log(`\nwrote bench-output/bench.json (${out.seconds.toFixed(0)} s)`);
