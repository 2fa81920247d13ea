/**
 * The shape of a flag: one article a monitor marked for the rebuttal team.
 * Fields are named for what the page itself said; later capture work (author,
 * publish time, text, evidence) adds optional fields here and a migration in
 * lib/db/schema.ts.
 */

export const FLAG_STATUSES = ['new', 'confirmed', 'sent_to_rebuttal', 'rebutted', 'dismissed'] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];

/** How the monitor asked for the flag; all of them go through the same flagging function. */
export const FLAG_TRIGGERS = ['popup', 'menu_page', 'menu_link', 'menu_selection', 'shortcut', 'automation'] as const;
export type FlagTrigger = (typeof FLAG_TRIGGERS)[number];

export interface FlagRecord {
  /** Random UUID, stable across exports and imports between monitors. */
  id: string;
  /** The address exactly as visited (or the link's target for "flag this link"). */
  url: string;
  /** What the page declares as its canonical address, else `url` without its fragment. */
  canonicalUrl: string;
  title: string;
  siteName: string;
  description: string;
  /** `html[lang]` as declared, lower-cased; '' when the page declares none. */
  lang: string;
  /** Text the monitor selected, kept as evidence of the distorting claim. */
  quote: string;
  /** For a flagged link: the page the link was found on. */
  foundOnUrl: string;
  /** Epoch milliseconds of the first flag. */
  capturedAt: number;
  /** Epoch milliseconds of the latest flag of the same canonical URL. */
  lastFlaggedAt: number;
  /** How many times this address was flagged (1 for a fresh record). */
  timesFlagged: number;
  monitor: string;
  trigger: FlagTrigger;
  status: FlagStatus;
  /** One of the category ids (lib/categories.ts); '' until the monitor or the watchlist sets one. */
  category: string;
  /** Watchlist terms highlighted on the page when it was flagged, most frequent first. */
  watchTerms: string[];
  /** The byline's person ('' when the page names none, or only an outlet). */
  author: string;
  /** Publication time as ISO 8601 with offset; '' when the page gives none. */
  publishedAt: string;
  /** True when the page gave no time zone and Vietnam time (or the zone stated elsewhere) was assumed. */
  publishedAtZoneAssumed: boolean;
  modifiedAt: string;
  /** The start of the article text; the whole snapshot is in the evidence table. */
  excerpt: string;
  wordCount: number;
  /** How many distinct copies (addresses) of this story are known; its copies are in the copies table. */
  copyCount: number;
  /** 1 (low) to 3 (high), as the monitor judged it; 0 until judged. */
  severity: Severity;
  /** Free labels the monitor adds ("facebook", "video", a campaign name). */
  tags: string[];
  /** The monitor's note for the rebuttal team. */
  note: string;
  /** Epoch milliseconds of the last CSV export that included this story; 0 if never exported. */
  exportedAt: number;
}

/** The article's opening a record keeps (lib/page/readable-text.ts makeExcerpt): what dedup compares copies on. */
export const MAX_EXCERPT = 600;

export const SEVERITIES = [0, 1, 2, 3] as const;
export type Severity = (typeof SEVERITIES)[number];

export function isSeverity(value: unknown): value is Severity {
  return (SEVERITIES as readonly unknown[]).includes(value);
}

/** Record as kept in the trash: the full record plus when it was deleted. */
export interface TrashedFlag extends FlagRecord {
  deletedAt: number;
}
