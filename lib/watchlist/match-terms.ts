/**
 * Finds watchlist terms in text: every term and variant is folded and compiled
 * into one Aho–Corasick automaton that scans the folded text once, whatever the
 * number of terms; hits are mapped back to offsets in the original text.
 */
import { clusterEnd, foldForm, foldToUnits, type FoldedUnits } from './fold-text';
import { formsOf, type WatchTerm } from './watchlist';

export interface TermHit {
  term: string;
  /** [start, end) in the ORIGINAL text, UTF-16 units. */
  start: number;
  end: number;
}

interface Automaton {
  /** Code unit → symbol class (0 = appears in no form, so the scan restarts at the root). */
  classOf: Uint16Array;
  /** Root transitions by class (0 = stay at root). */
  rootNext: Int32Array;
  /** Trie edges of node s: edgeClass/edgeTarget[edgeStart[s] .. edgeStart[s + 1]). */
  edgeStart: Int32Array;
  edgeClass: Uint16Array;
  edgeTarget: Int32Array;
  fail: Int32Array;
  /** The node itself when a form ends there, else the nearest failure-chain node where one does; -1 none. */
  firstOutput: Int32Array;
  /** From an output node, the next output node down its failure chain; -1 none. */
  nextOutput: Int32Array;
  /** Form ending at an output node (-1 elsewhere). */
  formAt: Int32Array;
  /**
   * The complete transition table (node × class → node, failures folded in):
   * one array read per character instead of walking failure links. Left out
   * (null) for a huge watchlist, whose table would cost too much memory.
   */
  delta: Int32Array | null;
  classCount: number;
}

/** Largest transition table built, in entries (4 bytes each): 16 MB. */
const DEFAULT_DENSE_LIMIT = 4_000_000;

interface CompiledForm {
  folded: string;
  /** Latin (and other spaced scripts): must stand as a whole word. CJK/Khmer: substring. */
  wholeWord: boolean;
  /** Indices into `terms` of every term with this folded form, in watchlist order. */
  termIds: number[];
}

export interface CompiledWatchlist {
  /** Distinct terms in watchlist order; a TermHit's `term` is one of these. */
  readonly terms: readonly string[];
  /** @internal */
  readonly forms: readonly CompiledForm[];
  /** @internal */
  readonly automaton: Automaton;
}

/**
 * Scripts written without spaces between words: a form made only of these
 * matches as a substring, since there is no word boundary to wait for.
 */
