// The shape of the dataset. Data files (src/data/*.json) are validated against
// these types by src/data/validate.ts at build time and in tests.

/** A URL, or `repo:owner/name/path` for a file in a public repository. */
export interface Source {
  url: string;
  /** Short human label, e.g. "Federal Register 86 FR 1249". */
  title?: string;
  /**
   * primary: the instrument itself, an official site, the Federal Register, a court docket;
   * secondary: news, law-firm notes, mirrors. Shown primary first; secondary is marked.
   */
  kind?: 'primary' | 'secondary';
  /** For `repo:owner/name/path` sources: the commit at which that path exists (hex, 7–40). */
  commit?: string;
}

export type ISODate = string; // YYYY-MM-DD

export type StatusCode =
  | 'pending' // signed/announced, prohibitions not (yet) in effect
  | 'in-force' // binding on its audience now
  | 'enjoined' // blocked by a court
  | 'enforcement-paused' // law in force, enforcement delayed by order
  | 'resolved' // law in force, but its condition was met (e.g. qualified divestiture)
  | 'revoked' // withdrawn / revoked
  | 'expired'; // a measure limited in time whose period ended without renewal

export interface Status {
  code: StatusCode;
  /** The status in the measure's own terms, e.g. "never implemented; revoked June 9, 2021 by EO 14034". */
  text: string;
}

export interface TimelineEvent {
  date: ISODate;
  /** One sentence: what happened. */
  text: string;
  /** When set, the measure's status from this date on (until a later event with a status). */
  status?: Status;
  sources: Source[];
}

export type Instrument =
  | 'executive-order'
  | 'statute'
  | 'agency-rule'
  | 'agency-order'
  | 'agency-list' // a list kept by an agency (FCC Covered List, DoD 1260H list)
  | 'state-list'
  | 'state-executive-order'
  | 'national-directive' // a government's directive for its own devices (Canada, UK, Australia)
  | 'regulator-order'; // a regulator's order to one company (Italy's Garante)

/**
 * Who a measure binds, structured (the `binds` text says it in words): a region
 * ('US' federal, 'US-TX' a state, 'IN', 'TW', 'CA', 'GB', 'EU' institutions, 'AU',
 * 'IT', 'KR' …) and which people there. Decides whom a verdict says the measure is
 * for (src/profile/). Absent: derived from the jurisdiction (a US state → its
 * government devices; src/profile/audiences.ts).
 */
export type AudienceWho =
  | 'government-devices' // the government's own devices and networks, its employees
  | 'government-contractors' // contractors of that government (their devices or IT used for it)
  | 'procurement' // what the government may buy or fund
  | 'intelligence-community' // national security systems of the US intelligence community
  | 'house' // US House-managed devices (members' offices and staff)
  | 'dod-procurement' // the US Department of Defense's contracting only (NDAA FY2024 §805): binds no profile, said in the lines
  | 'universities' // state universities' networks and devices
  | 'one-agency' // one agency's own devices only (e.g. a state treasury): binds no profile, said in the lines
  | 'funding-recipients' // recipients of a regulator's funding (FCC Universal Service Fund)
  | 'public' // everyone in the region
  | 'app-stores' // app stores and hosts serving users in the region
  | 'company-order' // an order to the company itself (what it may offer in the region)
  | 'information'; // binds no one (a list published for information)

export interface Audience {
  region: string;
  who: AudienceWho;
}

export interface NamedEntity {
  entityId: string;
  /** The measure's own words for it, e.g. "Tencent Holdings Ltd." */
  label: string;
  /** Does naming reach the entity's apps/subsidiaries (a company named), or just this app? */
  reach: 'app' | 'company-and-subsidiaries';
  /** For lists that grow over time: the date the measure began naming this entity (absent: from the measure's start). */
  addedOn?: ISODate;
  /**
   * What the measure covers of the named company, in its own words, when that is
   * narrower than everything the company makes ("video surveillance and
   * telecommunications equipment"). `apps: false`: the measure does not reach the
   * company's apps as such, so for an app listing it is information, never a restriction.
   */
  scope?: { text: string; apps: boolean };
  /**
   * The measure's own words that carry the naming to related companies, when it has
   * them, e.g. "Any subsidiary or affiliate of an entity listed above".
   */
  clause?: string;
  /**
   * Where the measure treats this entity differently from the rest: from each event's
   * date on, this status replaces the measure's own for this entity (sorted by date).
   * With `entityIds`, the event applies only to listings of those entities (or builds
   * of them) reached through this naming: PAFACA names ByteDance, and after Jan 22,
   * 2026 its status differs for the apps divested to the US joint venture.
   */
  statusEvents?: { date: ISODate; status: Status; sources: Source[]; entityIds?: string[] }[];
  /**
   * Where the naming comes from when it is not the measure's own text:
   * 'press-summary' — the list of apps comes from press summaries of the order (its
   * operative text, as quoted, names no app). Worded "is among the apps … covers,
   * according to press summaries of the order", never "is named in".
   */
  basis?: 'press-summary';
}

