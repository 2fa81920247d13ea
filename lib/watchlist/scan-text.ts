/**
 * Folds a page's text and runs the watchlist automaton over it in one pass.
 * Folding first (foldToUnits) and then matching wrote and re-read two arrays
 * as long as the page, and spent most of its time there; this loop folds each
 * character and steps the automaton on the result at once. It keeps only the
 * last few folded units, in a ring: enough to check the word boundary before a
 * match and to say where in the original text the match starts.
 *
 * The folding steps are foldToUnits's, made of the same primitives from
 * fold-text.ts; a property test holds this scan to what searching the whole of
 * foldText's output finds.
 */
import { nextRow, type Automaton } from './automaton';
import { clusterEnd, FOLD_GENERAL, FOLD_INVISIBLE, FOLD_SPACE, foldClusterAt, foldKindOf, marksFollow } from './fold-text';

/** What the scan needs to know of a form (a form's id is its index). */
export interface ScannedForm {
  /** Folded form; its length is a match's length in folded units. */
  folded: string;
  /** Must stand as a whole word (Latin scripts); CJK and Khmer forms match as substrings. */
  wholeWord: boolean;
}

/** Everything a scan needs, prepared once per watchlist (see planScan). */
export interface ScanPlan {
  readonly automaton: Automaton;
  readonly forms: readonly ScannedForm[];
  /** Folded length of the longest form: how far back a match reaches. */
  readonly longestForm: number;
  /**
   * Code unit → its fold and its class in one read: ((class << 16) | folded
   * unit) + 1 when it folds to one unit by itself, else its FOLD_* kind; 0 not
   * yet known. Filled in as pages are scanned.
   */
  readonly charEntries: Int32Array;
}

export function planScan(automaton: Automaton, forms: readonly ScannedForm[]): ScanPlan {
  return {
    automaton,
    forms,
    longestForm: forms.reduce((longest, form) => Math.max(longest, form.folded.length), 0),
    charEntries: new Int32Array(0x10000),
  };
}

function learnCharEntry(plan: ScanPlan, code: number): number {
  const kind = foldKindOf(code);
  const cls = kind > 0 ? plan.automaton.classOf[kind - 1]! : 0;
  // Entries stay small integers (under 2^30) and positive: a class of 2^14 or
  // more (a watchlist with that many distinct characters) is not packed, and
  // its characters take the general path, which gives the same answer.
  const entry = kind <= 0 ? kind : cls < 0x4000 ? ((cls << 16) | (kind - 1)) + 1 : FOLD_GENERAL;
  plan.charEntries[code] = entry;
  return entry;
}

/** One occurrence of a form in the text. */
export interface FoldedMatch {
  form: number;
  /** [start, end) in folded units: what "leftmost, longest" compares. */
  start: number;
  end: number;
  /** Original index where the character of the first folded unit starts. */
  originalStart: number;
  /** Original index where the character of the last folded unit starts (clusterEnd gives where it ends). */
  lastCharStart: number;
}

/**
 * Word characters for boundaries: Python's `\w` (letters, digits, underscore),
 * which the labels were made with, so "Hoàng Sang" is not "Hoàng Sa" while
 * "Kampot’s" is "Kampot".
 */
const WORD_CHAR = /^[\p{L}\p{N}_]$/u;
const wordTable = new Uint8Array(0x10000);

function isWordUnit(code: number): boolean {
  let known = wordTable[code]!;
  if (known === 0) {
    known = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
    wordTable[code] = known;
  }
  return known === 1;
}

/**
 * The last folded units and the original index each came from, by folded
 * index modulo a power of two: room for the longest form, the two units
 * before it (a surrogate pair) and the two after it.
 */
class RecentUnits {
  readonly units: Uint16Array;
  readonly starts: Int32Array;
  readonly mask: number;

  constructor(longestForm: number) {
    let size = 8;
    while (size < longestForm + 4) size *= 2;
    this.units = new Uint16Array(size);
    this.starts = new Int32Array(size);
    this.mask = size - 1;
  }

