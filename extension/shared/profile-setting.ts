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

/** storage.local key: the policy's value as the background last read it (absent: no policy then). */
export const POLICY_SEEN_KEY = 'policySeen';

/**
 * Where the background keeps the policy's value as it last read it, for the next
 * browser start (storage.local, POLICY_SEEN_KEY): `undefined` is "no policy".
 */
export interface PolicyMemory {
  read(): Promise<unknown>;
  write(value: unknown): Promise<void>;
}

/** A PolicyMemory in a storage area (the background's storage.local). */
export function policyMemoryIn(area: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void>; remove(key: string): Promise<void> }): PolicyMemory {
  return {
    read: () => area.get(POLICY_SEEN_KEY).then((got) => got[POLICY_SEEN_KEY], () => undefined),
    write: (value) => (value === undefined ? area.remove(POLICY_SEEN_KEY) : area.set({ [POLICY_SEEN_KEY]: value })).catch(() => undefined),
  };
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * storage.managed as the background reads it: waited for at most `ms`. Chromium's
 * policy service can take seconds to start with the browser, and its first
 * storage.managed.get waits for it (measured here: 1.0–4.9 s in a fresh profile
 * with no policy; ghostery/ghostery-extension#3367, EFForg/privacybadger#2982):
 * a banner must not wait that long. Slower than `ms`, the read gives the policy's
 * value as last read (`memory`: the organization's profiles hold from the browser's
 * first page on), or none ("no policy" for now). When the policy does arrive and
 * differs from what was given (set, changed or removed since), `onPolicy` is called,
 * so the caller reads again and describes every open tab for it. Every answer
 * (in time or late) is remembered for the next start.
 */
export function managedWithin(
  managed: NonNullable<ProfileAreas['managed']>,
  ms: number,
  onPolicy: () => void,
  memory?: PolicyMemory,
  timers: { set: (f: () => void, ms: number) => unknown; clear: (t: unknown) => void } = { set: (f, t) => setTimeout(f, t), clear: (t) => clearTimeout(t as ReturnType<typeof setTimeout>) },
): NonNullable<ProfileAreas['managed']> {
  return {
    get(key) {
      let late = false;
      // The value kept, read meanwhile; one that is not there within 2 × `ms` counts as none.
      const remembered = new Promise<unknown>((resolve) => {
        if (!memory) return resolve(undefined);
        const bound = timers.set(() => resolve(undefined), 2 * ms);
        void memory.read().then((v) => {
          timers.clear(bound);
          resolve(v);
        });
      });
      const read = managed.get(key);
      // What this read gave (the policy's value as last read, when it was late), and keeping each answer for the next start.
      let given: unknown;
      const remember = (value: unknown) =>
        void remembered.then((old) => {
          if (!sameValue(old, value)) void memory?.write(value);
        });
      return new Promise((resolve, reject) => {
        const timer = timers.set(() => {
          late = true;
          void remembered.then((value) => {
            given = value;
            if (value === undefined) reject(new Error(`storage.managed did not answer within ${ms} ms`));
            else resolve({ [key]: value });
          });
        }, ms);
        read.then(
          (got) => {
            timers.clear(timer);
            remember(got[key]);
            if (!late) resolve(got);
            else void remembered.then(() => !sameValue(got[key], given) && onPolicy());
          },
          (e: unknown) => {
            timers.clear(timer);
            // No policy manifest (Firefox throws when none is installed): none to remember either.
            remember(undefined);
            if (!late) reject(e);
            else void remembered.then(() => given !== undefined && onPolicy());
          },
        );
      });
    },
  };
}
