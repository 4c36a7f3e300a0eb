// A synthetic record 10× beyond the grown one (issue 10 "Scale"), for the bench
// only: the real record plus invented companies, apps and measures up to 5,000
// entities, 500 measures and 50,000 identifiers. Deterministic (a seeded PRNG):
// the same seed gives the same record, byte for byte. Names are built from
// syllables no real app uses together ("Zorvaquin Plexdrum"), each with a
// trailing "x"-syllable so no generated name equals a real app's or a word a
// page would use; identifiers live under reserved namespaces (`synth.` packages,
// `synth-` domains, 9-prefixed numeric ids), so no listing of a real app
// matches one. Never shipped: `COVERED_APPS_RECORD=synthetic-10x node scripts/build.mjs`
// builds the extension with it (scripts/vite-plugin-covered-index.ts), and
// `npm run bench` section 7 does that in a separate directory.

import type { Dataset, Entity, Identifier, Measure, Platform } from '../src/data/schema';

export const SYNTHETIC_TARGET = { entities: 5000, measures: 500, identifiers: 50_000 };

/** mulberry32: small, fast, good enough for test data; same seed → same sequence. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ONSETS = ['z', 'qu', 'vr', 'pl', 'kh', 'tr', 'gl', 'br', 'sn', 'dr', 'fl', 'x', 'zh', 'kr', 'bl', 'v'];
const VOWELS = ['a', 'o', 'u', 'e', 'i', 'ay', 'oo'];
const CODAS = ['rv', 'nd', 'x', 'lk', 'mp', 'rq', 'zz', 'th', 'sk', 'n', 'rm'];
const TAILS = ['xan', 'xor', 'xil', 'xum', 'xet'];

/** Android/Apple/… identifiers in namespaces no real app uses. */
const PLATFORMS: { platform: Platform; value: (slug: string, n: number) => string }[] = [
  { platform: 'google-play', value: (s, n) => `synth.${s}.app${n}` },
  { platform: 'apple', value: (_s, n) => String(900_000_000_0 + n) },
  { platform: 'apple-bundle', value: (s, n) => `synth.${s}.ios${n}` },
  { platform: 'microsoft-store', value: (_s, n) => `9SYN${n.toString(36).toUpperCase().padStart(8, '0')}` },
  { platform: 'galaxy-store', value: (s, n) => `synth.${s}.galaxy${n}` },
  { platform: 'appgallery', value: (_s, n) => `C9${String(n).padStart(9, '0')}` },
  { platform: 'amazon', value: (_s, n) => `B0SYN${n.toString(36).toUpperCase().padStart(5, '0')}` },
  { platform: 'domain', value: (s, n) => `synth-${s}-${n}.example` },
  { platform: 'winget', value: (s, n) => `Synth.${s}${n}` },
  { platform: 'apple-mac', value: (_s, n) => String(910_000_000_0 + n) },
];

const SOURCE = (path: string) => [{ url: `https://synthetic.invalid/${path}`, title: 'Synthetic record (bench only)', kind: 'primary' as const }];

