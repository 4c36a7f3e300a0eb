// Hand-written validator for the dataset (no libraries). Every error names the
// entry and the field, e.g.
//   entities[3] (app-vmate).identifiers[0].sources: must have at least one source
import type { Dataset } from './schema';
import { identifierKey } from '../match/normalize';
import { AUDIENCE_WHO } from '../profile/audiences';
import { isRegion, regionOfJurisdiction } from '../profile/regions';

export type ValidationResult = { ok: true; dataset: Dataset } | { ok: false; errors: string[] };

const STATUS_CODES = ['pending', 'in-force', 'enjoined', 'enforcement-paused', 'resolved', 'revoked', 'expired'];
const INSTRUMENTS = [
  'executive-order', 'statute', 'agency-rule', 'agency-order', 'agency-list', 'state-list', 'state-executive-order',
  'national-directive', 'regulator-order',
];
const PLATFORMS = [
  'google-play', 'apple', 'apple-mac', 'apple-bundle', 'apple-developer', 'google-play-developer',
  'microsoft-store', 'winget', 'galaxy-store', 'appgallery', 'amazon', 'domain', 'flathub',
];
const ENTITY_KINDS = ['app', 'feature', 'company'];
const REACH = ['app', 'company-and-subsidiaries'];
const POLICIES = ['variant', 'same-developer', 'related'];
const ALIAS_KINDS = ['name', 'former-name', 'translation', 'nickname'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

/** YYYY-MM-DD and a real calendar date. */
export function isISODate(v: unknown): v is string {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/**
 * "Claimed twice" compares identifiers with the very key the matcher looks them
 * up by, so two entries the index would confuse are caught here.
 */
export { identifierKey };

/** Platform-specific format checks. Returns a message or null. */
function identifierFormat(platform: string, value: string): string | null {
  switch (platform) {
    case 'apple':
    case 'apple-mac':
    case 'apple-developer':
      return /^\d+$/.test(value) ? null : 'must be digits only (no "id" prefix)';
    case 'microsoft-store':
      return /^[0-9A-Z]{12}$/.test(value) ? null : 'must be a 12-character upper-case product id';
    case 'domain':
      return /^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(value) ? null : 'must be a lower-case host name without scheme or path';
    case 'google-play':
      return /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)+$/.test(value) ? null : 'must be an Android package name';
    case 'amazon':
      return /^[0-9A-Z]{10}$/.test(value) ? null : 'must be a 10-character ASIN';
    default:
      return value.trim() === value && value.length > 0 ? null : 'must be a non-empty trimmed string';
  }
}

function checkSources(v: unknown, where: string, errors: string[]): void {
  if (!Array.isArray(v) || v.length === 0) {
    errors.push(`${where}: must have at least one source`);
    return;
  }
  v.forEach((s, i) => {
    if (!isObj(s)) {
      errors.push(`${where}[${i}]: must be an object {url, title?}`);
      return;
    }
    if (!isStr(s.url)) errors.push(`${where}[${i}].url: must be a non-empty string`);
    else if (!/^(https?:\/\/|repo:[^/\s]+\/[^/\s]+|search-index:G:\d+$)/.test(s.url))
      errors.push(`${where}[${i}].url: must be an http(s) URL, repo:owner/name[/path], or search-index:G:n`);
    if (s.title !== undefined && typeof s.title !== 'string') errors.push(`${where}[${i}].title: must be a string`);
    if (s.kind !== undefined && s.kind !== 'primary' && s.kind !== 'secondary') errors.push(`${where}[${i}].kind: must be primary or secondary`);
    if (s.commit !== undefined && !(typeof s.commit === 'string' && /^[0-9a-f]{7,40}$/.test(s.commit)))
      errors.push(`${where}[${i}].commit: must be a hex commit id (7–40 characters)`);
    // A file in a repository is cited at the commit where that path exists (the audit found cited paths that did not).
    if (isStr(s.url) && /^repo:[^/\s]+\/[^/\s]+\/\S/.test(s.url) && s.commit === undefined)
      errors.push(`${where}[${i}].commit: a repo:owner/name/path source must name the commit at which the path exists`);
  });
}

function checkStatus(v: unknown, where: string, errors: string[]): void {
  if (!isObj(v)) {
    errors.push(`${where}: must be an object {code, text}`);
    return;
  }
  if (!STATUS_CODES.includes(v.code as string)) errors.push(`${where}.code: must be one of ${STATUS_CODES.join(', ')}`);
  if (!isStr(v.text)) errors.push(`${where}.text: must be a non-empty string`);
  else if (/\bbann?ed\b/i.test(v.text) && v.code !== 'in-force')
    errors.push(`${where}.text: must not say "banned" unless the status is in-force`);
}

export function validateDataset(d: unknown): ValidationResult {
  const errors: string[] = [];
  if (!isObj(d)) return { ok: false, errors: ['dataset: must be an object'] };
  if (!isISODate(d.asOf)) errors.push('dataset.asOf: must be an ISO date (YYYY-MM-DD)');
  if (!Array.isArray(d.measures)) errors.push('dataset.measures: must be an array');
  if (!Array.isArray(d.entities)) errors.push('dataset.entities: must be an array');
  if (errors.length) return { ok: false, errors };

  const measures = d.measures as unknown[];
  const entities = d.entities as unknown[];

  // ── ids ──
  const entityIds = new Map<string, number>();
  entities.forEach((e, i) => {
    if (isObj(e) && isStr(e.id)) {
      if (entityIds.has(e.id)) errors.push(`entities[${i}] (${e.id}).id: duplicate id (also entities[${entityIds.get(e.id)}])`);
      else entityIds.set(e.id, i);
    }
  });
  const measureIds = new Map<string, number>();
  measures.forEach((m, i) => {
    if (isObj(m) && isStr(m.id)) {
      if (measureIds.has(m.id)) errors.push(`measures[${i}] (${m.id}).id: duplicate id (also measures[${measureIds.get(m.id)}])`);
      else measureIds.set(m.id, i);
    }
  });
  const kindOf = (id: string): string | undefined => {
    const i = entityIds.get(id);
    const e = i === undefined ? undefined : entities[i];
    return isObj(e) ? (e.kind as string) : undefined;
  };

  // ── measures ──
  measures.forEach((m, i) => {
    const at = `measures[${i}]${isObj(m) && isStr(m.id) ? ` (${m.id})` : ''}`;
    if (!isObj(m)) return errors.push(`${at}: must be an object`);
    for (const f of ['id', 'title', 'shortTitle', 'jurisdiction', 'binds', 'prohibits', 'summary'] as const)
      if (!isStr(m[f])) errors.push(`${at}.${f}: must be a non-empty string`);
    if (m.audiences !== undefined) {
      if (!Array.isArray(m.audiences) || m.audiences.length === 0) errors.push(`${at}.audiences: must be a non-empty array when present`);
      else
        m.audiences.forEach((a, j) => {
          if (!isObj(a) || !isRegion(a.region)) errors.push(`${at}.audiences[${j}].region: must be a known region ('US', 'US-TX', 'IN', 'EU' …; src/profile/regions.ts)`);
          else if (isStr(m.jurisdiction) && regionOfJurisdiction(m.jurisdiction) && !(a.region as string).startsWith(regionOfJurisdiction(m.jurisdiction)!))
            errors.push(`${at}.audiences[${j}].region: ${a.region as string} is outside the measure's jurisdiction (${m.jurisdiction})`);
          if (!isObj(a) || !(AUDIENCE_WHO as readonly unknown[]).includes(a.who)) errors.push(`${at}.audiences[${j}].who: must be one of ${AUDIENCE_WHO.join(', ')}`);
        });
    }
    if (m.sentenceTitle !== undefined && !isStr(m.sentenceTitle)) errors.push(`${at}.sentenceTitle: must be a non-empty string`);
    if (m.namesPartial !== undefined && m.namesPartial !== true) errors.push(`${at}.namesPartial: must be true when present`);
    for (const f of ['number', 'citation'] as const)
      if (m[f] !== undefined && !isStr(m[f])) errors.push(`${at}.${f}: must be a non-empty string when present`);
    if (!INSTRUMENTS.includes(m.instrument as string)) errors.push(`${at}.instrument: must be one of ${INSTRUMENTS.join(', ')}`);
    if (!isObj(m.dates)) errors.push(`${at}.dates: must be an object`);
    else
      for (const f of ['signed', 'published', 'effective'] as const)
        if (m.dates[f] !== undefined && !isISODate(m.dates[f])) errors.push(`${at}.dates.${f}: must be an ISO date (YYYY-MM-DD)`);
    checkSources(m.sources, `${at}.sources`, errors);
    if (m.noPrimaryText !== undefined && !isStr(m.noPrimaryText)) errors.push(`${at}.noPrimaryText: must be a non-empty string when present`);
    if (m.reviewBy !== undefined && !isISODate(m.reviewBy)) errors.push(`${at}.reviewBy: must be an ISO date (YYYY-MM-DD)`);
    if (m.reviewNote !== undefined && !isStr(m.reviewNote)) errors.push(`${at}.reviewNote: must be a non-empty string when present`);
    if ((m.reviewBy === undefined) !== (m.reviewNote === undefined)) errors.push(`${at}.reviewBy: reviewBy and reviewNote go together (the date and its reason)`);
    if (m.verbatim !== undefined) {
      if (!Array.isArray(m.verbatim)) errors.push(`${at}.verbatim: must be an array`);
      else
        m.verbatim.forEach((v, j) => {
          if (!isObj(v)) return errors.push(`${at}.verbatim[${j}]: must be an object`);
          if (!isStr(v.text)) errors.push(`${at}.verbatim[${j}].text: must be a non-empty string`);
          checkSources(v.source === undefined ? undefined : [v.source], `${at}.verbatim[${j}].source`, errors);
        });
    }
    if (!Array.isArray(m.timeline) || m.timeline.length === 0) errors.push(`${at}.timeline: must be a non-empty array`);
    else {
      let prev = '';
      let sawStatus = false;
      m.timeline.forEach((t, j) => {
        const tw = `${at}.timeline[${j}]`;
        if (!isObj(t)) return errors.push(`${tw}: must be an object`);
        if (!isISODate(t.date)) errors.push(`${tw}.date: must be an ISO date (YYYY-MM-DD)`);
        else {
          if (prev && (t.date as string) < prev) errors.push(`${tw}.date: timeline must be sorted by date (${t.date} after ${prev})`);
          prev = t.date as string;
        }
        if (!isStr(t.text)) errors.push(`${tw}.text: must be a non-empty string`);
        if (t.status !== undefined) {
          sawStatus = true;
          checkStatus(t.status, `${tw}.status`, errors);
        }
        checkSources(t.sources, `${tw}.sources`, errors);
      });
      if (!sawStatus) errors.push(`${at}.timeline: at least one event must set a status`);
    }
    if (!Array.isArray(m.names)) errors.push(`${at}.names: must be an array`);
    else {
      const seen = new Set<string>();
      m.names.forEach((nm, j) => {
        const nw = `${at}.names[${j}]`;
        if (!isObj(nm)) return errors.push(`${nw}: must be an object`);
        if (!isStr(nm.entityId)) errors.push(`${nw}.entityId: must be a non-empty string`);
        else if (!entityIds.has(nm.entityId)) errors.push(`${nw}.entityId: unknown entity "${nm.entityId}"`);
        else {
          if (seen.has(nm.entityId)) errors.push(`${nw}.entityId: "${nm.entityId}" is named twice`);
          seen.add(nm.entityId);
          if (nm.reach === 'company-and-subsidiaries' && kindOf(nm.entityId) !== 'company')
            errors.push(`${nw}.reach: company-and-subsidiaries requires a company entity ("${nm.entityId}" is ${kindOf(nm.entityId)})`);
        }
        if (!isStr(nm.label)) errors.push(`${nw}.label: must be a non-empty string`);
        if (!REACH.includes(nm.reach as string)) errors.push(`${nw}.reach: must be one of ${REACH.join(', ')}`);
        if (nm.addedOn !== undefined && !isISODate(nm.addedOn)) errors.push(`${nw}.addedOn: must be an ISO date (YYYY-MM-DD)`);
        if (nm.clause !== undefined && !isStr(nm.clause)) errors.push(`${nw}.clause: must be a non-empty string`);
        if (nm.scope !== undefined && !(isObj(nm.scope) && isStr(nm.scope.text) && typeof nm.scope.apps === 'boolean'))
          errors.push(`${nw}.scope: must be {text, apps: true|false}`);
        if (nm.basis !== undefined) {
          if (nm.basis !== 'press-summary') errors.push(`${nw}.basis: must be press-summary when present`);
          // the sentence says "press summaries of the order"
          else if (m.instrument !== 'executive-order' && m.instrument !== 'state-executive-order')
            errors.push(`${nw}.basis: press-summary is worded for orders; ${String(m.instrument)} is not an order`);
        }
        if (nm.statusEvents !== undefined) {
          if (!Array.isArray(nm.statusEvents)) errors.push(`${nw}.statusEvents: must be an array`);
          else {
            let prev = '';
            nm.statusEvents.forEach((ev, k) => {
              const ew = `${nw}.statusEvents[${k}]`;
              if (!isObj(ev)) return errors.push(`${ew}: must be an object {date, status, sources, entityIds?}`);
              if (!isISODate(ev.date)) errors.push(`${ew}.date: must be an ISO date (YYYY-MM-DD)`);
              else if (ev.date < prev) errors.push(`${ew}.date: events must be sorted by date`);
              else prev = ev.date;
              checkStatus(ev.status, `${ew}.status`, errors);
              checkSources(ev.sources, `${ew}.sources`, errors);
              if (ev.entityIds !== undefined) {
                if (!Array.isArray(ev.entityIds) || ev.entityIds.length === 0) errors.push(`${ew}.entityIds: must be a non-empty array`);
                else for (const id of ev.entityIds) if (!entityIds.has(id as string)) errors.push(`${ew}.entityIds: unknown entity "${String(id)}"`);
              }
            });
          }
        }
      });
    }
  });

  // ── entities ──
  const claimed = new Map<string, string>(); // identifier key -> "entities[i] (id).identifiers[j]"
  entities.forEach((e, i) => {
    const at = `entities[${i}]${isObj(e) && isStr(e.id) ? ` (${e.id})` : ''}`;
    if (!isObj(e)) return errors.push(`${at}: must be an object`);
    if (!isStr(e.id)) errors.push(`${at}.id: must be a non-empty string`);
    if (!ENTITY_KINDS.includes(e.kind as string)) errors.push(`${at}.kind: must be one of ${ENTITY_KINDS.join(', ')}`);
    if (!isStr(e.name)) errors.push(`${at}.name: must be a non-empty string`);
    if (e.notes !== undefined && typeof e.notes !== 'string') errors.push(`${at}.notes: must be a string`);
    checkSources(e.sources, `${at}.sources`, errors);

    if (!Array.isArray(e.aliases)) errors.push(`${at}.aliases: must be an array`);
    else
      e.aliases.forEach((al, j) => {
        if (!isObj(al) || !isStr(al.text)) return errors.push(`${at}.aliases[${j}].text: must be a non-empty string`);
        if (al.lang !== undefined && !isStr(al.lang)) errors.push(`${at}.aliases[${j}].lang: must be a non-empty string`);
        if (al.matchable !== undefined && typeof al.matchable !== 'boolean') errors.push(`${at}.aliases[${j}].matchable: must be true or false`);
        if (al.kind !== undefined && !ALIAS_KINDS.includes(al.kind as string))
          errors.push(`${at}.aliases[${j}].kind: must be one of ${ALIAS_KINDS.join(', ')}`);
      });

    // references
    const ref = (field: string, v: unknown, wantKinds: string[]) => {
      if (v === undefined) return;
      if (!isStr(v)) return errors.push(`${at}.${field}: must be a non-empty string`);
      if (!entityIds.has(v)) return errors.push(`${at}.${field}: unknown entity "${v}"`);
      if (v === e.id) return errors.push(`${at}.${field}: must not refer to itself`);
      const k = kindOf(v);
      if (k && !wantKinds.includes(k)) errors.push(`${at}.${field}: "${v}" is a ${k}, expected ${wantKinds.join(' or ')}`);
    };
    ref('developerId', e.developerId, ['company']);
    ref('parentId', e.parentId, ['company']);
    ref('hostAppId', e.hostAppId, ['app']);
    if (e.publisherIds !== undefined) {
      if (!Array.isArray(e.publisherIds)) errors.push(`${at}.publisherIds: must be an array of company ids`);
      else e.publisherIds.forEach((id, j) => ref(`publisherIds[${j}]`, id, ['company']));
    }
    if (e.variantOf !== undefined) {
      if (!isObj(e.variantOf)) errors.push(`${at}.variantOf: must be an object {entityId, policy}`);
      else {
        ref('variantOf.entityId', e.variantOf.entityId, ['app', 'feature']);
        if (!POLICIES.includes(e.variantOf.policy as string)) errors.push(`${at}.variantOf.policy: must be one of ${POLICIES.join(', ')}`);
      }
    }
    if ((e.kind === 'app' || e.kind === 'feature') && e.developerId === undefined)
      errors.push(`${at}.developerId: apps and features must name their developer company`);
    if (e.kind === 'feature' && e.hostAppId === undefined) errors.push(`${at}.hostAppId: a feature must name its host app`);
    if (e.kind !== 'feature' && e.hostAppId !== undefined) errors.push(`${at}.hostAppId: only features have a host app`);
    if (e.kind === 'company' && e.developerId !== undefined) errors.push(`${at}.developerId: companies use parentId, not developerId`);

    // identifiers
    if (!Array.isArray(e.identifiers)) errors.push(`${at}.identifiers: must be an array`);
    else
      e.identifiers.forEach((idf, j) => {
        const iw = `${at}.identifiers[${j}]`;
        if (!isObj(idf)) return errors.push(`${iw}: must be an object`);
        if (!PLATFORMS.includes(idf.platform as string)) errors.push(`${iw}.platform: must be one of ${PLATFORMS.join(', ')}`);
        if (!isStr(idf.value)) errors.push(`${iw}.value: must be a non-empty string`);
        else if (PLATFORMS.includes(idf.platform as string)) {
          const msg = identifierFormat(idf.platform as string, idf.value);
          if (msg) errors.push(`${iw}.value: "${idf.value}" ${msg}`);
          const key = identifierKey(idf.platform as string, idf.value);
          const prior = claimed.get(key);
          if (prior) errors.push(`${iw}.value: ${idf.platform} "${idf.value}" is already claimed by ${prior}`);
          else claimed.set(key, iw);
        }
        if (typeof idf.verified !== 'boolean') errors.push(`${iw}.verified: must be true or false`);
        if (idf.note !== undefined && typeof idf.note !== 'string') errors.push(`${iw}.note: must be a string`);
        checkSources(idf.sources, `${iw}.sources`, errors);
        // a value whose only sources are unnamed search-index files cannot be verified
        if (idf.verified === true && Array.isArray(idf.sources) && idf.sources.length > 0 &&
          idf.sources.every((s) => isObj(s) && typeof s.url === 'string' && s.url.startsWith('search-index:')))
          errors.push(`${iw}.verified: must be false when every source is an unnamed search-index file`);
      });

    if (e.storeDeveloperNames !== undefined) {
      if (!Array.isArray(e.storeDeveloperNames)) errors.push(`${at}.storeDeveloperNames: must be an array`);
      else
        e.storeDeveloperNames.forEach((sd, j) => {
          const sw = `${at}.storeDeveloperNames[${j}]`;
          if (!isObj(sd)) return errors.push(`${sw}: must be an object`);
          if (!isStr(sd.store)) errors.push(`${sw}.store: must be a non-empty string`);
          if (!isStr(sd.name)) errors.push(`${sw}.name: must be a non-empty string`);
          if (typeof sd.verified !== 'boolean') errors.push(`${sw}.verified: must be true or false`);
          checkSources(sd.sources, `${sw}.sources`, errors);
        });
    }

    if (e.lookAlikes !== undefined) {
      if (!Array.isArray(e.lookAlikes)) errors.push(`${at}.lookAlikes: must be an array`);
      else
        e.lookAlikes.forEach((l, j) => {
          const lw = `${at}.lookAlikes[${j}]`;
          if (!isObj(l)) return errors.push(`${lw}: must be an object`);
          if (!isStr(l.name)) errors.push(`${lw}.name: must be a non-empty string`);
          if (!isStr(l.why)) errors.push(`${lw}.why: must be a non-empty string`);
          checkSources(l.sources, `${lw}.sources`, errors);
          if (l.identifiers !== undefined && !Array.isArray(l.identifiers)) errors.push(`${lw}.identifiers: must be an array`);
        });
    }
  });

  // variant / parent chains must not loop
  const byId = new Map<string, Obj>();
  entities.forEach((e) => { if (isObj(e) && isStr(e.id)) byId.set(e.id, e); });
  for (const [eid, e] of byId) {
    for (const field of ['parentId', 'variantOf'] as const) {
      const seen = new Set<string>([eid]);
      let cur: Obj | undefined = e;
      while (cur) {
        const next: unknown = field === 'parentId' ? cur.parentId : isObj(cur.variantOf) ? cur.variantOf.entityId : undefined;
        if (!isStr(next)) break;
        if (seen.has(next)) {
          errors.push(`entities[${entityIds.get(eid)}] (${eid}).${field}: forms a cycle through "${next}"`);
          break;
        }
        seen.add(next);
        cur = byId.get(next);
      }
    }
  }

  // look-alike identifiers must not be identifiers of any entity
  entities.forEach((e, i) => {
    if (!isObj(e) || !Array.isArray(e.lookAlikes)) return;
    e.lookAlikes.forEach((l, j) => {
      if (!isObj(l) || !Array.isArray(l.identifiers)) return;
      l.identifiers.forEach((li, k) => {
        const lw = `entities[${i}] (${e.id}).lookAlikes[${j}].identifiers[${k}]`;
        if (!isObj(li) || !PLATFORMS.includes(li.platform as string) || !isStr(li.value))
          return errors.push(`${lw}: must be {platform, value} with a known platform`);
        const prior = claimed.get(identifierKey(li.platform as string, li.value));
        if (prior) errors.push(`${lw}.value: look-alike ${li.platform} "${li.value}" is a covered identifier (${prior})`);
      });
    });
  });

  if (errors.length) return { ok: false, errors };
  return { ok: true, dataset: d as unknown as Dataset };
}
