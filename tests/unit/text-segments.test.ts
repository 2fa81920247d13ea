import { describe, expect, it } from 'vitest';
import { collectTextNodes, hitsPerSegment, joinSegments } from '@/lib/page/text-segments';
import { htmlDocument } from './support/fixture-document';

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