  unitAt(index: number): number {
    return this.units[index & this.mask]!;
  }

  startAt(index: number): number {
    return this.starts[index & this.mask]!;
  }

  /** Is the character ending just before folded `index` (the whole code point, for surrogate pairs) a word character? */
  wordCharBefore(index: number): boolean {
    if (index <= 0) return false;
    const code = this.unitAt(index - 1);
    if (code >= 0xdc00 && code <= 0xdfff && index >= 2) return WORD_CHAR.test(String.fromCharCode(this.unitAt(index - 2), code));
    return isWordUnit(code);
  }

  /** Is the character starting at folded `index` a word character? `length`: units folded so far (all of them, once the text has ended). */
  wordCharAt(index: number, length: number): boolean {
    if (index >= length) return false;
    const code = this.unitAt(index);
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < length) return WORD_CHAR.test(String.fromCharCode(code, this.unitAt(index + 1)));
    return isWordUnit(code);
  }
}

/**
 * No match waiting: the scan never folds this many units (texts stop at 8M
 * characters). The largest small integer V8 keeps unboxed (2^30 - 1): a larger
 * one would make the loop compare a boxed number on every character.
 */
const NEVER = 0x3fffffff;

/**
 * Whole-word matches whose end is known but not the character after it: that
 * one is not folded yet when the automaton reports the match. Each waits until
 * two more units exist (a surrogate pair), or the text ends.
 */
class WaitingMatches {
  private readonly queue: FoldedMatch[] = [];
  private head = 0;

  add(match: FoldedMatch): void {
    this.queue.push(match);
  }

  /** Folded length at which the oldest waiting match can be decided; NEVER when none waits. */
  settleAt(): number {
    return this.head < this.queue.length ? this.queue[this.head]!.end + 2 : NEVER;
  }

  /** Decides the matches that can be decided now, moving those that stand alone to `matches`; returns the next settleAt(). */
  settle(recent: RecentUnits, length: number, ended: boolean, matches: FoldedMatch[]): number {
    const queue = this.queue;
    while (this.head < queue.length) {
      const match = queue[this.head]!;
      if (!ended && length < match.end + 2) return match.end + 2;
      this.head += 1;
      if (!recent.wordCharAt(match.end, length)) matches.push(match);
    }
    // All decided: start afresh rather than let the queue grow with the page.
    queue.length = 0;
    this.head = 0;
    return NEVER;
  }
}

/**
 * Every form ending at folded index `end` (the automaton's output chain of the
 * state at `row`): the boundary before each is checked now, the one after later.
 */
function collectOutputs(plan: ScanPlan, row: number, end: number, recent: RecentUnits, matches: FoldedMatch[], waiting: WaitingMatches): void {
  const { firstOutput, nextOutput, formAt, classCount } = plan.automaton;
  for (let out = firstOutput[row / classCount]!; out >= 0; out = nextOutput[out]!) {
    const formId = formAt[out]!;
    const form = plan.forms[formId]!;
    const start = end - form.folded.length;
    if (form.wholeWord && recent.wordCharBefore(start)) continue;
    const match: FoldedMatch = { form: formId, start, end, originalStart: recent.startAt(start), lastCharStart: recent.startAt(end - 1) };
    if (form.wholeWord) waiting.add(match);
    else matches.push(match);
  }
}

/** The scan's state where a helper needs it (the loop itself keeps it in locals). */
interface ScanState {
  /** The automaton's state, as its row in the transition table. */
  row: number;
  /** Folded units so far. */
  length: number;
  /** Folded length at which the oldest waiting match can be decided. */
  settleAt: number;
}

/**
 * One folded unit, the slow way: the same steps as scanText's loop, for the
 * rare character whose fold is not one unit (ß→ss, a Khmer syllable).
 */
