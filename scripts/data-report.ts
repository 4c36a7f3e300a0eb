// Plain-text report of the dataset: measures × covered entities with status as of
// the dataset date, and counts of identifiers per platform.
// Run: npx tsx scripts/data-report.ts   (or: npm run data:report)
import { dataset } from '../src/data/dataset';
import { validateDataset } from '../src/data/validate';
import { coverageFor, measureStatusAt } from '../src/data/status';
import { US_STATES } from '../src/data/us-states';
import searchNotes from '../src/data/state-search-notes.json';

const WIDTH = 140;
const out: string[] = [];
const line = (s = '') => out.push(s.length > WIDTH ? s.slice(0, WIDTH - 1) + '…' : s);
const pad = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s.padEnd(n));
const wrap = (s: string, indent: number, width = WIDTH) => {
  const words = s.split(/\s+/);
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    if (cur && indent + cur.length + 1 + w.length > width) {
      lines.push(' '.repeat(indent) + cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(' '.repeat(indent) + cur);
  return lines;
};

const date = dataset.asOf;
const v = validateDataset(dataset);
line(`Covered Apps dataset, as of ${date}: ${dataset.measures.length} measures, ${dataset.entities.length} entities; validation: ${v.ok ? 'OK' : `${v.errors.length} error(s)`}`);
if (!v.ok) for (const e of v.errors) line(`  ! ${e}`);
line();

// ── Measures ──
line('MEASURES (status as of ' + date + ')');
line('-'.repeat(WIDTH));
const short = new Map<string, string>();
const SHORT: Record<string, string> = {
  'us-eo-13971': 'EO13971', 'us-eo-13942': 'EO13942', 'us-eo-13943': 'EO13943', 'us-eo-14034': 'EO14034',
  'us-pafaca': 'PAFACA', 'us-no-tiktok-gov-devices': 'NoTikTokGov', 'us-commerce-kaspersky-final-determination': 'Kaspersky-FD',
  'tx-dir-prohibited-technologies': 'TX-list', 'oh-eo-2023-03d': 'OH-EO', 'va-eo-24': 'VA-EO24',
};
for (const m of dataset.measures) {
  short.set(m.id, SHORT[m.id] ?? m.id);
  const s = measureStatusAt(m, date);
  line(`${pad(short.get(m.id)!, 13)} ${pad(m.shortTitle, 42)} ${pad(s.code, 19)} names ${String(m.names.length).padStart(2)}`);
  for (const l of wrap(s.text, 14)) line(l);
}
line();

// ── Measures by jurisdiction ──
const isState = (j: string) => (US_STATES as readonly string[]).includes(j);
const byJurisdiction = new Map<string, typeof dataset.measures>();
for (const m of dataset.measures) byJurisdiction.set(m.jurisdiction, [...(byJurisdiction.get(m.jurisdiction) ?? []), m]);
const group = (j: string) => (j.startsWith('United States') ? 'federal' : isState(j) ? 'state' : 'country');
line('MEASURES BY JURISDICTION (federal / each state / each country)');
line('-'.repeat(WIDTH));
for (const g of ['federal', 'state', 'country'] as const) {
  const js = [...byJurisdiction.keys()].filter((j) => group(j) === g).sort();
  const n = js.reduce((a, j) => a + byJurisdiction.get(j)!.length, 0);
  line(`${g}: ${n} measure(s) in ${js.length} jurisdiction(s)`);
  for (const j of js) line(`  ${pad(j, 26)} ${String(byJurisdiction.get(j)!.length).padStart(2)}  ${byJurisdiction.get(j)!.map((m) => m.id).join(', ')}`);
}
line();

// ── The 50 states ──
const notes = searchNotes.states as Record<string, { searched: string[]; found: string }>;
const withMeasures = US_STATES.filter((s) => byJurisdiction.has(s));
line(`US STATES: ${withMeasures.length} of ${US_STATES.length} with measures in the dataset (status as of ${date}; searched ${searchNotes.searchedOn})`);
line('-'.repeat(WIDTH));
for (const s of US_STATES) {
  const ms = byJurisdiction.get(s) ?? [];
  const head = `${pad(s, 15)} ${String(ms.length).padStart(2)}  `;
  const body = ms.length
    ? ms.map((m) => `${m.shortTitle} [${measureStatusAt(m, date).code}]`).join('; ') + (notes[s] ? ` — note: ${notes[s]!.found}` : '')
    : `${notes[s]?.found ?? 'none found (no search note)'} Searched: ${(notes[s]?.searched ?? []).join('; ')}`;
  const lines = wrap(body, 0, WIDTH - head.length);
  line(head + (lines[0] ?? ''));
  for (const l of lines.slice(1)) line(' '.repeat(head.length) + l);
}
line();

// ── Entities × measures ──
line('COVERAGE: entities reached by at least one measure (code = status for that entity; rel: n names it, b names the app it is a build of, c names its company, f names a feature it carries, r related only, dev develops a named app)');
line('-'.repeat(WIDTH));
const REL: Record<string, string> = { 'names-it': 'n', 'names-build-of': 'b', 'names-feature': 'f', 'names-company': 'c', related: 'r', develops: 'dev' };
let covered = 0;
for (const e of dataset.entities) {
  const cov = coverageFor(e.id, dataset, date);
  if (!cov.length) continue;
  covered++;
  const head = `${pad(e.id, 26)} ${pad(e.kind, 7)} `;
  const cells = cov.map((c) => `${short.get(c.measure.id)}[${REL[c.relation]}]=${c.status.code}`);
  const body = cells.join('  ');
  const lines = wrap(body, 0, WIDTH - head.length);
  line(head + (lines[0] ?? ''));
  for (const l of lines.slice(1)) line(' '.repeat(head.length) + l);
}
line(`${covered} of ${dataset.entities.length} entities are reached by some measure.`);
line();

// ── Identifiers per platform ──
line('IDENTIFIERS PER PLATFORM');
line('-'.repeat(WIDTH));
const counts = new Map<string, { v: number; u: number }>();
for (const e of dataset.entities)
  for (const x of e.identifiers) {
    const c = counts.get(x.platform) ?? { v: 0, u: 0 };
    if (x.verified) c.v++;
    else c.u++;
    counts.set(x.platform, c);
  }
line(`${pad('platform', 24)} ${'verified'.padStart(8)} ${'unverified'.padStart(10)}`);
let tv = 0;
let tu = 0;
for (const [p, c] of [...counts].sort((a, b) => a[0].localeCompare(b[0]))) {
  line(`${pad(p, 24)} ${String(c.v).padStart(8)} ${String(c.u).padStart(10)}`);
  tv += c.v;
  tu += c.u;
}
line(`${pad('total', 24)} ${String(tv).padStart(8)} ${String(tu).padStart(10)}`);
const dn = dataset.entities.flatMap((e) => e.storeDeveloperNames ?? []);
const la = dataset.entities.flatMap((e) => e.lookAlikes ?? []);
line(`store developer names: ${dn.filter((d) => d.verified).length} verified, ${dn.filter((d) => !d.verified).length} unverified; look-alikes: ${la.length}`);

console.log(out.join('\n'));
