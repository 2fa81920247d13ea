/**
 * Keeps the `flagDays` digest (lib/dashboard/day-digest.ts) in step with
 * `flags`, whatever writes them: a Dexie DBCore middleware sees every add,
 * put, delete and clear of `flags` (flagging, review edits, bulk actions,
 * trash, imports, restores) and updates the digest rows of the days touched,
 * in the same transaction. Every read-write transaction over `flags` is
 * widened to include `flagDays`, so a write and its digest commit or fail
 * together, and no writer has to remember the digest exists.
 *
 * Not covered: upgrade transactions, where older versions' upgraders rewrite
 * flags before `flagDays` exists. The upgrade that creates the table fills it
 * from scratch (fillFlagDays), after every older upgrader has run; a later
 * upgrade that rewrites flags must call fillFlagDays again.
 */
import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCoreTable, type Middleware, type Table } from 'dexie';
import { applyToDayRow, dayRowsOf, emptyDayRow, type DashboardFlag, type DayDigestRow } from '../dashboard/day-digest';
import { FLAG_STATUSES, isSeverity, type FlagStatus } from '../flag-record';
import { vietnamDayNumber } from '../time/periods';

const FLAGS = 'flags';
export const FLAG_DAYS = 'flagDays';
/** DBCoreRangeType.Any (a const enum Dexie declares but does not export as a value): the whole table. */
const RANGE_ANY = 3;

interface IdbTransactionLike {
  mode?: string;
  objectStoreNames?: { contains(name: string): boolean };
}

/** The base DBCore's transactions are IndexedDB transactions; anything else is left alone. */
function digestApplies(trans: unknown): boolean {
  const idb = trans as IdbTransactionLike;
  return idb.mode === 'readwrite' && Boolean(idb.objectStoreNames?.contains(FLAG_DAYS));
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** A stored flag as the digest sees it; older or foreign shapes get the same defaults as the migrations give. */
export function digestInputOf(value: unknown): DashboardFlag | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (typeof record.id !== 'string' || typeof record.capturedAt !== 'number') return undefined;
  return {
    id: record.id,
    capturedAt: record.capturedAt,
    category: text(record.category),
    status: FLAG_STATUSES.includes(record.status as FlagStatus) ? (record.status as FlagStatus) : 'new',
    severity: isSeverity(record.severity) ? record.severity : 0,
    copyCount: typeof record.copyCount === 'number' ? record.copyCount : 1,
    siteName: text(record.siteName),
    lang: text(record.lang),
    watchTerms: Array.isArray(record.watchTerms) ? record.watchTerms.filter((term): term is string => typeof term === 'string') : [],
    title: text(record.title),
    url: text(record.url),
    note: text(record.note),
  };
}

/** What one mutation does to the digest, day by day. */
class DigestChanges {
  readonly removed = new Map<number, string[]>();
  readonly upserted = new Map<number, DashboardFlag[]>();

  remove(flag: DashboardFlag): void {
    const day = vietnamDayNumber(flag.capturedAt);
    const ids = this.removed.get(day);
    if (ids) ids.push(flag.id);
    else this.removed.set(day, [flag.id]);
  }

  upsert(flag: DashboardFlag): void {
    const day = vietnamDayNumber(flag.capturedAt);
    const flags = this.upserted.get(day);
    if (flags) flags.push(flag);
    else this.upserted.set(day, [flag]);
  }

  days(): number[] {
    return [...new Set([...this.removed.keys(), ...this.upserted.keys()])];
  }
}

/**
 * Mutations of one transaction run one after another: each reads the day rows
 * it changes, and two running at once (Promise.all of puts) would each write
 * back a row missing the other's change.
 *
 * Written with Dexie's promises and `.then`, not async/await: Dexie's middlewares
 * below this one find their transaction in Dexie's zone, which its promises
 * carry from one step to the next and native awaits do not.
 */
const queues = new WeakMap<object, PromiseLike<unknown>>();

function inTurn<T>(trans: object, work: () => PromiseLike<T>): Promise<T> {
  const result = Dexie.Promise.resolve(queues.get(trans)).then(work);
  queues.set(
    trans,
    result.catch(() => undefined),
  );
  return result;
}

