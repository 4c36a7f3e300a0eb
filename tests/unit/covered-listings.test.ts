// The real Google Play detail capture (Minecraft), rewritten into the listings of the
// apps the in-force measures reach (tests/e2e/pages.mjs playListingFromCapture, the
// same pages the Chromium tests serve), run through the Play adapter, the matcher and
// the wording: which entity and tier, the exact sentence of every line, the date each
// measure began naming what it names, and whether the listing counts as a restriction.
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { compileIndex } from '../../src/match/compile';
import { matchListing, type Tier } from '../../src/match/match';
import { summarizeFinding, type LineEffect } from '../../src/match/wording';
import { mainListingOf } from '../covered-listing-page';
import table from '../covered-listings.json';

const index = compileIndex(dataset);

interface Case {
  what: string;
  pkg: string;
  name: string;
  developer: string;
  entity: string;
  tier: Tier;
  /** The listing's effect: a restriction in force (counted), or information. */
  effect: LineEffect;
  lines: [LineEffect, string][];
  /** measure id → the date it began naming what it names */
  namedOn: Record<string, string>;
}

// One table for the unit and the Chromium tests.
const cases = (table as unknown as { cases: Case[] }).cases;


describe('real Play listings of the apps the measures reach (issue 9)', () => {
  for (const c of cases) {
    it(c.what, () => {
      const listing = mainListingOf(c);
      // the capture really was rewritten: the adapter reads the new title, developer and package
      expect(listing.developer).toBe(c.developer);
      expect(listing.ids).toContainEqual({ platform: 'google-play', value: c.pkg, from: 'url' });
      const f = matchListing(listing, index);
      expect(f).not.toBeNull();
      const e = index.entities[f!.entity]!;
      expect({ entity: e.id, tier: f!.tier }).toEqual({ entity: c.entity, tier: c.tier });
      const s = summarizeFinding(f!, index);
      expect(s.lines.map((l) => [l.effect, l.text])).toEqual(c.lines);
      expect(s.effect).toBe(c.effect);
      expect(s.possible).toBe(false);
      expect(Object.fromEntries(e.coverage.map((cv) => [index.measures[cv.m]!.id, cv.namedOn]))).toEqual(c.namedOn);
      for (const l of s.lines) expect(l.text).not.toMatch(/\bbanned\b/i);
    });
  }

  it('look-alikes on the same real page stay clean', () => {
    for (const [pkg, name, developer] of [
      ['com.example.larkplayer', 'Lark Player: Music Player &amp; MP3', 'Lark Player Studio'],
      ['com.example.lark', 'Lark', 'Lark Technologies, Inc.'],
      ['com.example.capcom', 'CAPCOM Arcade Stadium', 'CAPCOM Co., Ltd.'],
      ['com.example.lemonade', 'Lemonade Insurance', 'Lemonade Inc.'],
      ['com.example.seek', 'Seek by iNaturalist', 'iNaturalist'],
      ['com.example.scanner', 'Cam Scanner - PDF Scanner App', 'Scanner Tools Ltd'],
      ['com.example.tim', 'TIM', 'TIM S.p.A.'],
      ['com.example.kdocs', 'Kingsoft Docs', 'Kingsoft Corp.'],
      ['com.example.sleep', 'Deep Sleep: Relax &amp; Sleep Sounds', 'Relax Apps'],
      ['com.example.temple', 'Temple Run', 'Imangi Studios'],
      ['com.example.mytim', 'MyTIM', 'TIM S.p.A.'],
    ] as const) {
      const f = matchListing(mainListingOf({ pkg, name, developer } as Case), index);
      expect(f === null || f.tier === 4, `${name} by ${developer}: ${f ? index.entities[f.entity]!.id + ' tier ' + f.tier : ''}`).toBe(true);
    }
  });
});