const UNSPACED_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\p{Script=Khmer}\p{Script=Thai}\p{Script=Lao}\p{Script=Myanmar}\p{Script=Tibetan}\p{Script=Yi}]/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whole-word unless every letter of the form is from an unspaced script (the README's rule, generalised from "[a-z]"). */
export function needsWordBoundary(foldedForm: string): boolean {
  return LETTER_OR_DIGIT.test(foldedForm.replace(UNSPACED_SCRIPT, ''));
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

/** Is the character ending just before `index` (the whole code point, for surrogate pairs) a word character? */
function wordCharBefore(units: Uint16Array, index: number): boolean {
  if (index <= 0) return false;
  const code = units[index - 1]!;
  if (code >= 0xdc00 && code <= 0xdfff && index >= 2) return WORD_CHAR.test(String.fromCharCode(units[index - 2]!, code));
  return isWordUnit(code);
}

function wordCharAt(units: Uint16Array, length: number, index: number): boolean {
  if (index >= length) return false;
  const code = units[index]!;
  if (code >= 0xd800 && code <= 0xdbff && index + 1 < length) return WORD_CHAR.test(String.fromCharCode(code, units[index + 1]!));
  return isWordUnit(code);
}

function buildAutomaton(forms: readonly CompiledForm[], denseLimit: number): Automaton {
  const classOf = new Uint16Array(0x10000);
  let classCount = 1;
  for (const form of forms) {
    for (let k = 0; k < form.folded.length; k++) {
      const code = form.folded.charCodeAt(k);
      if (classOf[code] === 0) classOf[code] = classCount++;
    }
  }
  // Trie with Map children while building; flattened into typed arrays after.
  const children: Map<number, number>[] = [new Map()];
  const formAtList: number[] = [-1];
  forms.forEach((form, formId) => {
    let node = 0;
    for (let k = 0; k < form.folded.length; k++) {
      const cls = classOf[form.folded.charCodeAt(k)]!;
      let next = children[node]!.get(cls);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        formAtList.push(-1);
        children[node]!.set(cls, next);
      }
      node = next;
    }
    formAtList[node] = formId;
  });

  const nodeCount = children.length;
  const edgeStart = new Int32Array(nodeCount + 1);
  let edgeCount = 0;
  for (let s = 0; s < nodeCount; s++) {
    edgeStart[s] = edgeCount;
    edgeCount += children[s]!.size;
  }
  edgeStart[nodeCount] = edgeCount;
  const edgeClass = new Uint16Array(edgeCount);
  const edgeTarget = new Int32Array(edgeCount);
  for (let s = 0; s < nodeCount; s++) {
    let e = edgeStart[s]!;
    for (const [cls, target] of children[s]!) {
      edgeClass[e] = cls;
      edgeTarget[e] = target;
      e++;
    }
  }
  const rootNext = new Int32Array(classCount);
  for (const [cls, target] of children[0]!) rootNext[cls] = target;

  const formAt = Int32Array.from(formAtList);
  const fail = new Int32Array(nodeCount);
  const firstOutput = new Int32Array(nodeCount).fill(-1);
  const nextOutput = new Int32Array(nodeCount).fill(-1);
  // Breadth-first, so every node's failure target is finished before the node.
  const queue: number[] = [];
  for (const target of children[0]!.values()) {
    fail[target] = 0;
    queue.push(target);
  }
  for (let head = 0; head < queue.length; head++) {
    const s = queue[head]!;
    const failOut = firstOutput[fail[s]!]!;
    nextOutput[s] = failOut;
    firstOutput[s] = formAt[s]! >= 0 ? s : failOut;
    for (const [cls, target] of children[s]!) {
      let f = fail[s]!;
      let next = -1;
      for (;;) {
        const candidate = children[f]!.get(cls);
        if (candidate !== undefined) {
          next = candidate;
          break;
        }
        if (f === 0) break;
        f = fail[f]!;
      }
      fail[target] = next < 0 ? 0 : next;
      queue.push(target);
    }
  }
  let delta: Int32Array | null = null;
  if (nodeCount * classCount <= denseLimit) {
    delta = new Int32Array(nodeCount * classCount);
    delta.set(rootNext, 0);
    // Breadth-first again: a node's row starts as its failure node's row, already complete.
    for (const s of queue) {
      const f = fail[s]!;
      delta.copyWithin(s * classCount, f * classCount, f * classCount + classCount);
      for (const [cls, target] of children[s]!) delta[s * classCount + cls] = target;
    }
  }
  return { classOf, rootNext, edgeStart, edgeClass, edgeTarget, fail, firstOutput, nextOutput, formAt, delta, classCount };
}

/**
 * Compiles a watchlist once, to match many texts. Terms with the same `term`
 * count as one; forms that fold to nothing are ignored.
 */
export function compileWatchlist(terms: WatchTerm[], options: { denseLimit?: number } = {}): CompiledWatchlist {
  const termNames: string[] = [];
  const termIndex = new Map<string, number>();
  const formIndex = new Map<string, number>();
  const forms: CompiledForm[] = [];
  for (const watchTerm of terms) {
    const name = watchTerm.term.trim();
    if (!name) continue;
    let termId = termIndex.get(name);
    if (termId === undefined) {
      termId = termNames.length;
      termNames.push(name);
      termIndex.set(name, termId);
    }
    for (const form of formsOf(watchTerm)) {
      const folded = foldForm(form);
      if (!folded) continue;
      let formId = formIndex.get(folded);
      if (formId === undefined) {
        formId = forms.length;
        forms.push({ folded, wholeWord: needsWordBoundary(folded), termIds: [] });
        formIndex.set(folded, formId);
      }
      const ids = forms[formId]!.termIds;
      if (!ids.includes(termId)) ids.push(termId);
    }
  }
  for (const form of forms) form.termIds.sort((a, b) => a - b);
  return { terms: termNames, forms, automaton: buildAutomaton(forms, options.denseLimit ?? DEFAULT_DENSE_LIMIT) };
}

/** One occurrence of a form in folded text: [start, end) in folded units. */
interface FoldedMatch {
  form: number;
  start: number;
  end: number;
}

/** One transition without the table: trie edges, falling back along failure links. */
function sparseStep(automaton: Automaton, from: number, cls: number): number {
  const { rootNext, edgeStart, edgeClass, edgeTarget, fail } = automaton;
  for (let state = from; ; state = fail[state]!) {
    if (state === 0) return rootNext[cls]!;
    for (let e = edgeStart[state]!, stop = edgeStart[state + 1]!; e < stop; e++) {
      if (edgeClass[e] === cls) return edgeTarget[e]!;
    }
  }
}

/** Every occurrence of every form in the folded text (overlapping ones included), word boundaries applied. */
function scanFolded(compiled: CompiledWatchlist, folded: FoldedUnits): FoldedMatch[] {
  const matches: FoldedMatch[] = [];
  if (compiled.forms.length === 0) return matches;
  const { classOf, firstOutput, nextOutput, formAt, delta, classCount } = compiled.automaton;
  const forms = compiled.forms;
  const { units, length } = folded;
  let state = 0;
  for (let k = 0; k < length; k++) {
    const cls = classOf[units[k]!]!;
    if (cls === 0) {
      state = 0;
      continue;
    }
    state = delta ? delta[state * classCount + cls]! : sparseStep(compiled.automaton, state, cls);
    for (let out = firstOutput[state]!; out >= 0; out = nextOutput[out]!) {
      const formId = formAt[out]!;
      const form = forms[formId]!;
      const end = k + 1;
      const start = end - form.folded.length;
      if (form.wholeWord && (wordCharBefore(units, start) || wordCharAt(units, length, end))) continue;
      matches.push({ form: formId, start, end });
    }
  }
  return matches;
}

/** Leftmost, then longest, non-overlapping; ties go to the term earlier in the watchlist. */
function selectNonOverlapping(compiled: CompiledWatchlist, matches: FoldedMatch[]): FoldedMatch[] {
  const sorted = matches.sort(
    (a, b) => a.start - b.start || b.end - a.end || compiled.forms[a.form]!.termIds[0]! - compiled.forms[b.form]!.termIds[0]!,
  );
  const chosen: FoldedMatch[] = [];
  let reached = 0;
  for (const match of sorted) {
    if (match.start < reached) continue;
    chosen.push(match);
    reached = match.end;
  }
  return chosen;
}

function toHits(compiled: CompiledWatchlist, text: string, folded: FoldedUnits, matches: FoldedMatch[]): TermHit[] {
  return selectNonOverlapping(compiled, matches).map((match) => ({
    term: compiled.terms[compiled.forms[match.form]!.termIds[0]!]!,
    start: folded.map[match.start]!,
    end: clusterEnd(text, folded.map[match.end - 1]!),
  }));
}

/**
 * Every term present, in watchlist order. Counts a term even where a longer
 * form of another term overlaps it (the README's rule: a term is hit when any
 * of its forms occurs), unlike the highlights, which cannot overlap.
 */
function toTerms(compiled: CompiledWatchlist, matches: FoldedMatch[]): string[] {
  const seen = new Uint8Array(compiled.terms.length);
  for (const match of matches) for (const termId of compiled.forms[match.form]!.termIds) seen[termId] = 1;
  return compiled.terms.filter((_, termId) => seen[termId] === 1);
}

/** Hits to highlight: sorted by start, non-overlapping, the longest match at a position. Offsets into `text`. */
export function findTermHits(compiled: CompiledWatchlist, text: string): TermHit[] {
  if (compiled.forms.length === 0 || text.length === 0) return [];
  const folded = foldToUnits(text);
  return toHits(compiled, text, folded, scanFolded(compiled, folded));
}

/** The distinct terms present in `text`, in watchlist order. */
export function termsFound(compiled: CompiledWatchlist, text: string): string[] {
  if (compiled.forms.length === 0 || text.length === 0) return [];
  return toTerms(compiled, scanFolded(compiled, foldToUnits(text)));
}

/** Both answers from one fold and one scan (the popup's list and the highlights). */
export function matchWatchlist(compiled: CompiledWatchlist, text: string): { hits: TermHit[]; terms: string[] } {
  if (compiled.forms.length === 0 || text.length === 0) return { hits: [], terms: [] };
  const folded = foldToUnits(text);
  const matches = scanFolded(compiled, folded);
  const terms = toTerms(compiled, matches);
  return { hits: toHits(compiled, text, folded, matches), terms };
}
