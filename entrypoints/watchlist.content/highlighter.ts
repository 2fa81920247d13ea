/**
 * Paints watchlist hits with the CSS Custom Highlight API: ranges are
 * registered with the document, so the page's DOM, layout, scripts, forms and
 * editors are never touched, and clearing removes every trace at once. Where
 * the API is missing (Firefox before 140) hits are still found and counted for
 * the badge and the popup, just not painted.
 */
import type { TermHit } from '@/lib/watchlist/match-terms';
import { collectTextNodes, hitsPerSegment, joinSegments } from '@/lib/page/text-segments';

const PREFIX = 'canh-tin-watch';
const FOCUS = `${PREFIX}-focus`;

export interface HighlightGroup {
  id: string;
  color: string;
}

function canPaint(): boolean {
  return typeof Highlight === 'function' && typeof CSS !== 'undefined' && 'highlights' in CSS;
}

export class PageHighlighter {
  private readonly rangesByTerm = new Map<string, Range[]>();
  /** Ranges per text node, so a changed node is forgotten without walking every range. */
  private readonly rangesByNode = new WeakMap<Node, { term: string; range: Range }[]>();
  private readonly highlights = new Map<string, Highlight>();
  private readonly jumpIndex = new Map<string, number>();
  private readonly paint = canPaint();
  private style: { sheet: CSSStyleSheet } | { element: HTMLStyleElement } | undefined;
  private cleared = false;
  /** Milliseconds this highlighter has kept the page's main thread busy (matching runs elsewhere). */
  mainThreadMs = 0;

  constructor(
    private readonly doc: Document,
    groups: readonly HighlightGroup[],
    private readonly groupOfTerm: ReadonlyMap<string, string>,
    /** Finds the terms in a text, off this page's main thread (the background does it). */
    private readonly match: (text: string) => Promise<TermHit[]>,
  ) {
    const started = performance.now();
    if (!this.paint) return;
    const rules = groups.map((group, index) => {
      const highlight = new Highlight();
      this.highlights.set(group.id, highlight);
      CSS.highlights.set(`${PREFIX}-${index}`, highlight);
      return `::highlight(${PREFIX}-${index}) { background-color: ${group.color}; color: #000; }`;
    });
    rules.push(`::highlight(${FOCUS}) { background-color: #ff6d00; color: #fff; }`);
    this.style = this.addStyles(rules.join('\n'));
    this.mainThreadMs += performance.now() - started;
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
   */
  async scan(root: Node): Promise<void> {
    let started = performance.now();
    const nodes = collectTextNodes(root).filter((node) => {
      const entries = this.rangesByNode.get(node);
      if (!entries) return true;
      if (entries.every(({ range }) => range.startContainer === node)) return false;
      this.forgetNode(node);
      return true;
    });
    if (nodes.length === 0) return;
    const texts = nodes.map((node) => node.data);
    const joined = joinSegments(texts);
    this.mainThreadMs += performance.now() - started;
    const hits = await this.match(joined.text);
    if (this.cleared) return;
    started = performance.now();
    for (const { segment, start, end, hit } of hitsPerSegment(joined, hits)) {
      const node = nodes[segment]!;
      // Text the page changed while matching ran is rescanned through its own mutation.
      if (node.data !== texts[segment] || end > node.length) continue;
      const range = this.doc.createRange();
      range.setStart(node, start);
      range.setEnd(node, end);
      const group = this.groupOfTerm.get(hit.term);
      if (group) this.highlights.get(group)?.add(range);
      const list = this.rangesByTerm.get(hit.term) ?? [];
      list.push(range);
      this.rangesByTerm.set(hit.term, list);
      // Only nodes with hits are remembered: rescanning one without hits cannot paint twice.
      const entries = this.rangesByNode.get(node) ?? [];
      entries.push({ term: hit.term, range });
      this.rangesByNode.set(node, entries);
    }
    this.mainThreadMs += performance.now() - started;
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
    if (this.paint) CSS.highlights.set(FOCUS, new Highlight(range));
    return true;
  }

  /** Removes every highlight and the styles: the page is as it was. */
  clear(): void {
    this.cleared = true;
    if (this.paint) {
      for (const name of [...CSS.highlights.keys()]) {
        if (typeof name === 'string' && name.startsWith(PREFIX)) CSS.highlights.delete(name);
      }
    }
    if (this.style && 'sheet' in this.style) {
      const { sheet } = this.style;
      this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== sheet);
    } else this.style?.element.remove();
    this.style = undefined;
    this.rangesByTerm.clear();
    this.highlights.clear();
  }
}
