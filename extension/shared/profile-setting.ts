// Who the reader is, as the extension stores it: the user's choice in
// storage.local (profile keys, "government:US-TX"), unless an organization sets it
// through enterprise policy (storage.managed, schema in public/managed_schema.json):
// then the policy's profiles win and the choice is locked. Read by the background
// (verdicts, toolbar count), the options page and the popup.
import { parseProfiles, profileKey, type Profile } from '../../src/profile/profile';

/** The key in storage.local (a list of profile keys) and in storage.managed (the same). */
export const PROFILES_KEY = 'profiles';

export interface ProfileSetting {
  profiles: Profile[];
  /** Set by policy: shown, not editable. */
  managed: boolean;
  /** The user (or the policy) has chosen, even "none of these": false shows the first-use chooser. */
  chosen: boolean;
}

export interface ProfileAreas {
  local: { get(key: string): Promise<Record<string, unknown>> };
  /** Absent, or throwing when no policy is installed (Firefox): no policy. */
  managed?: { get(key: string): Promise<Record<string, unknown>> };
}

/** The policy's profiles: undefined when there is no policy, or it is not a list of profiles (ignored, never half-read). */
async function managedProfiles(areas: ProfileAreas): Promise<Profile[] | undefined> {
  try {
    const v = (await areas.managed?.get(PROFILES_KEY))?.[PROFILES_KEY];
    return v === undefined ? undefined : parseProfiles(v);
  } catch {
    return undefined;
  }
}

export async function readProfileSetting(areas: ProfileAreas): Promise<ProfileSetting> {
  const managed = await managedProfiles(areas);
  if (managed) return { profiles: managed, managed: true, chosen: true };
  let v: unknown;
  try {
    v = (await areas.local.get(PROFILES_KEY))[PROFILES_KEY];
  } catch {
    v = undefined;
  }
  const local = v === undefined ? undefined : parseProfiles(v);
  return { profiles: local ?? [], managed: false, chosen: local !== undefined };
}

/** What storage.local holds for these profiles. */
export const storedProfiles = (profiles: readonly Profile[]): string[] => profiles.map(profileKey);
