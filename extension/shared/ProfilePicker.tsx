// "Who are you?": the reader's profiles, several at once, or none (the neutral
// view). Native checkboxes and selects (keyboard-operable as they are). Used by
// the options page, and by the popup's first-use chooser. Locked (disabled, with
// the reason) when an organization sets the profiles by policy.
import { useState } from 'preact/hooks';
import { US_STATES } from '../../src/data/us-states';
import type { Profile } from '../../src/profile/profile';
import { COUNTRY_REGIONS, stateRegion, US, US_DOD } from '../../src/profile/regions';
import type { Translate } from './i18n';

// Its own few rules, so that any page can drop it in (the popup's theme variables when present).
const CSS = `.profile-picker { border: 1px solid var(--muted, #5f5f5f); border-radius: 8px; padding: 8px 12px; margin: 8px 0; } .profile-picker legend { font-weight: 600; padding: 0 4px; } .profile-picker ul.plain { list-style: none; padding: 0; margin: 0; } .profile-picker li { margin: 6px 0; } .profile-picker select { margin-inline-start: 4px; max-width: 100%; } .profile-picker :disabled + label, .profile-picker select:disabled { opacity: 0.75; }`;

/** The countries and unions a reader can be a government employee of (besides the US): every one src/profile/regions.ts knows. */
const GOVERNMENTS = COUNTRY_REGIONS.filter((c) => c !== US);
/** The countries a reader can be a member of the public of: the EU institutions and the Czech Republic are offered as governments only. */
const PUBLICS = [US, 'IN', 'TW', 'IT', 'KR', 'CA', 'GB', 'AU'];
const STATES = US_STATES.map((s) => [stateRegion(s), s] as const);

type Row = 'federal' | 'state' | 'procurement' | 'government' | 'public' | 'journalist';
interface Choice {
  on: Record<Row, boolean>;
  state: string;
  procurement: string;
  government: string;
  public: string;
}

/** The rows the profiles tick, and the region each row's select shows. */
function choiceOf(profiles: readonly Profile[]): Choice {
  const c: Choice = {
    on: { federal: false, state: false, procurement: false, government: false, public: false, journalist: false },
    state: STATES[42]![0], // Texas: the first state most readers look for
    procurement: US,
    government: GOVERNMENTS[0]!,
    public: PUBLICS[0]!,
  };
  for (const p of profiles) {
    if (p.role === 'journalist') c.on.journalist = true;
    else if (p.role === 'procurement') [c.on.procurement, c.procurement] = [true, p.region];
    else if (p.role === 'public') [c.on.public, c.public] = [true, p.region];
    else if (p.region === US) c.on.federal = true;
    else if (p.region.startsWith('US-')) [c.on.state, c.state] = [true, p.region];
    else [c.on.government, c.government] = [true, p.region];
  }
  return c;
}

function profilesOf(c: Choice): Profile[] {
  const out: Profile[] = [];
  if (c.on.federal) out.push({ role: 'government', region: US });
  if (c.on.state) out.push({ role: 'government', region: c.state });
  if (c.on.procurement) out.push({ role: 'procurement', region: c.procurement });
  if (c.on.government) out.push({ role: 'government', region: c.government });
  if (c.on.public) out.push({ role: 'public', region: c.public });
  if (c.on.journalist) out.push({ role: 'journalist' });
  return out;
}

export interface ProfilePickerProps {
  value: readonly Profile[];
  onChange(profiles: Profile[]): void;
  t: Translate;
  /** Set by policy: shown, not editable. */
  locked?: boolean;
  /** Prefix for element ids (two pickers on one page stay distinct). */
  idPrefix?: string;
}

export function ProfilePicker({ value, onChange, t, locked = false, idPrefix = 'profile' }: ProfilePickerProps) {
  const [choice, setChoice] = useState(() => choiceOf(value));
  const update = (next: Choice) => {
    setChoice(next);
    onChange(profilesOf(next));
  };
  const tick = (row: Row) => (e: Event) => update({ ...choice, on: { ...choice.on, [row]: (e.currentTarget as HTMLInputElement).checked } });
  const pick = (field: 'state' | 'procurement' | 'government' | 'public') => (e: Event) =>
    update({ ...choice, [field]: (e.currentTarget as HTMLSelectElement).value });
  const id = (s: string) => `${idPrefix}-${s}`;
  const region = (code: string) =>
    code === US_DOD ? t('options_profile_region_US_DOD') : code.startsWith('US-') ? STATES.find(([c]) => c === code)?.[1] ?? code : t(`options_profile_region_${code}`);

  const row = (r: Row, label: string, select?: { field: 'state' | 'procurement' | 'government' | 'public'; codes: readonly string[]; label: string }) => (
    <li key={r}>
      <input id={id(r)} type="checkbox" checked={choice.on[r]} disabled={locked} onChange={tick(r)} /> <label for={id(r)}>{label}</label>
      {select ? (
        <>
          {' '}
          <select
            id={id(`${r}-region`)}
            aria-label={select.label}
            value={choice[select.field]}
            disabled={locked || !choice.on[r]}
            onChange={pick(select.field)}
          >
            {select.codes.map((code) => (
              <option key={code} value={code}>
                {region(code)}
              </option>
            ))}
          </select>
        </>
      ) : null}
    </li>
  );

  const chosen = profilesOf(choice);
  return (
    <fieldset class="profile-picker" aria-describedby={id('hint')}>
      <style>{CSS}</style>
      <legend>{t('options_profile_legend')}</legend>
      <ul class="plain">
        {row('federal', t('options_profile_federal'))}
        {row('state', t('options_profile_state'), { field: 'state', codes: STATES.map(([c]) => c), label: t('options_profile_state_select') })}
        {row('procurement', t('options_profile_procurement'), {
          field: 'procurement',
          codes: [US, US_DOD, ...STATES.map(([c]) => c)],
          label: t('options_profile_procurement_select'),
        })}
        {row('government', t('options_profile_government'), { field: 'government', codes: GOVERNMENTS, label: t('options_profile_government_select') })}
        {row('public', t('options_profile_public'), { field: 'public', codes: PUBLICS, label: t('options_profile_public_select') })}
        {row('journalist', t('options_profile_journalist'))}
      </ul>
      <p id={id('hint')} class="muted">
        {locked ? t('options_profile_managed') : chosen.length ? t('options_profile_hint') : t('options_profile_none')}
      </p>
    </fieldset>
  );
}
