// Audit findings on the entities (F14–F18, F22): what a listing gets, not how the data is spelled.
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { compileIndex } from '../../src/match/compile';
import { isFlag, matchListing } from '../../src/match/match';
import { summarizeFinding } from '../../src/match/wording';
import type { Listing } from '../../src/sites/types';

const index = compileIndex(dataset);
const find = (name: string, developer?: string, ids: Listing['ids'] = []) => {
  const l: Listing = { name, ids, role: 'card' };
  if (developer) l.developer = developer;
  const f = matchListing(l, index);
  return f ? { id: index.entities[f.entity]!.id, tier: f.tier, flag: isFlag(f), f } : null;
};

describe('F16: former names, nicknames and translations are shown, never matched', () => {
  it.each([
    ['Hong Kong Shopping Guide'], ["Rural India's TikTok"], ['Search Almighty King'], ['Eggplant Express'],
    ['Cam Scanner - PDF Scanner App'], ['TIM'], ['Little Red Book'], ['Douyin Overseas Edition'], ['Lark'],
  ])('"%s" with no developer flags nothing', (name) => {
    expect(find(name)).toBeNull();
  });

  it('the same names by the real developer are found through the developer', () => {
    expect(find('Cam Scanner', 'INTSIG Information Co.,Ltd')).toMatchObject({ id: 'co-intsig', tier: 2 });
    expect(find('TIM', 'Tencent Technology (Shenzhen) Company Limited')).toMatchObject({ id: 'co-tencent-shenzhen', tier: 2 });
  });
  // issue 10's look-alikes (Lark Player, Seek, CAPCOM, Lemonade, Temple Run, MyTIM …): on the real page in covered-listings.test.ts
});

describe('F17: Kingsoft Corp. is the parent group, not WPS Office\'s developer', () => {
  it('Kingsoft Docs by Kingsoft Corp. is not flagged (popup-only evidence at most)', () => {
    const r = find('Kingsoft Docs', 'Kingsoft Corp.');
    expect(r?.flag ?? false).toBe(false);
  });
  it('WPS Office by Kingsoft Corp. is still WPS Office (name + the unverified parent spelling)', () => {
    expect(find('WPS Office', 'Kingsoft Corp.')).toMatchObject({ id: 'app-wps-office', tier: 2 });
  });
});

describe('F15/F18: the real store developer spellings reach the named companies', () => {
  it.each([
    ['DeepSeek - AI Assistant', 'Hangzhou DeepSeek Artificial Intelligence Co., Ltd.', 'app-deepseek'],
    ['Kaspersky Security & VPN', 'AO Kaspersky Lab', 'app-kaspersky'],
    ['Kaspersky Security & VPN', 'Kaspersky Lab Switzerland', 'app-kaspersky'],
    ['Lemon8 - Lifestyle Community', 'Heliophilia Pte Ltd', 'app-lemon8'],
    ['CapCut - Video Editor', 'Bytedance Pte. Ltd.', 'app-capcut'],
    ['UC Browser', 'UCWeb Singapore Pte. Ltd.', 'app-uc-browser'],
    ['抖音', 'Beijing Microlive Vision Technology Co., Ltd', 'app-douyin'],
  ])('%s by %s → %s at the developer tier', (name, dev, id) => {
    expect(find(name, dev)).toMatchObject({ id, tier: 2 });
  });

  it('an unverified developer spelling alone never flags', () => {
    expect(find('Safe Kids', 'Kaspersky Lab Switzerland')?.flag).toBe(false);
    expect(find('Some Browser', 'UCWeb Singapore Pte. Ltd.')?.flag ?? false).toBe(false);
  });
});

describe('F22 and F14: company sentences are not self-referential, company notes are right', () => {
  it("DeepSeek's company is named by its legal name in the sentence", () => {
    const r = find('DeepSeek Helper', 'Hangzhou DeepSeek Artificial Intelligence Co., Ltd.')!;
    expect(r).toMatchObject({ id: 'co-deepseek', tier: 2 });
    const line = summarizeFinding(r.f, index).lines.find((l) => l.measure.id === 'tx-dir-prohibited-technologies');
    expect(line!.text).toMatch(/^DeepSeek Helper is by Hangzhou DeepSeek Artificial Intelligence Co\., Ltd\., the developer of DeepSeek, which the Texas prohibited technologies list names \(added Jan 31, 2025\); the measure names DeepSeek, not DeepSeek Helper — /);
    expect(line!.effect).toBe('related');
  });

  it('Heliophilia is the store publisher of Lemon8, at the address in Lemon8\'s terms; TikTok Inc. is not another name of TikTok Pte. Ltd.', () => {
    const r = find('Some Lifestyle App', 'Heliophilia Pte Ltd')!;
    expect(summarizeFinding(r.f, index).lines[0]!.text).toMatch(/^Some Lifestyle App is by Heliophilia Pte Ltd, the store publisher of Lemon8, which/);
    const byId = new Map(dataset.entities.map((e) => [e.id, e]));
    expect(byId.get('co-heliophilia')!.notes).toContain('1 Raffles Quay, #26-10, South Tower, Singapore 048583');
    expect(byId.get('co-tiktok-pte')!.aliases.map((a) => a.text)).not.toContain('TikTok Inc.');
  });
});

describe("a measure that names more apps than the record holds never says what it does not name (India's lists: namesPartial)", () => {
  it('an unrecorded app by a named app\'s maker: India\'s line says the app is not among the names recorded, never "not X"', () => {
    // an app by INTSIG the data does not record (a made-up listing)
    const r = find('Field Notes Scanner', 'INTSIG Information Co.,Ltd')!;
    const lines = summarizeFinding(r.f, index).lines.map((l) => l.text);
    const india = lines.filter((t) => t.includes("India's list of apps blocked under Section 69A"));
    expect(india.length).toBeGreaterThan(0);
    for (const t of india) {
      expect(t).toMatch(/the measure names Cam Scanner and many other apps by title, and Field Notes Scanner is not among those recorded here/);
      expect(t).not.toMatch(/, not Field Notes Scanner/);
    }
  });

  it('a measure whose names are all recorded still says "not X" (Texas names CamScanner, not CamCard)', () => {
    const r = find('CamCard - Business Card Reader', 'INTSIG Information Co.,Ltd')!;
    const texas = summarizeFinding(r.f, index).lines.find((l) => l.text.includes('Texas prohibited technologies list'))!;
    expect(texas.text).toMatch(/the measure names CamScanner, not CamCard/);
  });
});
