// The shipped dataset: measures (orders, laws, state lists) and the entities they name.
// Facts and sources: /work/shared/reference (measures.md, identifiers.md) plus the pages
// cited in each record. Validated by ./validate.ts in tests (tests/unit/dataset.test.ts).
import type { Dataset, Entity, Measure } from './schema';
import measures from './measures.json';
import entities from './entities.json';

export const dataset: Dataset = {
  /** Facts checked against the reference's late-2026 state; statuses are computed as of this date. */
  asOf: '2026-11-01',
  measures: measures as unknown as Measure[],
  entities: entities as unknown as Entity[],
};

export default dataset;
