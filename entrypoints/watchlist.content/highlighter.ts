/**
 * Paints watchlist hits with the CSS Custom Highlight API: ranges are
 * registered with the document, so the page's DOM, layout, scripts, forms and
 * editors are never touched, and clearing removes every trace at once.
 */
import type { TermHit } from '@/lib/watchlist/match-terms';
import { collectTextNodes, hitsPerSegment, joinSegments } from '@/lib/page/text-segments';

const PREFIX = 'canh-tin-watch';
const FOCUS = `${PREFIX}-focus`;

export interface HighlightGroup {
  id: string;
  color: string;
}

export class PageHighlighter {
  private readonly rangesByTerm = new Map<string, Range[]>();
  private readonly highlights = new Map<string, Highlight>();
  private readonly groupOfTerm = new Map<string, string>();
  private readonly jumpIndex = new Map<string, number>();
  private sheet: CSSStyleSheet | undefined;

  constructor(
    private readonly doc: Document,
    groups: readonly HighlightGroup[],
    termGroups: ReadonlyMap<string, string>,
    private readonly match: (text: string) => TermHit[],
  ) {
    for (const [term, group] of termGroups) this.groupOfTerm.set(term, group);
    const rules = groups.map((group, index) => {
      this.highlights.set(group.id, new Highlight());
      return `::highlight(${PREFIX}-${index}) { background-color: ${group.color}; color: #000; }`;
    });
    rules.push(`::highlight(${FOCUS}) { background-color: #ff6d00; color: #fff; }`);
    groups.forEach((group, index) => CSS.highlights.set(`${PREFIX}-${index}`, this.highlights.get(group.id)!));
    this.sheet = new CSSStyleSheet();
    this.sheet.replaceSync(rules.join('\n'));
    this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, this.sheet];
  }

  /** Finds and paints the terms in `root`'s text. */
  scan(root: Node): void {
    const nodes = collectTextNodes(root);
    if (nodes.length === 0) return;
    const joined = joinSegments(nodes.map((node) => node.data));
    for (const { segment, start, end, hit } of hitsPerSegment(joined, this.match(joined.text))) {
      const range = this.doc.createRange();
      range.setStart(nodes[segment]!, start);
      range.setEnd(nodes[segment]!, end);
      const group = this.groupOfTerm.get(hit.term);
      if (group) this.highlights.get(group)?.add(range);
      const list = this.rangesByTerm.get(hit.term) ?? [];
      list.push(range);
      this.rangesByTerm.set(hit.term, list);
    }
  }

  /** Drops the ranges in a text node whose content changed, before it is scanned again. */
  forgetNode(node: Node): void {
    for (const [term, ranges] of this.rangesByTerm) {
      const kept = ranges.filter((range) => {
        if (range.startContainer !== node) return true;
        for (const highlight of this.highlights.values()) highlight.delete(range);
        return false;
      });
      this.rangesByTerm.set(term, kept);
    }
  }

  /** Live hits per term (ranges in removed content no longer count). */
  counts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const [term, ranges] of this.rangesByTerm) {
      const live = ranges.filter((range) => range.startContainer.isConnected && !range.collapsed).length;
      if (live > 0) counts.set(term, live);
    }
    return counts;
  }

  /** Scrolls to the next occurrence of `term` and marks it; false when there is none. */
  jumpTo(term: string): boolean {
    const ranges = (this.rangesByTerm.get(term) ?? []).filter((range) => range.startContainer.isConnected && !range.collapsed);
    if (ranges.length === 0) return false;
    const index = (this.jumpIndex.get(term) ?? -1) + 1;
    const range = ranges[index % ranges.length]!;
    this.jumpIndex.set(term, index % ranges.length);
    range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    CSS.highlights.set(FOCUS, new Highlight(range));
    return true;
  }

  /** Removes every highlight and the style sheet: the page is as it was. */
  clear(): void {
    for (const name of [...CSS.highlights.keys()]) {
      if (typeof name === 'string' && name.startsWith(PREFIX)) CSS.highlights.delete(name);
    }
    if (this.sheet) this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((sheet) => sheet !== this.sheet);
    this.sheet = undefined;
    this.rangesByTerm.clear();
    this.highlights.clear();
  }
}
