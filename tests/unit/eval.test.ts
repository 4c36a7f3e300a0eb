// The matcher against the labeled corpus (tests/eval/corpus.json): the same evaluation
// `npm run eval` prints, asserted. Records marked pendingDataChange wait for a data
// fix and are excluded (runEval reports them separately).
import { describe, expect, it } from 'vitest';
import { formatReport, loadCorpus, runEval } from '../../scripts/eval';

const report = runEval();
const mismatches = () => formatReport(report).split('\n').filter((l) => l.startsWith('  ') && !l.startsWith('  passes') && !l.startsWith('  fails'));

describe('evaluation corpus', () => {
  it('is large and varied enough to mean something', () => {
    const corpus = loadCorpus();
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    expect(new Set(corpus.map((r) => r.id)).size).toBe(corpus.length);
    const captures = corpus.filter((r) => r.source?.startsWith('capture:'));
    expect(captures.length).toBeGreaterThan(100);
    for (const tier of [1, 2, 3, 4] as const) expect(corpus.some((r) => r.expect.tier === tier)).toBe(true);
    expect(corpus.filter((r) => r.expect.entity === null).length).toBeGreaterThan(100);
  });

  it('recalls every tier-1 (identifier) case', () => {
    expect(report.tiers[0]!.recall, mismatches().join('\n')).toBe(1);
  });

  it('recalls every tier-2 (developer) case', () => {
    expect(report.tiers[1]!.recall, mismatches().join('\n')).toBe(1);
  });

  it('puts no banner on a negative', () => {
    expect(report.falseBannersOnNegatives.map((r) => r.record.id)).toEqual([]);
  });

  it('puts no false banner on a listing from a real capture', () => {
    expect(report.falseBannersOnCaptures.map((r) => r.record.id)).toEqual([]);
  });

  it('keeps overall banner precision at or above 98%', () => {
    expect(report.overall.precision, mismatches().join('\n')).toBeGreaterThanOrEqual(0.98);
  });

  it('meets all targets', () => {
    expect(report.targets.missed).toEqual([]);
  });
});
