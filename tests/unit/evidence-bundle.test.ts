import { unzipSync, strFromU8 } from 'fflate';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildEvidenceBundle } from '@/lib/evidence/evidence-bundle';
import type { EvidenceRecord } from '@/lib/evidence/evidence-record';
import { dataUrlToBytes, sha256Hex } from '@/lib/evidence/sha256';
import type { FlagRecord } from '@/lib/flag-record';
import { sampleFlag } from './support/sample-flag';

const nodeSha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

const FLAG: FlagRecord = sampleFlag({
  id: 'f1',
  url: 'https://a.example/x?utm_source=fb',
  canonicalUrl: 'https://a.example/x',
  title: 'Tàu lạ ở Trường Sa',
  siteName: 'A',
  description: '',
  lang: 'vi',
  quote: '',
  foundOnUrl: '',
  capturedAt: 1_764_000_000_000,
  lastFlaggedAt: 1_764_000_000_000,
  timesFlagged: 1,
  monitor: 'Lan',
  trigger: 'popup',
  status: 'new',
  category: '',
  watchTerms: [],
});

async function evidence(id: string, text: string, screenshot?: Uint8Array): Promise<EvidenceRecord> {
  return {
    id,
    flagId: 'f1',
    capturedAt: FLAG.capturedAt + Number(id.length),
    tabUrl: FLAG.url,
    userAgent: 'test',
    text,
    textSha256: await sha256Hex(text),
    ...(screenshot ? { screenshot, screenshotSha256: await sha256Hex(screenshot) } : { screenshotProblem: 'not-visible' as const }),
  };
}

describe('sha256Hex', () => {
  it('matches the standard digest (what sha256sum prints), for text and bytes', async () => {
    expect(await sha256Hex('Hoàng Sa')).toBe(nodeSha256('Hoàng Sa'));
    expect(await sha256Hex(new Uint8Array([0, 255, 7]))).toBe(nodeSha256(new Uint8Array([0, 255, 7])));
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('decodes a data URL to its bytes', () => {
    expect(Array.from(dataUrlToBytes('data:image/jpeg;base64,/9j/AA=='))).toEqual([0xff, 0xd8, 0xff, 0x00]);
  });
});

describe('evidence bundle', () => {
  it('holds the CSV, every snapshot and screenshot, and digests that verify', async () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const zip = await buildEvidenceBundle([FLAG], [await evidence('e1', 'Bài viết: “Trường Sa…”', jpeg), await evidence('e22', 'Bản sửa')]);
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual([
      'HUONG-DAN-KIEM-TRA.txt',
      'README.txt',
      'SHA256SUMS',
      'flags.csv',
      'manifest.json',
      'screenshots/f1_1.jpg',
      'text/f1_1.txt',
      'text/f1_2.txt',
    ]);
    expect(strFromU8(files['text/f1_1.txt']!)).toBe('Bài viết: “Trường Sa…”');
    expect(Array.from(files['screenshots/f1_1.jpg']!)).toEqual(Array.from(jpeg));
    expect(strFromU8(files['flags.csv']!)).toContain('Tàu lạ ở Trường Sa');

    // Every line of SHA256SUMS verifies against the file's bytes, as `sha256sum -c` would.
    const sums = strFromU8(files['SHA256SUMS']!).trim().split('\n');
    expect(sums).toHaveLength(4);
    for (const line of sums) {
      const [digest, path] = line.split(/ {2}/);
      expect(nodeSha256(files[path!]!), path).toBe(digest);
    }
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as { files: { path: string; sha256: string; tabUrl?: string }[] };
    expect(manifest.files.find((f) => f.path === 'text/f1_1.txt')?.tabUrl).toBe(FLAG.url);
  });

  it('a snapshot altered after capture no longer verifies', async () => {
    const item = await evidence('e1', 'original text');
    const zip = await buildEvidenceBundle([FLAG], [{ ...item, text: 'altered text' }]);
    const files = unzipSync(zip);
    const line = strFromU8(files['SHA256SUMS']!).split('\n').find((l) => l.endsWith('text/f1_1.txt'))!;
    expect(nodeSha256(files['text/f1_1.txt']!)).not.toBe(line.split('  ')[0]);
  });

  it('names files so that no story id from a restored backup can point outside the bundle, and loses none', async () => {
    const climbing = { ...(await evidence('e1', 'first')), flagId: '../../../../tmp/pwn' };
    const alike = { ...(await evidence('e22', 'second')), flagId: '__/__/__/__/tmp/pwn' };
    const windows = { ...(await evidence('e333', 'third')), flagId: 'C:\\Windows\\x' };
    const files = unzipSync(await buildEvidenceBundle([], [climbing, alike, windows]));
    const texts = Object.keys(files).filter((path) => path.startsWith('text/'));
    expect(texts).toHaveLength(3);
    for (const path of texts) expect(path).toMatch(/^text\/[A-Za-z0-9_-]+\.txt$/);
    expect(texts.map((path) => strFromU8(files[path]!)).sort()).toEqual(['first', 'second', 'third']);
    // The manifest still says which story each file belongs to.
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as { files: { path: string; flagId?: string }[] };
    expect(manifest.files.filter((entry) => entry.flagId).map((entry) => entry.flagId)).toEqual([climbing.flagId, alike.flagId, windows.flagId]);
  });
});
