// The extension's storage layout, versioned. On every service-worker start the
// background reads what is there, migrates an older layout, and repairs what it
// cannot read: each broken value alone goes back to its default (and is named in
// a notice the options page shows), every valid setting is kept, and keys that are
// not ours are left alone. Pure functions over plain records, unit-tested.

import { parseTabReport } from '../shared/messages';
import { ANY_SITE_SETTING } from './any-site';
import { parseProfiles } from '../../src/profile/profile';
import { POLICY_SEEN_KEY, PROFILES_KEY } from '../shared/profile-setting';

export const SCHEMA_VERSION_KEY = 'schemaVersion';
/**
 * 1: schemaVersion added; settings as before (unversioned = 0).
 * 2: `profiles` (who the reader is: a list of profile keys, src/profile/profile.ts); absent = not chosen yet (neutral view).
 * 3: `policySeen` (enterprise policy's profiles as the background last read them, used while
 *    the browser's policy service starts: extension/shared/profile-setting.ts managedWithin); absent = none.
 */
export const SCHEMA_VERSION = 3;
/** Local key: what the last repair reset, for the options page to show. */
export const STORAGE_NOTICE = 'storageNotice';
export const DISMISSED = 'dismissed';
/** Session key: the listing whose badge asked for details ({ tabId, key }): the popup opens on it. */
export const POPUP_FOCUS = 'popupFocus';
export const MAX_DISMISSED = 500;
export const tabKey = (tabId: number) => `tab:${tabId}`;

type Items = Record<string, unknown>;
export interface Repair {
  set: Items;
  remove: string[];
  /** Plain names of what went back to its default. */
  reset: string[];
}

/** Migrations of storage.local, from version n to n + 1 (index n). */
export const LOCAL_MIGRATIONS: ((items: Items) => Items)[] = [
  // 0 → 1: the unversioned layout ({ anySite?: boolean }) gains its version; nothing moves.
  (items) => ({ ...items, [SCHEMA_VERSION_KEY]: 1 }),
  // 1 → 2: profiles arrive. Nobody has chosen yet: no `profiles` key (the neutral view and the
  // first-use chooser), whatever a build between the two left there.
  (items) => {
    const { [PROFILES_KEY]: _none, ...rest } = items;
    return { ...rest, [SCHEMA_VERSION_KEY]: 2 };
  },
  // 2 → 3: the policy as last read arrives; none has been read yet (nothing moves).
  (items) => ({ ...items, [SCHEMA_VERSION_KEY]: 3 }),
];

/** storage.local: migrate, then check each setting. */
export function repairLocal(items: Items): Repair {
  const reset: string[] = [];
  const stored = SCHEMA_VERSION_KEY in items ? items[SCHEMA_VERSION_KEY] : 0;
  let migrated: Items = { ...items };
  let v = SCHEMA_VERSION;
  if (typeof stored === 'number' && Number.isInteger(stored) && stored >= 0 && stored <= SCHEMA_VERSION) v = stored;
  // Another build's layout or junk: read it as ours, setting by setting.
  else reset.push('storage version (unknown value, read as the current layout)');
  for (let n = v; n < SCHEMA_VERSION; n++) migrated = LOCAL_MIGRATIONS[n]!(migrated);
  migrated[SCHEMA_VERSION_KEY] = SCHEMA_VERSION;

  const remove: string[] = [];
  if (ANY_SITE_SETTING in migrated && typeof migrated[ANY_SITE_SETTING] !== 'boolean') {
    delete migrated[ANY_SITE_SETTING];
    remove.push(ANY_SITE_SETTING);
    reset.push('"Check any site" (back to off)');
  }
  if (PROFILES_KEY in migrated && !parseProfiles(migrated[PROFILES_KEY])) {
    // Unreadable: back to the neutral view (the chooser asks again); nothing else is touched.
    delete migrated[PROFILES_KEY];
    remove.push(PROFILES_KEY);
    reset.push('Who you are (back to the neutral view)');
  }
  if (POLICY_SEEN_KEY in migrated && !parseProfiles(migrated[POLICY_SEEN_KEY])) {
    // Unreadable: forgotten (the policy is read again from the browser; not a setting of the user's, so no notice).
    delete migrated[POLICY_SEEN_KEY];
    remove.push(POLICY_SEEN_KEY);
  }
  const notice = migrated[STORAGE_NOTICE];
  if (notice !== undefined && !(Array.isArray(notice) && notice.every((x) => typeof x === 'string'))) {
    delete migrated[STORAGE_NOTICE];
    remove.push(STORAGE_NOTICE);
  }
  const set: Items = {};
  for (const [k, val] of Object.entries(migrated)) if (items[k] !== val) set[k] = val;
  for (const k of Object.keys(items)) if (!(k in migrated) && !remove.includes(k)) remove.push(k); // dropped by a migration
  return { set, remove, reset };
}

/** storage.session: per-tab reports and the session's dismissals. Unreadable ones are removed or reset. */
export function repairSession(items: Items): Repair {
  const set: Items = {};
  const remove: string[] = [];
  const reset: string[] = [];
  const d = items[DISMISSED];
  if (d !== undefined) {
    const keys = Array.isArray(d) ? d.filter((k): k is string => typeof k === 'string' && k.length <= 1000).slice(-MAX_DISMISSED) : [];
    if (!Array.isArray(d) || keys.length !== d.length) {
      set[DISMISSED] = keys;
      reset.push(keys.length ? 'some dismissed banners (unreadable entries)' : 'dismissed banners for this session');
    }
  }
  let badReports = 0;
  for (const [k, v] of Object.entries(items)) {
    if (/^tab:\d+$/.test(k) && !parseTabReport(v)) {
      remove.push(k);
      badReports++;
    }
  }
  if (badReports) reset.push(`findings of ${badReports} tab${badReports === 1 ? '' : 's'} (the page is checked again when reloaded)`);
  return { set, remove, reset };
}

/** Keys of stored tab reports, oldest first (reports without a time first). */
export function oldestTabKeys(items: Items): string[] {
  const at = (v: unknown) => (v && typeof v === 'object' && typeof (v as { at?: unknown }).at === 'number' ? (v as { at: number }).at : 0);
  return Object.keys(items)
    .filter((k) => /^tab:\d+$/.test(k))
    .sort((a, b) => at(items[a]) - at(items[b]));
}

export interface StorageAreaLike {
  get(keys: null): Promise<Items>;
  set(items: Items): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** storage.session holds 10 MB for all tabs: when a write hits the quota, the oldest tabs' reports go first, then it is retried. */
export async function setEvictingOldest(area: StorageAreaLike, items: Items): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await area.set(items);
      return;
    } catch (err) {
      if (attempt >= 3 || !/quota/i.test(String(err))) throw err;
      const old = oldestTabKeys(await area.get(null)).filter((k) => !(k in items));
      if (!old.length) throw err;
      await area.remove(old.slice(0, Math.ceil(old.length / 2)));
    }
  }
}
