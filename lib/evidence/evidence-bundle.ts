/**
 * The evidence bundle: one ZIP a rebuttal team can archive and verify.
 *   flags.csv                 the queue export (same columns as the CSV export)
 *   text/<flag id>_<n>.txt    each readable-text snapshot, UTF-8
 *   screenshots/<flag id>_<n>.jpg
 *   pages/<flag id>_<n>.mhtml  the whole page, when MHTML capture is on
 *   manifest.json             every file with its SHA-256, size and capture details
 *   SHA256SUMS                the same digests in `sha256sum -c` format
 *   HUONG-DAN-KIEM-TRA.txt / README.txt   how to verify, in Vietnamese and English
 * Digests of snapshots and screenshots are the ones computed at capture time,
 * so a file altered since then no longer verifies.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { FlagRecord } from '../flag-record';
import { flagsToCsv } from '../csv/flag-columns';
import { toVietnamIso } from '../time/format-vietnam-time';
import type { EvidenceRecord } from './evidence-record';
import { sha256Hex } from './sha256';

export interface BundleManifestEntry {
  path: string;
  sha256: string;
  bytes: number;
  flagId?: string;
  capturedAt?: string;
  tabUrl?: string;
}

const HOW_TO_VERIFY = `Canh Tin evidence bundle

Every file in this archive is listed in SHA256SUMS and manifest.json with its
SHA-256 digest. The digests of text snapshots and screenshots were computed
when they were captured. To check that nothing was altered, unpack the archive
and run, in the unpacked folder:

    sha256sum -c SHA256SUMS          (Linux)
    shasum -a 256 -c SHA256SUMS      (macOS)
    Get-FileHash -Algorithm SHA256 <file>   (Windows PowerShell, one file at a time)

Every line must end in "OK".
`;

const CACH_KIEM_TRA = `Gói bằng chứng Canh Tin

Mọi tệp trong gói được liệt kê trong SHA256SUMS và manifest.json kèm mã băm
SHA-256. Mã băm của bản chụp văn bản và ảnh chụp màn hình được tính ngay lúc
chụp. Để kiểm tra tệp không bị sửa đổi, giải nén và chạy trong thư mục đó:

    sha256sum -c SHA256SUMS          (Linux)
    shasum -a 256 -c SHA256SUMS      (macOS)
    Get-FileHash -Algorithm SHA256 <tệp>   (Windows PowerShell, từng tệp)

Mọi dòng phải kết thúc bằng "OK".
`;

/**
 * A story's id as part of a file name in the bundle. Ids made here are UUIDs, but a restored backup or an
 * imported file may carry any text: `../` or `C:\\` in an entry name would let an unzip tool write outside
 * its folder. Anything but letters, digits and "-" becomes "_"; the manifest keeps the real id.
 */
function fileStem(flagId: string): string {
  return flagId.replace(/[^A-Za-z0-9-]/g, '_').slice(0, 80);
}

export async function buildEvidenceBundle(flags: readonly FlagRecord[], evidence: readonly EvidenceRecord[]): Promise<Uint8Array> {
  const files: Zippable = {};
  const manifest: BundleManifestEntry[] = [];

  async function add(path: string, bytes: Uint8Array, knownSha256?: string, details: Partial<BundleManifestEntry> = {}) {
    files[path] = bytes;
    manifest.push({ path, sha256: knownSha256 ?? (await sha256Hex(bytes)), bytes: bytes.byteLength, ...details });
  }

  await add('flags.csv', strToU8(flagsToCsv(flags)));
  const counter = new Map<string, number>();
  const ordered = [...evidence].sort((a, b) => a.capturedAt - b.capturedAt || a.id.localeCompare(b.id));
  for (const item of ordered) {
    // Numbered per stem, so that two ids made alike by fileStem still get files of their own.
    const stem = fileStem(item.flagId);
    const n = (counter.get(stem) ?? 0) + 1;
    counter.set(stem, n);
    const details = { flagId: item.flagId, capturedAt: toVietnamIso(item.capturedAt), tabUrl: item.tabUrl };
    await add(`text/${stem}_${n}.txt`, strToU8(item.text), item.textSha256, details);
    if (item.screenshot && item.screenshotSha256) {
      await add(`screenshots/${stem}_${n}.jpg`, item.screenshot, item.screenshotSha256, details);
    }
    if (item.mhtml && item.mhtmlSha256) await add(`pages/${stem}_${n}.mhtml`, item.mhtml, item.mhtmlSha256, details);
  }

  files['manifest.json'] = strToU8(JSON.stringify({ generator: 'Canh Tin', files: manifest }, null, 2));
  files['SHA256SUMS'] = strToU8(manifest.map((entry) => `${entry.sha256}  ${entry.path}`).join('\n') + '\n');
  files['README.txt'] = strToU8(HOW_TO_VERIFY);
  files['HUONG-DAN-KIEM-TRA.txt'] = strToU8(CACH_KIEM_TRA);
  return zipSync(files, { level: 6 });
}
