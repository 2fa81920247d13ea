/**
 * Finds watchlist terms in text: every term and variant is folded and compiled
 * into one Aho–Corasick automaton (automaton.ts), which scan-text.ts runs over
 * the page while folding it, in one pass whatever the number of terms; hits are
 * mapped back to offsets in the original text.
 */
import { buildAutomaton, DEFAULT_DENSE_LIMIT } from './automaton';
import { clusterEnd, foldForm } from './fold-text';
import { planScan, scanText, type FoldedMatch, type ScanPlan } from './scan-text';
import { formsOf, type WatchTerm } from './watchlist';

export interface TermHit {
  term: string;
  /** [start, end) in the ORIGINAL text, UTF-16 units. */
  start: number;
  end: number;
}

interface CompiledForm {
  /** The form folded like page text (foldForm). */
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
  /** @internal The automaton of the forms, ready to scan with. */
  readonly plan: ScanPlan;
  /** @internal The same automaton with no form waiting for a word boundary: mayContainTerms's. */
  readonly loosePlan: ScanPlan;
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
  const automaton = buildAutomaton(
    forms.map((form) => form.folded),
    options.denseLimit ?? DEFAULT_DENSE_LIMIT,
  );
  return {
    terms: termNames,
    forms,
    plan: planScan(automaton, forms),
    loosePlan: planScan(
      automaton,
      forms.map((form) => ({ folded: form.folded, wholeWord: false })),
    ),
  };
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

function toHits(compiled: CompiledWatchlist, text: string, matches: FoldedMatch[]): TermHit[] {
  return selectNonOverlapping(compiled, matches).map((match) => ({
    term: compiled.terms[compiled.forms[match.form]!.termIds[0]!]!,
    start: match.originalStart,
    end: clusterEnd(text, match.lastCharStart),
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
  return toHits(compiled, text, scanText(compiled.plan, text));
}

/**
 * Characters that join the character before them when text is normalised:
 * combining marks (Latin ones excepted: folding drops those whatever they
 * follow) and Hangul vowel and final jamo. Where one begins a text node, the
 * page's whole text attaches it to the previous node's last character (か and
 * a dakuten from the next node become が), which the node on its own never
 * sees; so with one of these anywhere, the whole text cannot rule a term out.
 */
const JOINS_PREVIOUS = /(?![\u0300-\u036f])\p{M}|[\u1160-\u11ff\ud7b0-\ud7ff]/u;

/**
 * Whether any form may occur in `text`: a cheap first look at a page's whole
 * text (its body's textContent, which one DOM call gives), before walking its
 * text nodes one by one. It never says no where findTermHits, run on any of
 * those nodes' texts joined by newlines, would find a hit (a property test
 * holds it to that): every node's text is a piece of the whole, a hit that
 * stands as a whole word is there as a substring, and where pieces could
 * change each other at a seam (JOINS_PREVIOUS) it says yes. A yes only means
 * "look closer": "Hoàng Sang" contains "hoang sa". Vietnamese, English and
 * Chinese pages get a real answer; pages written with non-Latin combining
 * marks (Khmer, Thai, Arabic with vowel marks) are always looked at closely.
 */
export function mayContainTerms(compiled: CompiledWatchlist, text: string): boolean {
  if (compiled.forms.length === 0 || text.length === 0) return false;
  if (JOINS_PREVIOUS.test(text)) return true;
  return scanText(compiled.loosePlan, text).length > 0;
}

/** The distinct terms present in `text`, in watchlist order. */
export function termsFound(compiled: CompiledWatchlist, text: string): string[] {
  if (compiled.forms.length === 0 || text.length === 0) return [];
  return toTerms(compiled, scanText(compiled.plan, text));
}

/** Both answers from one pass (the popup's list and the highlights). */
export function matchWatchlist(compiled: CompiledWatchlist, text: string): { hits: TermHit[]; terms: string[] } {
  if (compiled.forms.length === 0 || text.length === 0) return { hits: [], terms: [] };
  const matches = scanText(compiled.plan, text);
  const terms = toTerms(compiled, matches);
  return { hits: toHits(compiled, text, matches), terms };
}
