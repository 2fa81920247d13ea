/**
 * Paints watchlist hits with the CSS Custom Highlight API: ranges are
 * registered with the document, so the page's DOM, layout, scripts, forms and
 * editors are never touched, and clearing removes every trace at once. Where
 * the API is missing (Firefox before 140) hits are still found and counted for
 * the badge and the popup, just not painted.
 */
import type { HitGroup, MatchResponse } from '@/lib/watchlist/content-script-contract';
import type { TermHit } from '@/lib/watchlist/match-terms';
import { collectTextSegments, hitsPerSegment, joinSegments, type JoinedSegments } from '@/lib/page/text-segments';
import type { MainThreadClock } from './main-thread-clock';

const PREFIX = 'canh-tin-watch';
const FOCUS = `${PREFIX}-focus`;

/** What the popup shows of a term's group. */
export interface TermGroup {
  color: string;
  /** Category id, '' for none. */
  category: string;
}

function canPaint(): boolean {
  return typeof Highlight === 'function' && typeof CSS !== 'undefined' && 'highlights' in CSS;
}

export class PageHighlighter {
  private readonly rangesByTerm = new Map<string, Range[]>();
  /** Ranges per text node, so a changed node is forgotten without walking every range. */
  private readonly rangesByNode = new WeakMap<Node, { term: string; range: Range }[]>();
  /** How many nodes rangesByNode has had: while none, a scan need not look nodes up in it. */
  private nodesWithRanges = 0;
  private readonly highlights = new Map<string, Highlight>();
  /** The range "jump to" last showed. */
  private focus: Highlight | undefined;
  private readonly jumpIndex = new Map<string, number>();
  /** Whether the API is there; looked up on the first hit (reaching CSS and Highlight from the script's world costs, and most pages have no hit). */
  private paint: boolean | undefined;
  /** Each hit term's group, as the background's answers say; the first answer with hits also brings every group's colour. */
  private readonly groupOfTerm = new Map<string, HitGroup>();
  /** Set up on the first hit: a page without hits never gets styles or highlight registrations. */
  private paletteReady = false;
  private style: { sheet: CSSStyleSheet } | { element: HTMLStyleElement } | undefined;
  private cleared = false;

  constructor(
    private readonly doc: Document,
    /** Finds the terms in a text, off this page's main thread (the background does it), with the hit terms' groups. */
    private readonly match: (text: string) => Promise<MatchResponse>,
    /** Every synchronous slice of work here is timed on it. */
    private readonly clock: MainThreadClock,
  ) {}

  /** The group of a term found on the page (undefined before it is found). */
  groupOf(term: string): TermGroup | undefined {
    return this.groupOfTerm.get(term);
  }

  /** Learns the hit terms' groups; on the first hit, registers one highlight per group and their styles. */
  private learnGroups(groups: readonly HitGroup[]): void {
    for (const group of groups) {
      for (const term of group.terms) if (!this.groupOfTerm.has(term)) this.groupOfTerm.set(term, group);
    }
    if (this.paletteReady || groups.length === 0) return;
    this.paletteReady = true;
    this.paint = canPaint();
    if (!this.paint) return;
    const rules = groups.map((group, index) => {
      const highlight = new Highlight();
      this.highlights.set(group.id, highlight);
      CSS.highlights.set(`${PREFIX}-${index}`, highlight);
      return `::highlight(${PREFIX}-${index}) { background-color: ${group.color}; color: #000; }`;
    });
    rules.push(`::highlight(${FOCUS}) { background-color: #ff6d00; color: #fff; }`);
    this.style = this.addStyles(rules.join('\n'));
  }

