/**
 * The full JSON backup: what it holds, how it is written and how a file is
 * checked before anything touches the database.
 *
 *   { "format": "canh-tin/backup", "version": 1, "createdAt": "2026-11-27T10:00:00+07:00",
 *     "schemaVersion": 6, "flags": […], "copies": […], "trash": […], "settings": […],
 *     "evidence": […] }                     ← only when evidence was included
 *
 * Records are the database rows as they are; evidence bytes (screenshots,
 * MHTML pages) are base64 strings. Derived tables (the dedup index) are not
 * in the file: they are rebuilt on restore, so a backup outlives changes to
 * how they are computed.
 */
import type { CopyMatch, CopyRecord } from '../copy-record';
import { CURRENT_SCHEMA_VERSION, type SettingRow } from '../db/schema';
import type { EvidenceRecord, ScreenshotProblem } from '../evidence/evidence-record';
import { FLAG_STATUSES, FLAG_TRIGGERS, type FlagRecord, type TrashedFlag } from '../flag-record';
import { z } from '../schema';
import { watchlistSettingsSchema, type WatchlistSettings } from '../settings/watchlist-settings';
import { toVietnamIso } from '../time/format-vietnam-time';
import { base64ToBytes, bytesToBase64 } from './base64';

export const BACKUP_FORMAT = 'canh-tin/backup';
export const BACKUP_VERSION = 1;

/** Tables a backup holds row for row. */
export const BACKUP_TABLES = ['flags', 'copies', 'trash', 'settings', 'evidence'] as const;
/**
 * Tables computed from those; emptied and refilled on restore, never written to a file
 * (the dedup index by restoreBackup, the briefing's day digest by the middleware that follows flags).
 */
export const DERIVED_TABLES = ['dedupIndex', 'flagDays'] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** When it was made, ISO 8601 in Vietnam time. */
  createdAt: string;
  /** The database schema version the rows have (lib/db/schema.ts). */
  schemaVersion: number;
  flags: FlagRecord[];
  copies: CopyRecord[];
  trash: TrashedFlag[];
  settings: SettingRow[];
  /** Absent when the backup was made without evidence (it can be large). */
  evidence?: EvidenceRecord[];
  /**
   * The watchlist (it lives in extension storage, not in the database; the page
   * making the backup reads it). Absent in backups made before it was included.
   */
  watchlist?: WatchlistSettings;
}

/** Why a file was refused; codes are stable so the UI can say it in the monitor's language. */
export type BackupProblem =
  | { code: 'not-our-format' }
  | { code: 'newer-version'; version: number }
  /** `index` counts from 0; `field` is the record's field at fault ('' for the record itself). */
  | { code: 'bad-record'; table: BackupTable; index: number; field: string }
  | { code: 'bad-field'; field: string };

export class BackupError extends Error {
  constructor(readonly problem: BackupProblem) {
    super(`not a usable Canh Tin backup: ${JSON.stringify(problem)}`);
    this.name = 'BackupError';
  }
}

// ---- Row schemas: the typecheck fails here when a record type gains a field ----

function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

const id = z.string().min(1).max(500);
// A copy an imported file listed is named by its story's id and its address's key (lib/db/import-flags.ts):
// a 4,000-character address, percent-encoded in the key, takes up to 9 characters per letter. A limit
// of 500 refused real backups; this one only keeps out absurd sizes.
const copyId = z.string().min(1).max(500 + 1 + 4000 * 9);
const epochMs = z.number();
const count = z.number().int().min(0);
// Addresses become links in the queue: only web addresses, never javascript: or data:.
const webUrl = z.string().refine(isHttpUrl, 'not an http(s) address');

const flagShape = {
  id,
  url: webUrl,
  canonicalUrl: z.string(),
  title: z.string(),
  siteName: z.string(),
  description: z.string(),
  lang: z.string(),
  quote: z.string(),
  foundOnUrl: z.string(),
  capturedAt: epochMs,
  lastFlaggedAt: epochMs,
  timesFlagged: count,
  monitor: z.string(),
  trigger: z.enum(FLAG_TRIGGERS),
  status: z.enum(FLAG_STATUSES),
  category: z.string(),
  watchTerms: z.array(z.string()),
  author: z.string(),
  publishedAt: z.string(),
  publishedAtZoneAssumed: z.boolean(),
  modifiedAt: z.string(),
  excerpt: z.string(),
  wordCount: count,
  copyCount: count,
  severity: z.literal([0, 1, 2, 3]),
  tags: z.array(z.string()),
  note: z.string(),
  exportedAt: epochMs,
};

const flagSchema = z.object(flagShape) satisfies z.ZodType<FlagRecord>;
// A story merged into another waits in the trash with what it brought (lib/db/story-edits.ts MergedAway):
// without these, a restored backup could only bring it back empty.
const trashedSchema = z.object({
  ...flagShape,
  deletedAt: epochMs,
  mergedInto: id.optional(),
  movedCopyIds: z.array(copyId).optional(),
  movedEvidenceIds: z.array(id).optional(),
}) satisfies z.ZodType<TrashedFlag>;

const COPY_MATCHES = ['first', 'url', 'canonical-url', 'title', 'text', 'manual', 'imported'] as const satisfies readonly CopyMatch[];

const copySchema = z.object({
  id: copyId,
  flagId: id,
  url: webUrl,
  canonicalUrl: z.string(),
  urlKeys: z.array(z.string()),
  title: z.string(),
  siteName: z.string(),
  publishedAt: z.string(),
  excerpt: z.string(),
  monitors: z.array(z.string()),
  firstSeenAt: epochMs,
  lastSeenAt: epochMs,
  timesSeen: count,
  matchedBy: z.enum(COPY_MATCHES),
}) satisfies z.ZodType<CopyRecord>;