/** The real record grown to SYNTHETIC_TARGET with invented entities and measures. */
export function syntheticRecord(real: Dataset, seed = 10): Dataset {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const word = () => {
    let w = '';
    for (let n = 2 + Math.floor(rand() * 2); n > 0; n--) w += pick(ONSETS) + pick(VOWELS) + (rand() < 0.6 ? pick(CODAS) : '');
    return w + pick(TAILS);
  };
  const title = (w: string) => w[0]!.toUpperCase() + w.slice(1);
  const used = new Set<string>();
  const uniqueName = (words: number) => {
    for (;;) {
      const name = Array.from({ length: words }, () => title(word())).join(' ');
      if (!used.has(name.toLowerCase())) {
        used.add(name.toLowerCase());
        return name;
      }
    }
  };

  const entities: Entity[] = [];
  const companies: Entity[] = [];
  const needEntities = SYNTHETIC_TARGET.entities - real.entities.length;
  const realIds = real.entities.reduce((n, e) => n + e.identifiers.length, 0);
  let idsLeft = SYNTHETIC_TARGET.identifiers - realIds;
  let counter = 0;
  // One company per 9 apps.
  const nCompanies = Math.round(needEntities / 10);
  for (let c = 0; c < nCompanies; c++) {
    const name = `${uniqueName(2)} ${pick(['Technology Co., Ltd.', 'Software Ltd.', 'Network Pte. Ltd.', 'Labs Inc.'])}`;
    const e: Entity = {
      id: `co-synth-${c}`,
      kind: 'company',
      name,
      aliases: [],
      identifiers: [],
      storeDeveloperNames: [{ store: 'google-play', name, verified: true, sources: SOURCE(`co/${c}`) }],
      sources: SOURCE(`co/${c}`),
    };
    companies.push(e);
  }
  const nApps = needEntities - nCompanies;
  for (let a = 0; a < nApps; a++) {
    const name = uniqueName(1 + Math.floor(rand() * 2));
    const slug = name.toLowerCase().replace(/[^a-z]/g, '');
    const want = Math.max(1, Math.round(idsLeft / (nApps - a)));
    const identifiers: Identifier[] = [];
    for (let k = 0; k < want; k++) {
      const p = PLATFORMS[k % PLATFORMS.length]!;
      identifiers.push({ platform: p.platform, value: p.value(slug, counter++), verified: rand() < 0.9, sources: SOURCE(`app/${a}/${k}`) });
    }
    idsLeft -= identifiers.length;
    entities.push({
      id: `app-synth-${a}`,
      kind: 'app',
      name,
      aliases: rand() < 0.3 ? [{ text: `${name} ${title(word())}`, kind: 'former-name' }] : [],
      developerId: companies[a % companies.length]!.id,
      identifiers,
      sources: SOURCE(`app/${a}`),
    });
  }

  const measures: Measure[] = [];
  const all = [...companies, ...entities];
  const needMeasures = SYNTHETIC_TARGET.measures - real.measures.length;
  for (let m = 0; m < needMeasures; m++) {
    const label = `Synthetic Directive ${m + 1}`;
    const signed = `20${20 + (m % 6)}-0${1 + (m % 9)}-1${m % 10}`;
    const named = new Map<string, Entity>();
    // Every entity is named at least once; a few more at random.
    for (let k = m; k < all.length; k += needMeasures) named.set(all[k]!.id, all[k]!);
    for (let k = 0; k < 3; k++) {
      const e = pick(all);
      named.set(e.id, e);
    }
    const revoked = m % 5 === 4;
    measures.push({
      id: `synth-measure-${m}`,
      title: `${label} on listed software (synthetic, bench only)`,
      shortTitle: label,
      sentenceTitle: `the ${label}`,
      instrument: 'agency-list',
      jurisdiction: 'Synthetica',
      binds: 'Synthetica state agencies (synthetic).',
      prohibits: 'Bars the listed software on agency devices (synthetic).',
      summary: 'A synthetic measure generated for the scale bench; it describes nothing real.',
      dates: { signed },
      timeline: [
        { date: signed, text: 'Adopted (synthetic).', status: { code: 'in-force', text: 'in force for Synthetica agencies (synthetic)' }, sources: SOURCE(`m/${m}`) },
        ...(revoked
          ? [{ date: '2026-01-15', text: 'Withdrawn (synthetic).', status: { code: 'revoked' as const, text: 'withdrawn Jan 15, 2026 (synthetic)' }, sources: SOURCE(`m/${m}/r`) }]
          : []),
      ],
      sources: SOURCE(`m/${m}`),
      names: [...named.values()].map((e) => ({ entityId: e.id, label: e.name, reach: e.kind === 'company' ? ('company-and-subsidiaries' as const) : ('app' as const) })),
      noPrimaryText: 'Synthetic: there is no text.',
    });
  }
  return {
    asOf: real.asOf,
    measures: [...real.measures, ...measures],
    // Companies first, as in the real record.
    entities: [...real.entities.filter((e) => e.kind === 'company'), ...companies, ...real.entities.filter((e) => e.kind !== 'company'), ...entities],
  };
}