  /** A constructed sheet leaves the DOM alone; Firefox content scripts may refuse it, then a <style>. */
  private addStyles(css: string): { sheet: CSSStyleSheet } | { element: HTMLStyleElement } {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, sheet];
      return { sheet };
    } catch {
      const element = this.doc.createElement('style');
      element.textContent = css;
      (this.doc.head ?? this.doc.documentElement).append(element);
      return { element };
    }
  }

  /**
   * Finds and paints the terms in `root`'s text. Text nodes already scanned are
   * skipped, unless the page moved them: removal collapses their ranges out of them.
   * Every slice of it on this thread (the walk, posting the text, painting) is
   * timed on the clock; the matching itself runs in the background.
   */
  async scan(root: Node): Promise<void> {
    const pending = this.clock.time(() => {
      const segments = this.collect(root);
      return segments && { ...segments, answer: this.match(segments.joined.text) };
    });
    if (!pending) return;
    const { hits, groups } = await pending.answer;
    // Most pages end here: no hit, so no style, no highlight, no range.
    if (this.cleared || hits.length === 0) return;
    this.clock.time(() => {
      this.learnGroups(groups ?? []);
      this.paintHits(pending.nodes, pending.texts, pending.joined, hits);
    });
  }

  /** The text nodes to scan under `root`, their text, and that text joined for one matcher call. */
  private collect(root: Node): { nodes: Text[]; texts: string[]; joined: JoinedSegments } | undefined {
    let { nodes, texts } = collectTextSegments(root);
    if (this.nodesWithRanges > 0) ({ nodes, texts } = this.unscanned(nodes, texts));
    if (nodes.length === 0) return undefined;
    return { nodes, texts, joined: joinSegments(texts) };
  }

  /** Leaves out the nodes already painted, unless the page moved them (removal collapses their ranges out of them). */
  private unscanned(nodes: Text[], texts: string[]): { nodes: Text[]; texts: string[] } {
    const keep: number[] = [];
    nodes.forEach((node, index) => {
      const entries = this.rangesByNode.get(node);
      if (entries && entries.every(({ range }) => range.startContainer === node)) return;
      if (entries) this.forgetNode(node);
      keep.push(index);
    });
    return { nodes: keep.map((index) => nodes[index]!), texts: keep.map((index) => texts[index]!) };
  }

  private paintHits(nodes: readonly Text[], texts: readonly string[], joined: JoinedSegments, hits: readonly TermHit[]): void {
    for (const { segment, start, end, hit } of hitsPerSegment(joined, hits)) {
      const node = nodes[segment]!;
      // Text the page changed while matching ran is rescanned through its own mutation.
      if (node.data !== texts[segment] || end > node.length) continue;
      const range = this.doc.createRange();
      range.setStart(node, start);
      range.setEnd(node, end);
      const group = this.groupOfTerm.get(hit.term);
      if (group) this.highlights.get(group.id)?.add(range);
      const list = this.rangesByTerm.get(hit.term) ?? [];
      list.push(range);
      this.rangesByTerm.set(hit.term, list);
      // Only nodes with hits are remembered: rescanning one without hits cannot paint twice.
      const entries = this.rangesByNode.get(node);
      if (entries) entries.push({ term: hit.term, range });
      else {
        this.rangesByNode.set(node, [{ term: hit.term, range }]);
        this.nodesWithRanges += 1;
      }
    }
  }

  /** Drops the ranges in a text node whose content changed, before it is scanned again. */
  forgetNode(node: Node): void {
    const entries = this.rangesByNode.get(node);
    if (!entries) return;
    this.rangesByNode.delete(node);
    for (const { term, range } of entries) {
      for (const highlight of this.highlights.values()) highlight.delete(range);
      const list = this.rangesByTerm.get(term);
      if (list) this.rangesByTerm.set(term, list.filter((r) => r !== range));
    }
  }

  /** Live hits per term; ranges in content the page removed are dropped on the way. */
  counts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const [term, ranges] of this.rangesByTerm) {
      const live = ranges.filter((range) => range.startContainer.isConnected && !range.collapsed);
      if (live.length !== ranges.length) {
        for (const dead of ranges.filter((range) => !live.includes(range))) {
          for (const highlight of this.highlights.values()) highlight.delete(dead);
        }
        this.rangesByTerm.set(term, live);
      }
      if (live.length > 0) counts.set(term, live.length);
    }
    return counts;
  }

  /** Scrolls to the next occurrence of `term` and marks it; false when there is none. */
  jumpTo(term: string): boolean {
    const ranges = (this.rangesByTerm.get(term) ?? []).filter((range) => range.startContainer.isConnected && !range.collapsed);
    if (ranges.length === 0) return false;
    const index = ((this.jumpIndex.get(term) ?? -1) + 1) % ranges.length;
    const range = ranges[index]!;
    this.jumpIndex.set(term, index);
    range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    if (this.paint === true) {
      this.focus = new Highlight(range);
      CSS.highlights.set(FOCUS, this.focus);
    }
    return true;
  }

  /** Removes every highlight and the styles: the page is as it was. */
  clear(): void {
    this.cleared = true;
    if (this.paint === true) {
      // Only this copy's own: another copy of the script in the same page (one injected after an
      // update) registers under the same names, and its highlights are not ours to take down.
      const own = new Set<Highlight>([...this.highlights.values(), ...(this.focus ? [this.focus] : [])]);
      CSS.highlights.forEach((highlight, name) => {
        if (own.has(highlight)) CSS.highlights.delete(name);
      });
    }
    this.focus = undefined;
    if (this.style && 'sheet' in this.style) {
      const { sheet } = this.style;
      this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== sheet);
    } else this.style?.element.remove();
    this.style = undefined;
    this.rangesByTerm.clear();
    this.highlights.clear();
  }
}
