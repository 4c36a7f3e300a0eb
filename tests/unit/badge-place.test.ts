// Where a card's badge goes (extension/content/badge-place.ts, freeSpot): the
// boxes are those Chromium measured on the real Play list captures
// (tests/e2e/chromium-layout.e2e.mjs checks the same in the browser).
import { describe, expect, test } from 'vitest';
import { freeSpot, type Box } from '../../extension/content/badge-place';

const box = (x: number, y: number, width: number, height: number): Box => ({ x, y, width, height });
const meets = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Box, o: Box) => a.x >= o.x && a.y >= o.y && a.x + a.width <= o.x + o.width && a.y + a.height <= o.y + o.height;
const at = (s: { x: number; y: number }, w = 80, h = 16) => box(s.x, s.y, w, h);

describe('freeSpot', () => {
  test('a home-page card (icon on top, the title a full-width block): under the title', () => {
    const card = box(60, 222, 181, 245);
    const icon = box(72, 222, 169, 169);
    const title = box(72, 405, 169, 20);
    const s = at(freeSpot(card, [icon], title, 80, 16));
    expect(s).toMatchObject({ x: 72, y: 427 });
    expect(inside(s, card) && !meets(s, icon) && !meets(s, title)).toBe(true);
  });

  test('an event card (a small icon, then the title inline): right after the title', () => {
    const card = box(543, 1038, 471, 346);
    const imgs = [box(555, 1038, 459, 258), box(579, 1315, 48, 48), box(742, 1346, 12, 12)];
    const title = box(643, 1314, 208, 24);
    const s = at(freeSpot(card, imgs, title, 80, 16));
    expect(s).toMatchObject({ x: 853, y: 1314 });
    expect(inside(s, card) && !imgs.some((i) => meets(s, i)) && !meets(s, title)).toBe(true);
  });

  test('no title: a free corner at the end side, top first', () => {
    const card = box(0, 0, 200, 100);
    expect(freeSpot(card, [box(0, 0, 100, 100)], undefined, 80, 16)).toMatchObject({ x: 118, y: 2 });
    // the top corner taken: the bottom one
    expect(freeSpot(card, [box(0, 0, 200, 50)], undefined, 80, 16)).toMatchObject({ x: 118, y: 82 });
  });

  test('right to left: the same spots, mirrored', () => {
    const card = box(0, 0, 200, 100);
    const title = box(100, 60, 100, 20); // at the start (right) of an RTL card
    expect(freeSpot(card, [box(120, 0, 80, 50)], title, 80, 16, true)).toMatchObject({ x: 18, y: 60 });
    expect(freeSpot(card, [box(100, 0, 100, 100)], undefined, 80, 16, true)).toMatchObject({ x: 2, y: 2 }); // the end side is the left
  });

  test('nowhere free: under the title (never over it)', () => {
    const card = box(0, 0, 100, 40);
    const title = box(0, 0, 100, 20);
    const s = freeSpot(card, [box(0, 20, 100, 20)], title, 80, 16);
    expect(s).toMatchObject({ x: 0, y: 22 });
    expect(meets(at(s), title)).toBe(false);
  });
});