function syncedFlagsTable(flags: DBCoreTable, flagDays: () => DBCoreTable): DBCoreTable {
  const extractKey = flags.schema.primaryKey.extractKey;
  const digests = (values: readonly unknown[]) => values.map(digestInputOf);

  /** The stored versions of what the request replaces or deletes ('all' for a clear). */
  function storedBefore(req: DBCoreMutateRequest): PromiseLike<(DashboardFlag | undefined)[] | 'all'> {
    switch (req.type) {
      case 'add':
        return Dexie.Promise.resolve([]);
      case 'put':
        return flags.getMany({ trans: req.trans, keys: req.keys ?? req.values.map((value) => extractKey!(value)) }).then(digests);
      case 'delete':
        return flags.getMany({ trans: req.trans, keys: req.keys }).then(digests);
      case 'deleteRange':
        if (req.range.type === RANGE_ANY) return Dexie.Promise.resolve('all' as const);
        return flags.query({ trans: req.trans, values: true, query: { index: flags.schema.primaryKey, range: req.range } }).then(({ result }) => digests(result));
    }
  }

  function changesOf(req: DBCoreMutateRequest, before: (DashboardFlag | undefined)[], response: DBCoreMutateResponse): DigestChanges {
    const changes = new DigestChanges();
    const failed = (index: number) => Object.hasOwn(response.failures, index);
    before.forEach((old, index) => {
      if (old && !(req.type !== 'deleteRange' && failed(index))) changes.remove(old);
    });
    if (req.type === 'add' || req.type === 'put') {
      req.values.forEach((value, index) => {
        const flag = failed(index) ? undefined : digestInputOf(value);
        if (flag) changes.upsert(flag);
      });
    }
    return changes;
  }

  function writeDays(trans: DBCoreMutateRequest['trans'], changes: DigestChanges): PromiseLike<unknown> {
    const days = changes.days();
    if (days.length === 0) return Dexie.Promise.resolve();
    const table = flagDays();
    return table.getMany({ trans, keys: days }).then((stored: (DayDigestRow | undefined)[]) => {
      const kept: DayDigestRow[] = [];
      const emptied: number[] = [];
      days.forEach((day, index) => {
        const row = applyToDayRow(stored[index] ?? emptyDayRow(day), changes.removed.get(day) ?? [], changes.upserted.get(day) ?? []);
        if (row.ids.length > 0) kept.push(row);
        else if (stored[index]) emptied.push(day);
      });
      return table
        .mutate({ trans, type: 'put', values: kept })
        .then(() => (emptied.length > 0 ? table.mutate({ trans, type: 'delete', keys: emptied }) : undefined));
    });
  }

  return {
    ...flags,
    mutate(req) {
      if (!digestApplies(req.trans)) return flags.mutate(req);
      return inTurn(req.trans, () =>
        storedBefore(req).then((before) =>
          flags.mutate(req).then((response) => {
            // A clear of flags (its range is the whole table) clears the digest with the same range.
            const digestWritten =
              before === 'all' && req.type === 'deleteRange'
                ? flagDays().mutate({ trans: req.trans, type: 'deleteRange', range: req.range })
                : writeDays(req.trans, changesOf(req, before === 'all' ? [] : before, response));
            return digestWritten.then(() => response);
          }),
        ),
      );
    },
  };
}

export const dayDigestMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'DayDigest',
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        const widen = mode === 'readwrite' && stores.includes(FLAGS) && !stores.includes(FLAG_DAYS) && down.schema.tables.some((table) => table.name === FLAG_DAYS);
        return down.transaction(widen ? [...stores, FLAG_DAYS] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        return name === FLAGS ? syncedFlagsTable(table, () => down.table(FLAG_DAYS)) : table;
      },
    };
  },
};

// Flags read and digested per step of the fill: a page at a time keeps a service worker's peak small.
const FILL_PAGE = 2000;

/** Builds the whole digest from `flags` (the upgrade that creates `flagDays`; a repair). */
export async function fillFlagDays(flags: Table, flagDays: Table): Promise<void> {
  const digests: DashboardFlag[] = [];
  let last: string | undefined;
  for (;;) {
    const page = (await (last === undefined ? flags.orderBy(':id') : flags.where(':id').above(last)).limit(FILL_PAGE).toArray()) as unknown[];
    if (page.length === 0) break;
    for (const value of page) {
      const digest = digestInputOf(value);
      if (digest) digests.push(digest);
    }
    last = (page[page.length - 1] as { id: string }).id;
  }
  await flagDays.clear();
  await flagDays.bulkPut(dayRowsOf(digests));
}
