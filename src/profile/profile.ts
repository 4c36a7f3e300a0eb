// Who the reader is: the profiles they chose (several at once), or none (the
// neutral view). A profile decides the verdict — whether a measure binds *you* —
// never what is true: every measure stays one click away.
import type { Audience } from '../data/schema';
import { PROCUREMENT_AUDIENCES, PUBLIC_AUDIENCES } from './audiences';
import { countryOf, isRegion, isUsState, US, US_DOD } from './regions';

/**
 * - government: an employee or contractor of that government ('US' federal, 'US-TX'
 *   a state, 'CA', 'GB', 'EU' institutions, 'AU' …): bound by measures on its devices.
 * - procurement: a procurement officer of that government ('US' or a state): also
 *   bound by what it may buy or fund; 'US-DOD', the Department of Defense's: also
 *   by what binds DoD contracting alone.
 * - public: a member of the public in a country ('IN', 'TW', 'US' …).
 * - journalist: a journalist or researcher: sees everything, history included; no
 *   measure is said to bind them.
 */
export type Profile =
  | { role: 'government'; region: string }
  | { role: 'procurement'; region: string }
  | { role: 'public'; region: string }
  | { role: 'journalist' };

export type ProfileRole = Profile['role'];
export const PROFILE_ROLES: readonly ProfileRole[] = ['government', 'procurement', 'public', 'journalist'];

/** At most this many profiles at once (storage and policy values are bounded). */
export const MAX_PROFILES = 12;

/** A stable key: 'government:US-TX', 'journalist'. */
export const profileKey = (p: Profile): string => (p.role === 'journalist' ? 'journalist' : `${p.role}:${p.region}`);

/** Whether a region is one a profile of this role can name. */
export function regionFitsRole(role: ProfileRole, region: string): boolean {
  if (role === 'procurement') return region === US || region === US_DOD || isUsState(region);
  if (!isRegion(region)) return false;
  if (role === 'public') return !isUsState(region);
  return true;
}

/** One profile from an untrusted value (storage, policy, a form); undefined when it is not one. */
export function parseProfile(v: unknown): Profile | undefined {
  if (typeof v === 'string') {
    // the key form, as policies write it: "government:US-TX", "journalist"
    const [role, region, ...rest] = v.split(':');
    if (rest.length) return undefined;
    return parseProfile(region === undefined ? { role } : { role, region });
  }
  if (!v || typeof v !== 'object') return undefined;
  const { role, region } = v as { role?: unknown; region?: unknown };
  if (role === 'journalist') return { role };
  if ((role === 'government' || role === 'procurement' || role === 'public') && typeof region === 'string' && regionFitsRole(role, region))
    return { role, region };
  return undefined;
}

/** A list of profiles from an untrusted value: undefined unless every entry is one (no duplicates kept). */
export function parseProfiles(v: unknown): Profile[] | undefined {
  if (!Array.isArray(v) || v.length > MAX_PROFILES * 4) return undefined;
  const out: Profile[] = [];
  for (const x of v) {
    const p = parseProfile(x);
    if (!p) return undefined;
    if (!out.some((o) => profileKey(o) === profileKey(p))) out.push(p);
  }
  return out.slice(0, MAX_PROFILES);
}

/** Does a measure's audience bind a reader with this profile? */
export function profileBoundBy(p: Profile, a: Audience): boolean {
  if (p.role === 'journalist') return false;
  // a measure on everyone in a country binds whoever is there (a state's employee is in the US)
  if (PUBLIC_AUDIENCES.has(a.who)) return a.region === countryOf(p.region);
  if (p.role === 'public') return false;
  // The Department of Defense's procurement officer: a US federal one, and DoD contracting's too.
  const dod = p.role === 'procurement' && p.region === US_DOD;
  if (a.region !== (dod ? US : p.region)) return false;
  return (
    a.who === 'government-devices' ||
    a.who === 'government-contractors' ||
    (p.role === 'procurement' && PROCUREMENT_AUDIENCES.has(a.who)) ||
    (dod && a.who === 'dod-procurement')
  );
}

/** Does any of the audiences bind any of the profiles? */
export const bindsAnyOf = (profiles: readonly Profile[], audiences: readonly Audience[]): boolean =>
  profiles.some((p) => audiences.some((a) => profileBoundBy(p, a)));

/** Neutral: nobody chosen, or only profiles no measure is said to bind (journalist). */
export const isNeutral = (profiles: readonly Profile[]): boolean => profiles.every((p) => p.role === 'journalist');

