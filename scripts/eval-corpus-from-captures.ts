// Generates the "real capture" part of the evaluation corpus (tests/eval/corpus.json):
// every listing the store adapters extract from the real page captures in
// tests/fixtures/captured (google-play/*.html, apple-app-store/*.html).
//
//   npx tsx scripts/eval-corpus-from-captures.ts            # print the capture records (JSON)
//   npx tsx scripts/eval-corpus-from-captures.ts --write    # merge them into tests/eval/corpus.json
//
// Labels are truth, set by hand: a capture listing is a negative unless it is listed
// in LABELS below (checked against src/data/entities.json). With --write, records for
// captures are replaced; hand-written records are kept as they are.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { googlePlay } from '../src/sites/google-play';
import { appleAppStore } from '../src/sites/apple-app-store';
import type { Listing, SiteAdapter } from '../src/sites/types';
import { parseDocument } from '../tests/dom';
import { capturedFixturesDir } from '../tests/fixtures-path';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpusPath = join(repoRoot, 'tests', 'eval', 'corpus.json');

/** The page URL each capture was taken from (SOURCES.md), which the adapters classify. */
const CAPTURE_URLS: Record<string, string> = {
  'google-play/collection_cluster_similar-to-translate_en.html': 'https://play.google.com/store/apps/collection/cluster?gsr=similar&hl=en',
  'google-play/datasafety_com.google.android.apps.translate_en.html': 'https://play.google.com/store/apps/datasafety?id=com.google.android.apps.translate&hl=en',
  'google-play/details_com.adex77.WhereAmI_en.html': 'https://play.google.com/store/apps/details?id=com.adex77.WhereAmI&hl=en',
  'google-play/details_com.google.android.apps.translate_en.html': 'https://play.google.com/store/apps/details?id=com.google.android.apps.translate&hl=en',
  'google-play/details_com.google.android.apps.translate_en_capture2.html': 'https://play.google.com/store/apps/details?id=com.google.android.apps.translate&hl=en',
  'google-play/details_com.mojang.minecraftpe_en.html': 'https://play.google.com/store/apps/details?id=com.mojang.minecraftpe&hl=en',
  'google-play/dev_5700313618786177705_GoogleLLC_en.html': 'https://play.google.com/store/apps/dev?id=5700313618786177705&hl=en',
  'google-play/developer_Mojang_en.html': 'https://play.google.com/store/apps/developer?id=Mojang&hl=en',
  'google-play/notfound_404_minimal.html': 'https://play.google.com/store/apps/datasafety?id=com.example.missing&hl=en',
  'google-play/search_panda_en.html': 'https://play.google.com/store/search?q=panda&c=apps&hl=en',
  'google-play/search_where-am-i_en.html': 'https://play.google.com/store/search?q=where%20am%20i&c=apps&hl=en',
  'google-play/store_apps_home_en_US.html': 'https://play.google.com/store/apps?hl=en_US',
  'apple-app-store/us_app_netflix_id363590051.html': 'https://apps.apple.com/us/app/netflix/id363590051',
  'apple-app-store/vn_app_sony-bao-hanh-dien-tu_id1193542964.html': 'https://apps.apple.com/vn/app/sony-bao-hanh-dien-tu/id1193542964',
};

const ADAPTERS: Record<string, SiteAdapter> = { 'google-play': googlePlay, 'apple-app-store': appleAppStore };

interface Expect {
  entity: string | null;
  tier: 1 | 2 | 3 | 4 | null;
}

/**
 * Hand labels for the covered apps that really appear in the captures, keyed by
 * "platform:value" of an id the listing carries (verified ids in entities.json).
 * Everything else in the captures is an ordinary app: expected not to match.
 */
const LABELS: Record<string, Expect & { note: string }> = {
  'google-play:com.tencent.mm': { entity: 'app-wechat', tier: 1, note: 'WeChat card: verified Play package com.tencent.mm' },
  'google-play:com.intsig.camscanner': { entity: 'app-camscanner', tier: 1, note: 'CamScanner card: verified Play package com.intsig.camscanner' },
  'google-play:com.zhiliaoapp.musically': { entity: 'app-tiktok', tier: 1, note: 'TikTok card: verified Play package com.zhiliaoapp.musically' },
  'google-play:com.zhiliaoapp.musically.go': { entity: 'app-tiktok-lite', tier: 1, note: 'TikTok Lite card: verified Play package com.zhiliaoapp.musically.go (entity app-tiktok-lite, a variant of TikTok)' },
};

export interface CorpusRecord {
  id: string;
  listing: Omit<Listing, 'element'>;
  context: string;
  expect: Expect;
  note: string;
  source?: string;
  pendingDataChange?: boolean;
}

function slug(s: string, max: number): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, max).replace(/-$/, '');
}

export function captureRecords(): CorpusRecord[] {
  const root = capturedFixturesDir;
  const out: CorpusRecord[] = [];
  for (const dir of Object.keys(ADAPTERS)) {
    const adapter = ADAPTERS[dir]!;
    for (const file of readdirSync(join(root, dir)).filter((f) => f.endsWith('.html')).sort()) {
      const key = `${dir}/${file}`;
      const url = CAPTURE_URLS[key];
      if (!url) throw new Error(`no URL recorded for capture ${key}: add it to CAPTURE_URLS`);
      const u = new URL(url);
      const kind = adapter.classify(u) ?? 'other';
      const listings = adapter.extract(parseDocument(readFileSync(join(root, key), 'utf8')), u);
      listings.forEach((l, i) => {
        const { element: _element, ...plain } = l;
        const label = l.ids.map((id) => LABELS[`${id.platform}:${id.value}`]).find(Boolean);
        out.push({
          id: `cap-${dir}-${slug(file.replace(/\.html$/, ''), 60)}-${String(i).padStart(2, '0')}-${slug(l.name ?? l.ids[0]?.value ?? 'listing', 32)}`,
          listing: plain,
          context: `${dir} ${kind}`,
          expect: label ? { entity: label.entity, tier: label.tier } : { entity: null, tier: null },
          note: label ? label.note : 'real capture: an app not covered by any measure',
          source: `capture:${key}`,
        });
      });
    }
  }
  return out;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const records = captureRecords();
  if (process.argv.includes('--write')) {
    let corpus: CorpusRecord[] = [];
    try {
      corpus = JSON.parse(readFileSync(corpusPath, 'utf8')) as CorpusRecord[];
    } catch {
      corpus = [];
    }
    const kept = corpus.filter((r) => !r.source?.startsWith('capture:'));
    writeFileSync(corpusPath, JSON.stringify([...kept, ...records], null, 2) + '\n');
    console.log(`${records.length} capture records written (${kept.length} hand-written records kept) to ${corpusPath}`);
  } else {
    console.log(JSON.stringify(records, null, 2));
  }
}
