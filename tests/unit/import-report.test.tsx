// The popup's import report (components/ImportCsvButton.tsx) as the monitor reads it: rejected lines,
// and a listed copy that already belongs to another story, from a file Excel saved again.
import { act } from 'react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { ImportCsvButton } from '@/components/ImportCsvButton';
import { appDatabase } from '@/lib/db/app-database';
import { saveFlag } from '@/lib/db/flag-repository';
import { sampleFlag } from './support/sample-flag';
import { mount, setUpPopup, unmountAll, until } from './support/queue-harness';

beforeEach(setUpPopup);
afterEach(async () => {
  await unmountAll();
  vi.restoreAllMocks();
  await Promise.all([appDatabase().flags.clear(), appDatabase().copies.clear(), appDatabase().dedupIndex.clear()]);
});

async function importBytes(container: HTMLElement, bytes: Uint8Array<ArrayBuffer>, name: string) {
  const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
  Object.defineProperty(input, 'files', { configurable: true, value: [new File([bytes], name, { type: 'text/csv' })] });
  await act(async () => input.dispatchEvent(new Event('change', { bubbles: true })));
  await until(() => !!container.querySelector('.import-report p'), 'the report');
  return {
    summary: container.querySelector('.import-report p')!.textContent,
    lines: [...container.querySelectorAll('.import-report li')].map((item) => item.textContent),
  };
}

it('reports by line, in Vietnamese, the rows left out and a listed copy that is already another story\'s', async () => {
  await saveFlag(appDatabase(), sampleFlag({ id: 'dddddddd-2222-4333-8444-555555555555', url: 'https://one.example/cot-moc', canonicalUrl: 'https://one.example/cot-moc', title: 'Cột mốc Giang Thành' }));
  const { container } = await mount(<ImportCsvButton />);
  // Saved again by Excel on a Vietnamese Windows: ";" between cells, UTF-8 with its BOM.
  const csv = '\uFEFFurl;title;copy_urls\r\nhttps://three.example/video-123;Giá xăng tăng;"https://one.example/cot-moc\nhttps://two.example/moi"\r\n;Không có địa chỉ;\r\n';
  const report = await importBytes(container, new TextEncoder().encode(csv), 'tuan-48.csv');
  expect(report.summary).toBe('1 bài thêm mới, 0 bài gộp với bài đã có, 1 dòng bị loại.');
  expect(report.lines).toEqual([
    'dòng 4: thiếu địa chỉ (url)',
    "dòng 2: 'https://one.example/cot-moc' đã là bản sao của một bài khác trong danh sách — chưa gộp; nếu là cùng một bài, hãy gộp bằng tay",
  ]);
});