export interface Measure {
  id: string; // e.g. "us-eo-13971"
  title: string;
  shortTitle: string; // "US Executive Order 13971"
  /** The title as it reads inside a sentence, when it differs ("the Texas prohibited technologies list"). */
  sentenceTitle?: string;
  /**
   * The measure names more apps than `names` holds (India's lists name hundreds of apps by
   * title; the record holds those of the companies it tracks): a listing by the maker of a
   * named app is then never said not to be named, only not recorded among its names.
   */
  namesPartial?: true;
  number?: string; // "13971"
  instrument: Instrument;
  jurisdiction: string; // "United States (federal)", "Texas"
  binds: string; // who it binds
  /** `binds`, structured; absent: derived from the jurisdiction (src/profile/audiences.ts). */
  audiences?: Audience[];
  prohibits: string; // one plain sentence
  summary: string; // one paragraph for the popup
  dates: { signed?: ISODate; published?: ISODate; effective?: ISODate };
  citation?: string; // "86 FR 1249; FR Doc. 2021-00305"
  verbatim?: { text: string; source: Source }[];
  /**
   * Why no `verbatim` quotes a primary text, when none does (e.g. "the order's own text
   * was not found; quoted from press reproductions").
   */
  noPrimaryText?: string;
  /**
   * When the facts should be checked again (a governor leaving office, pending
   * litigation, a renewal), with the reason in `reviewNote`. A test fails when a
   * shipped measure is more than a year past it relative to the dataset's asOf.
   */
  reviewBy?: ISODate;
  reviewNote?: string;
  timeline: TimelineEvent[];
  sources: Source[];
  names: NamedEntity[];
}

export type Platform =
  | 'google-play' // package name
  | 'apple' // numeric App Store id (iPhone/iPad), digits only
  | 'apple-mac' // numeric Mac App Store id
  | 'apple-bundle' // iOS/macOS bundle id
  | 'apple-developer' // numeric artist id
  | 'google-play-developer' // numeric dev?id= or developer?id= name
  | 'microsoft-store' // product id, upper case
  | 'winget'
  | 'galaxy-store'
  | 'appgallery'
  | 'amazon' // ASIN
  | 'domain' // registrable or host name, lower case
  | 'flathub';

export interface Identifier {
  platform: Platform;
  value: string;
  note?: string;
  /** false: kept for the record, never raises a flag alone. */
  verified: boolean;
  sources: Source[];
}

export interface Alias {
  text: string;
  /** BCP-47-ish: en, zh-Hans, zh-Hant, hi, pinyin. */
  lang?: string;
  kind?: 'name' | 'former-name' | 'translation' | 'nickname';
  /** false: an ambiguous word ("RED") shown in the popup but never matched as a name. */
  matchable?: boolean;
}

export interface StoreDeveloperName {
  store: string; // 'google-play' | 'apple' | 'microsoft-store' | 'winget' | 'apkmirror' | ...
  name: string;
  verified: boolean;
  sources: Source[];
}

export interface LookAlike {
  name: string;
  identifiers?: { platform: Platform; value: string }[];
  why: string;
  sources: Source[];
}

export type VariantPolicy = 'variant' | 'same-developer' | 'related';

export interface Entity {
  id: string; // "app-camscanner", "co-intsig"
  kind: 'app' | 'feature' | 'company';
  name: string;
  aliases: Alias[];
  /** For apps: the company that develops it. For companies: parent company. */
  developerId?: string;
  parentId?: string;
  /** For variants: the named app this is a build of, and how it relates. */
  variantOf?: { entityId: string; policy: VariantPolicy };
  /** feature built into another app (QQ Wallet in Tencent QQ): the id of the host app entity. */
  hostAppId?: string;
  /**
   * Companies the stores list as the app's seller/owner when that differs from its
   * developer (Lemon8: developed by ByteDance, listed by Heliophilia Pte Ltd).
   * A listing by one of them is "by the publisher of" the app.
   */
  publisherIds?: string[];
  identifiers: Identifier[];
  storeDeveloperNames?: StoreDeveloperName[];
  /** Names that must not match this entity (VidMate for VMate). */
  lookAlikes?: LookAlike[];
  /** Words that, next to a short alias, make it something else ("WPS" + "wifi"). */
  notes?: string;
  sources: Source[];
}

export interface Dataset {
  /** The date the facts were last checked; status is computed as of this date. */
  asOf: ISODate;
  measures: Measure[];
  entities: Entity[];
}