const SCREENSHOT_PROBLEMS = ['not-visible', 'capture-failed', 'quota-exceeded'] as const satisfies readonly ScreenshotProblem[];
const bytes = z.base64().transform(base64ToBytes);

const evidenceSchema = z.object({
  id,
  flagId: id,
  capturedAt: epochMs,
  tabUrl: z.string(),
  userAgent: z.string(),
  text: z.string(),
  textSha256: z.string(),
  screenshot: bytes.optional(),
  screenshotSha256: z.string().optional(),
  screenshotProblem: z.enum(SCREENSHOT_PROBLEMS).optional(),
  mhtml: bytes.optional(),
  mhtmlSha256: z.string().optional(),
}) satisfies z.ZodType<EvidenceRecord>;

const settingSchema = z.object({ key: z.string().min(1).max(200), value: z.json() });

const documentSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string(),
  schemaVersion: z.number().int().min(1),
  flags: z.array(z.unknown()),
  copies: z.array(z.unknown()),
  trash: z.array(z.unknown()),
  settings: z.array(z.unknown()),
  evidence: z.array(z.unknown()).optional(),
  watchlist: z.unknown().optional(),
});

const envelopeSchema = z.object({ format: z.literal(BACKUP_FORMAT), version: z.number().int().min(1), schemaVersion: z.number().int().min(1) });

export type BackupRecordProblem = Extract<BackupProblem, { code: 'bad-record' }>;

export interface ReadBackupResult {
  /** The good records; a bad one is left out and named in `problems`. */
  backup: Backup;
  problems: BackupRecordProblem[];
}

/** Each row checked on its own: a bad one is reported with its place and left out, the rest kept. */
function readRows<T>(table: BackupTable, rows: readonly unknown[], schema: z.ZodType<T>, keyOf: (row: T) => string, problems: BackupRecordProblem[]): T[] {
  const good: T[] = [];
  const seen = new Set<string>();
  for (const [index, row] of rows.entries()) {
    const parsed = schema.safeParse(row);
    if (!parsed.success) {
      problems.push({ code: 'bad-record', table, index, field: (parsed.error.issues[0]?.path ?? []).map(String).join('.') });
      continue;
    }
    // Ids are primary keys: a repeated one would make the whole restore fail.
    const key = keyOf(parsed.data);
    if (seen.has(key)) {
      problems.push({ code: 'bad-record', table, index, field: table === 'settings' ? 'key' : 'id' });
      continue;
    }
    seen.add(key);
    good.push(parsed.data);
  }
  return good;
}

/**
 * Reads a backup file, row by row: throws BackupError when the file as a
 * whole cannot be used (not this format, or made by a newer Canh Tin whose
 * rows may hold fields this one would drop); otherwise returns the good rows
 * and where the bad ones were (for a merge import's report).
 */
export function readBackup(text: string, currentSchemaVersion: number = CURRENT_SCHEMA_VERSION): ReadBackupResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new BackupError({ code: 'not-our-format' });
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) throw new BackupError({ code: 'not-our-format' });
  if (envelope.data.version > BACKUP_VERSION || envelope.data.schemaVersion > currentSchemaVersion) {
    throw new BackupError({ code: 'newer-version', version: envelope.data.version });
  }
  const parsed = documentSchema.safeParse(json);
  if (!parsed.success) throw new BackupError({ code: 'bad-field', field: (parsed.error.issues[0]?.path ?? []).map(String).join('.') });
  const document = parsed.data;
  const problems: BackupRecordProblem[] = [];
  const byId = (row: { id: string }) => row.id;
  const watchlist = document.watchlist === undefined ? undefined : watchlistSettingsSchema.safeParse(document.watchlist);
  if (watchlist && !watchlist.success) throw new BackupError({ code: 'bad-field', field: 'watchlist' });
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: document.createdAt,
    schemaVersion: document.schemaVersion,
    flags: readRows('flags', document.flags, flagSchema, byId, problems),
    copies: readRows('copies', document.copies, copySchema, byId, problems),
    trash: readRows('trash', document.trash, trashedSchema, byId, problems),
    settings: readRows('settings', document.settings, settingSchema, (row) => row.key, problems),
    ...(document.evidence ? { evidence: readRows('evidence', document.evidence, evidenceSchema, byId, problems) } : {}),
    ...(watchlist ? { watchlist: watchlist.data } : {}),
  };
  return { backup, problems };
}

/**
 * A backup to restore: all or nothing. Throws BackupError for the file as a
 * whole (see readBackup) or for its first bad record.
 */
export function parseBackup(text: string, currentSchemaVersion: number = CURRENT_SCHEMA_VERSION): Backup {
  const { backup, problems } = readBackup(text, currentSchemaVersion);
  if (problems[0]) throw new BackupError(problems[0]);
  return backup;
}

function evidenceToJson(record: EvidenceRecord): Record<string, unknown> {
  const { screenshot, mhtml, ...rest } = record;
  return {
    ...rest,
    ...(screenshot ? { screenshot: bytesToBase64(screenshot) } : {}),
    ...(mhtml ? { mhtml: bytesToBase64(mhtml) } : {}),
  };
}

export function serializeBackup(backup: Backup): string {
  return JSON.stringify({ ...backup, ...(backup.evidence ? { evidence: backup.evidence.map(evidenceToJson) } : {}) });
}

/** canh-tin_backup_2026-11-27.json (the date in Vietnam). */
export function backupFileName(now: number): string {
  return `canh-tin_backup_${toVietnamIso(now).slice(0, 10)}.json`;
}
