import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { collectTextNodes, collectTextSegments, hitsPerSegment, joinSegments } from '@/lib/page/text-segments';
import { htmlDocument } from './support/fixture-document';

/** The rules of collectTextNodes as a plain recursive walk, to hold its iterative, single-pass walk to them. */
function referenceTextNodes(root: Node): Text[] {
  const skippedTags = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON', 'IFRAME', 'OBJECT', 'CANVAS', 'SVG', 'MATH', 'HEAD', 'TITLE']);
  const skipped = (element: Element) => {
    const editable = element.getAttribute('contenteditable');
    return skippedTags.has(element.tagName.toUpperCase()) || element.hasAttribute('hidden') || (editable !== null && editable.toLowerCase() !== 'false');
  };
  const nodes: Text[] = [];
  const visit = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3 && /\S/.test((child as Text).data)) nodes.push(child as Text);
      else if (child.nodeType === 1 && !skipped(child as Element)) visit(child);
    }
  };
  visit(root);
  return nodes;
}

/** Random markup: nested reading elements, skipped ones, editors, hidden subtrees, blank and non-blank text. */
const markup: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('Trường Sa', ' ', '\n  ', 'x', 'Hoàng Sa '),
    fc
      .tuple(
        fc.constantFrom('p', 'div', 'b', 'span', 'script', 'style', 'textarea', 'button', 'svg', 'noscript', 'section'),
        fc.constantFrom('', ' hidden', ' contenteditable', ' contenteditable="false"', ' contenteditable="plaintext-only"'),
        fc.array(tie('node'), { maxLength: 4 }),
      )
      .map(([tag, attribute, children]) => `<${tag}${attribute}>${children.join('')}</${tag}>`),
  ),
})).node;

describe('collectTextNodes', () => {
  it('takes reading text and leaves scripts, styles, form fields and editors alone', () => {
    const doc = htmlDocument(`
      <h1>Trường Sa</h1>
      <p>Đoạn <b>một</b></p>
      <script>var s = "Hoàng Sa";</script>
      <style>.x{}</style>
      <textarea>Hoàng Sa in a form</textarea>
      <input value="Hoàng Sa">
      <div contenteditable="true"><p>editor Hoàng Sa</p></div>
      <div contenteditable="false">not an editor</div>
      <div hidden>hidden Hoàng Sa</div>
      <noscript>noscript</noscript>`);
    expect(collectTextNodes(doc.body).map((n) => n.data)).toEqual(['Trường Sa', 'Đoạn ', 'một', 'not an editor']);
  });

  it('takes a text node given as the root (text the page added or changed)', () => {
    const doc = htmlDocument('<p id="p">Trường Sa</p><script id="s">Hoàng Sa</script>');
    expect(collectTextNodes(doc.getElementById('p')!.firstChild!).map((n) => n.data)).toEqual(['Trường Sa']);
    expect(collectTextNodes(doc.getElementById('s')!.firstChild!)).toEqual([]);
  });

  it('finds the same text nodes as a plain recursive walk, whatever the markup, and reads their text once', () => {
    fc.assert(
      fc.property(fc.array(markup, { maxLength: 6 }), (parts) => {
        const doc = htmlDocument(`<main id="root">${parts.join('')}</main>`);
        const root = doc.getElementById('root')!;
        expect(collectTextNodes(root)).toEqual(referenceTextNodes(root));
        const segments = collectTextSegments(root);
        expect(segments.texts).toEqual(segments.nodes.map((node) => node.data));
        for (const element of root.querySelectorAll('p, div, section')) {
          if (!element.closest('[contenteditable]:not([contenteditable="false"]), textarea, script, style, [hidden], svg, noscript, button')) {
            expect(collectTextNodes(element)).toEqual(referenceTextNodes(element));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('yields nothing for a root inside an editor', () => {
    const doc = htmlDocument('<div contenteditable><p id="p">typing Hoàng Sa</p></div>');
    expect(collectTextNodes(doc.getElementById('p')!)).toEqual([]);
  });
});

describe('joinSegments and hitsPerSegment', () => {
  it('maps hits in the joined text back to each segment', () => {
    const joined = joinSegments(['Trường Sa là', 'của', 'Việt Nam, Hoàng Sa']);
    expect(joined.text).toBe('Trường Sa là\ncủa\nViệt Nam, Hoàng Sa');
    const hits = [
      { start: 0, end: 9 },
      { start: joined.text.indexOf('Hoàng'), end: joined.text.length },
    ];
    expect(hitsPerSegment(joined, hits).map(({ segment, start, end }) => [segment, start, end])).toEqual([
      [0, 0, 9],
      [2, 10, 18],
    ]);
  });
});
