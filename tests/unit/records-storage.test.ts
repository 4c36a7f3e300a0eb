// The records' stored values (chosen status date, "not this app" marks, the log
// switch) repaired value by value at start-up; marks split a page's findings.
import { describe, expect, test } from 'vitest';
import { FINDINGS_LOG, FINDINGS_LOG_ENABLED, NOT_THIS_APP, mergeRepairs, repairRecordsLocal, repairRecordsSession } from '../../extension/background/records-storage';
import { AS_OF_DATE, parseAsOfDate } from '../../extension/shared/as-of';
import { describingOn } from '../../extension/shared/describing';
import { addMark, markId, MAX_MARKS, parseMarks, removeMark, splitMarked } from '../../src/record/not-this-app';
import { parseRecordsRequest } from '../../extension/background/not-this-app-request';

const mark = { key: 'google-play:com.intsig.camscanner', entityId: 'app-camscanner', name: 'CamScanner', url: 'https://play.google.com/store/apps/details', markedAt: '2026-12-02T08:00:00.000Z' };

describe('the chosen status date', () => {
  test('only real calendar days from 2000 on are read', () => {
    expect(parseAsOfDate('2021-02-01')).toBe('2021-02-01');
    for (const bad of ['2021-02-30', '1999-12-31', '2021-2-1', 20210201, '', undefined]) expect(parseAsOfDate(bad)).toBeUndefined();
  });
  test('statuses computed for the chosen day, else today', () => {
    expect(describingOn('2021-02-01')).toMatchObject({ date: '2021-02-01', chosen: true });
    expect(describingOn(undefined, new Date(2026, 0, 5, 12))).toMatchObject({ date: '2026-01-05', chosen: false });
  });
  test('a broken chosen date goes back to today, named; a good one stays', () => {
    expect(repairRecordsSession({ [AS_OF_DATE]: 'yesterday' })).toEqual({ set: {}, remove: [AS_OF_DATE], reset: ['the chosen status date (back to today)'] });
    expect(repairRecordsSession({ [AS_OF_DATE]: '2021-02-01' })).toEqual({ set: {}, remove: [], reset: [] });
  });
});

describe('local records', () => {
  test('unreadable marks are dropped and counted, the others kept; a non-boolean log switch goes back to off; the log is never touched', () => {
    const r = repairRecordsLocal({ [NOT_THIS_APP]: [mark, { key: 1 }, null], [FINDINGS_LOG_ENABLED]: 'yes', [FINDINGS_LOG]: ['junk'] });
    expect(r.set).toEqual({ [NOT_THIS_APP]: [mark] });
    expect(r.remove).toEqual([FINDINGS_LOG_ENABLED]);
    expect(r.reset).toEqual(['"Keep a findings log" (back to off)', '2 unreadable "not this app" marks (the others are kept)']);
    expect(repairRecordsLocal({ [NOT_THIS_APP]: [mark], [FINDINGS_LOG_ENABLED]: true })).toEqual({ set: {}, remove: [], reset: [] });
    expect(mergeRepairs({ set: { a: 1 }, remove: ['b'], reset: ['c'] }, { set: { d: 2 }, remove: ['e'], reset: ['f'] })).toEqual({ set: { a: 1, d: 2 }, remove: ['b', 'e'], reset: ['c', 'f'] });
  });
  test('marks: one per listing and entity, bounded, undone by id; they split findings', () => {
    const marks = addMark(addMark([], mark), { ...mark, markedAt: '2026-12-03T00:00:00.000Z' });
    expect(marks).toHaveLength(1);
    expect(removeMark(marks, markId(mark))).toEqual([]);
    let many: typeof marks = [];
    for (let i = 0; i <= MAX_MARKS; i++) many = addMark(many, { ...mark, key: `k${i}` });
    expect([many.length, many[0]!.key]).toEqual([MAX_MARKS, 'k1']);
    const other = { entityId: 'app-wechat', key: 'google-play:com.tencent.mm' };
    expect(splitMarked([{ entityId: mark.entityId, key: mark.key }, other], marks)).toEqual({ shown: [other], marked: [{ entityId: mark.entityId, key: mark.key }] });
    // The same listing matched to another entity is not hidden.
    expect(splitMarked([{ entityId: 'app-other', key: mark.key }], marks).shown).toHaveLength(1);
    expect(parseMarks('x')).toEqual({ marks: [], dropped: 1 });
  });
  test('records requests from extension pages are validated', () => {
    expect(parseRecordsRequest({ type: 'not-this-app', tabId: 3, entityId: 'app-x', key: 'k' })).toEqual({ type: 'not-this-app', tabId: 3, entityId: 'app-x', key: 'k' });
    expect(parseRecordsRequest({ type: 'not-this-app', tabId: '3', entityId: 'app-x', key: 'k' })).toBeNull();
    expect(parseRecordsRequest({ type: 'undo-not-this-app', id: 5 })).toBeNull();
  });
});
