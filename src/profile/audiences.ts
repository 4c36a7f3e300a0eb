// Whom a measure binds, as structured audiences: the measure's own `audiences`
// when the data has them, else derived from its jurisdiction (a US state's measure
// → that state's government devices; a country's → its government devices). State
// measures added without the field still resolve (tests/unit/profile.test.ts checks
// every measure resolves to at least one audience).
import type { Audience, AudienceWho, Measure } from '../data/schema';
import { regionOfJurisdiction } from './regions';

export const AUDIENCE_WHO: readonly AudienceWho[] = [
  'government-devices', 'government-contractors', 'procurement', 'intelligence-community', 'house', 'dod-procurement', 'universities', 'one-agency',
  'funding-recipients', 'public', 'app-stores', 'company-order', 'information',
];

export function measureAudiences(m: Pick<Measure, 'audiences' | 'jurisdiction'>): Audience[] {
  if (m.audiences?.length) return m.audiences;
  const region = regionOfJurisdiction(m.jurisdiction);
  return region ? [{ region, who: 'government-devices' }] : [];
}

/** Audiences that are the government's own work devices and systems (worded "your work devices"). */
export const WORK_DEVICE_AUDIENCES: ReadonlySet<AudienceWho> = new Set<AudienceWho>([
  'government-devices', 'government-contractors', 'intelligence-community', 'house', 'universities',
]);
/** Audiences that are what a government buys or funds. */
export const PROCUREMENT_AUDIENCES: ReadonlySet<AudienceWho> = new Set<AudienceWho>(['procurement', 'funding-recipients']);
/** Audiences that reach everyone in the region (directly, or through what stores and the company may offer there). */
export const PUBLIC_AUDIENCES: ReadonlySet<AudienceWho> = new Set<AudienceWho>(['public', 'app-stores', 'company-order']);