function stepUnit(plan: ScanPlan, scan: ScanState, unit: number, at: number, recent: RecentUnits, matches: FoldedMatch[], waiting: WaitingMatches): void {
  recent.units[scan.length & recent.mask] = unit;
  recent.starts[scan.length & recent.mask] = at;
  scan.length += 1;
  if (scan.length >= scan.settleAt) scan.settleAt = waiting.settle(recent, scan.length, false, matches);
  const cls = plan.automaton.classOf[unit]!;
  if (cls === 0) {
    scan.row = 0;
    return;
  }
  let row = nextRow(plan.automaton, scan.row, cls);
  if (row < 0) {
    row = ~row;
    collectOutputs(plan, row, scan.length, recent, matches, waiting);
    if (scan.settleAt === NEVER) scan.settleAt = waiting.settleAt();
  }
  scan.row = row;
}

/**
 * Every occurrence of every form in `text` (overlapping ones included), word
 * boundaries applied, in one fold-and-match pass. One loop over locals, with
 * the rare cases in helpers: it runs once per character of every page.
 */
export function scanText(plan: ScanPlan, text: string): FoldedMatch[] {
  const matches: FoldedMatch[] = [];
  const waiting = new WaitingMatches();
  const recent = new RecentUnits(plan.longestForm);
  const { units: recentUnits, starts: recentStarts, mask } = recent;
  const { automaton, charEntries } = plan;
  const { classOf, rows } = automaton;
  const spaceClass = classOf[0x20]!;
  const n = text.length;
  /** The automaton's state, as its row in the transition table. */
  let row = 0;
  /** Folded units so far. */
  let length = 0;
  let settleAt = NEVER;
  let i = 0;
  // Each unit of the text is read once: `next` becomes the following round's `code`.
  let code = n > 0 ? text.charCodeAt(0) : 0;
  while (i < n) {
    const at = i;
    const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
    let entry = charEntries[code]!;
    if (entry === 0) entry = learnCharEntry(plan, code);
    let unit: number;
    let cls: number;
    if (entry > 0 && !marksFollow(text, i + 1, next)) {
      // The common case: one unit, its class in the same entry.
      unit = (entry - 1) & 0xffff;
      cls = (entry - 1) >>> 16;
      i += 1;
      code = next;
    } else if (entry === FOLD_SPACE) {
      i += 1;
      code = next;
      // A run of spaces is one space: is the last unit one already?
      if (length > 0 && recentUnits[(length - 1) & mask] === 0x20) continue;
      unit = 0x20;
      cls = spaceClass;
    } else if (entry === FOLD_INVISIBLE) {
      i += 1;
      code = next;
      continue;
    } else {
      // A cluster (a character and its combining marks), on the general path.
      i = clusterEnd(text, at);
      code = i < n ? text.charCodeAt(i) : 0;
      const folded = foldClusterAt(text, at, i);
      if (folded.length !== 1) {
        const scan: ScanState = { row, length, settleAt };
        for (let k = 0; k < folded.length; k++) stepUnit(plan, scan, folded.charCodeAt(k), at, recent, matches, waiting);
        ({ row, length, settleAt } = scan);
        continue;
      }
      // Decomposed Vietnamese ("a" + U+0301) folds to one unit: the common steps below.
      unit = folded.charCodeAt(0);
      cls = classOf[unit]!;
    }
    recentUnits[length & mask] = unit;
    recentStarts[length & mask] = at;
    length += 1;
    if (length >= settleAt) settleAt = waiting.settle(recent, length, false, matches);
    if (cls === 0) {
      // A unit in no form: every match in progress is broken.
      row = 0;
      continue;
    }
    row = rows !== null ? rows[row + cls]! : nextRow(automaton, row, cls);
    if (row < 0) {
      row = ~row;
      collectOutputs(plan, row, length, recent, matches, waiting);
      if (settleAt === NEVER) settleAt = waiting.settleAt();
    }
  }
  waiting.settle(recent, length, true, matches);
  return matches;
}
