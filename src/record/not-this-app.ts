// "Not this app": listings the user marked as false matches. A mark is the
// listing key (store + id) with the entity it was matched to; later reports leave
// those findings out of the page's words and counts and keep them apart, so the
// export still shows a reviewer what was hidden. Pure.

import type { NotThisAppMark } from './page-record';

export const MAX_MARKS = 1000;

export const markId = (m: { entityId: string; key: string }) => `${m.entityId}@${m.key}`;

/** Stored marks read back: unreadable ones dropped and counted. */
export function parseMarks(v: unknown): { marks: NotThisAppMark[]; dropped: number } {
  if (v === undefined) return { marks: [], dropped: 0 };
  if (!Array.isArray(v)) return { marks: [], dropped: 1 };
  const marks: NotThisAppMark[] = [];
  for (const item of v) {
    const o = (item ?? {}) as Record<string, unknown>;
    const ok =
      typeof o.key === 'string' && o.key.length <= 1000 &&
      typeof o.entityId === 'string' && /^[a-z0-9-]{1,100}$/.test(o.entityId) &&
      typeof o.name === 'string' && o.name.length <= 500 &&
      typeof o.url === 'string' && o.url.length <= 4096 &&
      typeof o.markedAt === 'string' && !Number.isNaN(Date.parse(o.markedAt));
    if (ok) marks.push({ key: o.key as string, entityId: o.entityId as string, name: o.name as string, url: o.url as string, markedAt: o.markedAt as string });
  }
  return { marks, dropped: v.length - marks.length };
}

/** `mark` added (replacing an older mark of the same listing), at most MAX_MARKS, oldest dropped. */
export function addMark(marks: NotThisAppMark[], mark: NotThisAppMark): NotThisAppMark[] {
  return [...marks.filter((m) => markId(m) !== markId(mark)), mark].slice(-MAX_MARKS);
}

export function removeMark(marks: NotThisAppMark[], id: string): NotThisAppMark[] {
  return marks.filter((m) => markId(m) !== id);
}

/** Findings split into those to show and those the user marked. */
export function splitMarked<F extends { entityId: string; key: string }>(findings: F[], marks: NotThisAppMark[]): { shown: F[]; marked: F[] } {
  if (!marks.length) return { shown: findings, marked: [] };
  const ids = new Set(marks.map(markId));
  const shown: F[] = [];
  const marked: F[] = [];
  for (const f of findings) (ids.has(markId(f)) ? marked : shown).push(f);
  return { shown, marked };
}
