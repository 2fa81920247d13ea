/**
 * Times extractArticle on a synthesised huge page (a forum thread with
 * thousands of replies, ~1.5 MB of reply text) and on an ordinary article,
 * beside @mozilla/readability alone (clone + parse, as it must run to leave
 * the page untouched). Needs no fixture folder.
 *
 *   npx tsx scripts/bench-extract.ts [--runs N] [--text-bytes N]
 */
import { Readability } from '@mozilla/readability';
import { Window } from 'happy-dom';
import { extractArticle } from '../lib/page/extract-article';

const TARGET_MS = 200;

function argValue(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Deterministic pseudo-random numbers (mulberry32), so every run builds the same page. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SENTENCES = [
  'Tin này chưa có nguồn chính thức nào xác nhận cả, đừng vội tin.',
  'Mình làm ở Hà Tiên mấy năm, chưa nghe ai nói chuyện này bao giờ.',
  'Báo chính thống không đưa thì chắc là có gì đó, nhưng cũng có thể là tin vịt.',
  'Cần kiểm chứng lại, đừng chia sẻ lung tung kẻo bị phạt.',
  'Ai có văn bản gốc thì đăng lên cho mọi người xem với.',
  'Đất nước mình, biển đảo mình, ai cũng phải quan tâm chứ.',
  'Mọi người nhớ là ảnh chụp màn hình không phải bằng chứng nhé.',
  'Bài viết không có tên người nói, không có số văn bản, sao tin được.',
];

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A XenForo-like thread: headline, a first post quoting an article, then replies up to `textBytes`. */
export function synthesiseForumThread(textBytes: number): string {
  const next = random(20241216);
  const article = Array.from({ length: 8 }, (_, i) => `<p>${SENTENCES[i % SENTENCES.length]} ${SENTENCES[(i + 3) % SENTENCES.length]}</p>`).join('\n');
  const replies: string[] = [];
  let bytes = 0;
  let n = 2;
  const encoder = new TextEncoder();
  while (bytes < textBytes) {
    const count = 1 + Math.floor(next() * 4);
    const text = Array.from({ length: count }, () => SENTENCES[Math.floor(next() * SENTENCES.length)]!).join(' ');
    bytes += encoder.encode(text).length;
    const user = `thanhvien${Math.floor(next() * 100000)}`;
    replies.push(
      `<article class="message post" id="post-${n}" data-author="${user}"><div class="message-user"><a class="username">${user}</a></div>` +
        `<div class="message-main"><div class="message-attribution"><time datetime="2024-12-16T09:${String(n % 60).padStart(2, '0')}:00+07:00">16/12/2024</time> <a href="#post-${n}">#${n}</a></div>` +
        `<div class="message-body"><div class="bbWrapper"><p>${escapeHtml(text)}</p></div></div></div></article>`,
    );
    n += 1;
  }
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>Cột mốc biên giới bị xê dịch trong đêm?? Ai ở gần xác nhận giúp | Diễn Đàn Ví Dụ</title>
<link rel="canonical" href="https://forum.example/threads/cot-moc.1/">
<meta property="og:site_name" content="Diễn Đàn Ví Dụ">
</head><body>
<div class="p-header"><a class="logo" href="https://forum.example/">Diễn Đàn Ví Dụ</a></div>
<div class="p-title"><h1 class="p-title-value">Cột mốc biên giới bị xê dịch trong đêm?? Ai ở gần xác nhận giúp</h1></div>
<div class="p-description">Thảo luận bắt đầu bởi <a class="username">tuhai_kg</a>, <time datetime="2024-12-16T09:02:00+07:00">16/12/2024 lúc 09:02</time></div>
<div class="block-container">
<article class="message post" id="post-1" data-author="tuhai_kg"><div class="message-body"><div class="bbWrapper">
<p>Thấy bài này chia sẻ nhiều quá, dán lại đây cho anh em bàn.</p><blockquote>${article}</blockquote></div></div></article>
${replies.join('\n')}
</div>
<footer>© Diễn Đàn Ví Dụ</footer>
</body></html>`;
}

/** An ordinary article page of a few hundred elements. */
function synthesiseArticle(): string {
  const body = Array.from({ length: 12 }, (_, i) => `<p class="Normal">${SENTENCES.join(' ')} (${i})</p>`).join('\n');
  const related = Array.from({ length: 30 }, (_, i) => `<li><a href="https://bao.example/tin/${i}.html">Tin liên quan số ${i}</a></li>`).join('');
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Tàu cá gặp nạn, 7 ngư dân được cứu - Báo Ví Dụ</title>
<meta property="og:title" content="Tàu cá gặp nạn, 7 ngư dân được cứu"><meta property="og:site_name" content="Báo Ví Dụ">
<meta property="article:published_time" content="2024-11-05T07:45:00+07:00"></head><body>
<header><a class="logo" href="https://bao.example/">Báo Ví Dụ</a></header><nav><ul>${related}</ul></nav>
<article><h1>Tàu cá gặp nạn, 7 ngư dân được cứu</h1><div class="author-time"><span class="author">Phan Thị Thu Hà</span>
<time datetime="2024-11-05T07:45:00+07:00">Thứ Ba, 5/11/2024, 07:45 (GMT+7)</time></div>${body}</article>
<section class="related"><ul>${related}</ul></section><footer>© Báo Ví Dụ</footer></body></html>`;
}

function load(html: string): { document: Document; close: () => Promise<void> } {
  const window = new Window({
    url: 'https://bench.example/page',
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  window.document.write(html);
  return { document: window.document as unknown as Document, close: () => window.happyDOM.close() };
}

function stats(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return { median: at(0.5), p95: at(0.95) };
}

function time(runs: number, fn: () => void): number[] {
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    fn();
    samples.push(performance.now() - started);
  }
  return samples;
}

async function main(): Promise<void> {
  const runs = argValue('--runs', 15);
  const textBytes = argValue('--text-bytes', 1_500_000);
  const rows: Array<[string, string, number, { median: number; p95: number }]> = [];

  for (const [name, html, readabilityRuns] of [
    ['forum thread (huge)', synthesiseForumThread(textBytes), 3],
    ['news article (ordinary)', synthesiseArticle(), runs],
  ] as const) {
    const parseStart = performance.now();
    const page = load(html);
    const parseMs = performance.now() - parseStart;
    process.stderr.write(`${name}: ${(html.length / 1e6).toFixed(2)} MB of HTML, parsed by happy-dom in ${parseMs.toFixed(0)} ms (not timed below)\n`);
    // One warm-up run each, so JIT compilation is not billed to the first sample.
    extractArticle(page.document, 'https://bench.example/page');
    const ours = time(runs, () => extractArticle(page.document, 'https://bench.example/page'));
    const readability = time(readabilityRuns, () => new Readability(page.document.cloneNode(true) as Document).parse());
    rows.push([name, 'extractArticle', runs, stats(ours)]);
    rows.push([name, 'Readability (clone + parse)', readabilityRuns, stats(readability)]);
    await page.close();
  }

  const header = `${'page'.padEnd(24)} ${'extractor'.padEnd(28)} ${'runs'.padStart(4)} ${'median ms'.padStart(10)} ${'p95 ms'.padStart(10)}`;
  const lines = [header, '-'.repeat(header.length)];
  for (const [page, extractor, n, s] of rows) {
    lines.push(`${page.padEnd(24)} ${extractor.padEnd(28)} ${String(n).padStart(4)} ${s.median.toFixed(1).padStart(10)} ${s.p95.toFixed(1).padStart(10)}`);
  }
  const huge = rows[0]?.[3];
  if (huge) lines.push(`\ntarget: extractArticle on the huge page under ${TARGET_MS} ms (median): ${huge.median < TARGET_MS ? 'met' : 'NOT met'}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
