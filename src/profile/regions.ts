// The regions a measure can bind and a reader can belong to: the US (federal), each
// of the 50 states ('US-' + postal code), and the other governments the data covers
// (ISO 3166 codes; 'EU' for the EU institutions). Names are the jurisdictions'
// own spelling in the data (src/data/us-states.ts for the states).
import { US_STATES, type UsState } from '../data/us-states';

const POSTAL: Record<UsState, string> = {
  Alabama: 'AL', Alaska: 'AK', Arizona: 'AZ', Arkansas: 'AR', California: 'CA', Colorado: 'CO', Connecticut: 'CT', Delaware: 'DE',
  Florida: 'FL', Georgia: 'GA', Hawaii: 'HI', Idaho: 'ID', Illinois: 'IL', Indiana: 'IN', Iowa: 'IA', Kansas: 'KS', Kentucky: 'KY',
  Louisiana: 'LA', Maine: 'ME', Maryland: 'MD', Massachusetts: 'MA', Michigan: 'MI', Minnesota: 'MN', Mississippi: 'MS',
  Missouri: 'MO', Montana: 'MT', Nebraska: 'NE', Nevada: 'NV', 'New Hampshire': 'NH', 'New Jersey': 'NJ', 'New Mexico': 'NM',
  'New York': 'NY', 'North Carolina': 'NC', 'North Dakota': 'ND', Ohio: 'OH', Oklahoma: 'OK', Oregon: 'OR', Pennsylvania: 'PA',
  'Rhode Island': 'RI', 'South Carolina': 'SC', 'South Dakota': 'SD', Tennessee: 'TN', Texas: 'TX', Utah: 'UT', Vermont: 'VT',
  Virginia: 'VA', Washington: 'WA', 'West Virginia': 'WV', Wisconsin: 'WI', Wyoming: 'WY',
};

/**
 * Countries and unions other than the US: code → name, and the jurisdictions the data spells
 * for them, in the order the profile picker offers their governments (its first is the default).
 */
const COUNTRIES: { code: string; name: string; jurisdictions: string[] }[] = [
  { code: 'CA', name: 'Canada', jurisdictions: ['Canada (federal)', 'Canada'] },
  { code: 'GB', name: 'the UK', jurisdictions: ['United Kingdom'] },
  { code: 'EU', name: 'the EU institutions', jurisdictions: ['European Union (institutions)', 'European Union'] },
  { code: 'AU', name: 'Australia', jurisdictions: ['Australia (Commonwealth)', 'Australia'] },
  { code: 'IN', name: 'India', jurisdictions: ['India'] },
  { code: 'TW', name: 'Taiwan', jurisdictions: ['Taiwan'] },
  { code: 'IT', name: 'Italy', jurisdictions: ['Italy'] },
  { code: 'KR', name: 'South Korea', jurisdictions: ['South Korea'] },
  { code: 'CZ', name: 'the Czech Republic', jurisdictions: ['Czech Republic'] },
];

export const US = 'US';
/**
 * Not a region but a buyer inside one: the US Department of Defense, for its
 * procurement officers (a procurement profile only). Bound by what binds US
 * federal procurement and by what binds DoD contracting alone (NDAA FY2024 §805
 * and the 1260H list); in the US for every public measure.
 */
export const US_DOD = 'US-DOD';

/** 'US-TX' for "Texas". */
export const stateRegion = (state: UsState): string => `US-${POSTAL[state]}`;

/** Every region code with its name: the US, the 50 states, then the countries. */
export const REGIONS: ReadonlyMap<string, string> = new Map<string, string>([
  [US, 'the US'],
  ...US_STATES.map((s) => [stateRegion(s), s] as [string, string]),
  ...COUNTRIES.map((c) => [c.code, c.name] as [string, string]),
]);

/** The country codes a reader can be a public or government member of (not the US states). */
export const COUNTRY_REGIONS: readonly string[] = [US, ...COUNTRIES.map((c) => c.code)];

export const isRegion = (v: unknown): v is string => typeof v === 'string' && REGIONS.has(v);
export const isUsState = (region: string): boolean => region.startsWith('US-') && REGIONS.has(region);

/** The country a region is in: 'US' for 'US-TX', else itself. */
export const countryOf = (region: string): string => (isUsState(region) || region === US_DOD ? US : region);

/** "Texas", "the US", "Canada", "the US Department of Defense". */
export const regionName = (region: string): string => (region === US_DOD ? 'the US Department of Defense' : REGIONS.get(region) ?? region);

/** The region a measure's `jurisdiction` names (undefined when none is known). */
export function regionOfJurisdiction(jurisdiction: string): string | undefined {
  if ((US_STATES as readonly string[]).includes(jurisdiction)) return stateRegion(jurisdiction as UsState);
  if (jurisdiction.startsWith('United States')) return US;
  return COUNTRIES.find((c) => c.jurisdictions.includes(jurisdiction))?.code;
}
