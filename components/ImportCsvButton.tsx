/**
 * Imports another monitor's file — a CSV export (either heading language) or
 * a JSON backup, told apart by their content — through a standard file input
 * (so tools and tests can drive it; files can also be dropped on it), and
 * shows the report: what was added, merged and rejected, with the place of
 * every rejected row or record.
 */
import { useState, type ChangeEvent } from 'react';
import { readBackup } from '@/lib/backup/backup-format';
import { importBackup } from '@/lib/backup/import-backup';
import { readTextFile, type TextFileEncoding } from '@/lib/csv/decode-text-file';
import { readFlagsCsv, type ImportProblem } from '@/lib/csv/read-flags-csv';
import { appDatabase } from '@/lib/db/app-database';
import { importFlags } from '@/lib/db/import-flags';
import { backupProblemText, errorText } from './backup-messages';
import { t } from './i18n';

function problemText(problem: ImportProblem): string {
  const line = String(problem.line);
  switch (problem.code) {
    case 'missing-url':
      return t('importProblem_missing_url', line);
    case 'unclosed-quote':
      return t('importProblem_unclosed_quote', line);
    case 'no-url-column':
      return t('importProblem_no_url_column', line);
    case 'bad-url':
      return t('importProblem_bad_url', line, problem.value);
    case 'bad-date':
      return t('importProblem_bad_date', line, problem.value);
    case 'bad-status':
      return t('importProblem_bad_status', line, problem.value);
    case 'bad-category':
      return t('importProblem_bad_category', line, problem.value);
    case 'bad-number':
      return t('importProblem_bad_number', line, problem.value);
  }
}

type Report = { summary: string; problems: string[]; isError: boolean };

/** A JSON backup starts with "{" (after a byte-order mark or spaces); a CSV export never does. */
function isBackupFile(file: File, text: string): boolean {
  return /\.json$/i.test(file.name) || /^\uFEFF?\s*\{/.test(text);
}

async function importCsv(text: string, encoding: TextFileEncoding): Promise<Report> {
  const read = readFlagsCsv(text, { now: Date.now(), newId: () => crypto.randomUUID() });
  const outcome = await importFlags(appDatabase(), read.records, read.copyUrls);
  return {
    summary: t('importReport', String(outcome.added), String(outcome.merged), String(read.problems.length)),
    problems: [
      // Said first: if the letters look wrong, this is why. (UTF-16 has a byte-order mark: it is read exactly.)
      ...(encoding === 'windows-1258' ? [t('importNote_encoding', 'Windows-1258')] : []),
      ...read.problems.map(problemText),
      ...outcome.copiesElsewhere.map(({ record, url }) => t('importNote_copyElsewhere', String(read.lines[record] ?? ''), url)),
    ],
    isError: false,
  };
}

/** Another monitor's backup is merged (never restored over this queue): their settings stay theirs. */
async function importBackupFile(text: string): Promise<Report> {
  const read = readBackup(text);
  const outcome = await importBackup(appDatabase(), read.backup);
  return {
    summary: t('backup_importReport', String(outcome.added), String(outcome.merged), String(read.problems.length), String(outcome.evidence)),
    problems: read.problems.map(backupProblemText),
    isError: false,
  };
}

export function ImportCsvButton() {
  const [report, setReport] = useState<Report | null>(null);

  const [dropping, setDropping] = useState(false);

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) await importOne(file);
  }

  async function importOne(file: File) {
    try {
      // Not file.text(): a file saved again by Excel may be UTF-16 or Windows-1258 (decode-text-file.ts).
      const { text, encoding } = await readTextFile(file);
      setReport(await (isBackupFile(file, text) ? importBackupFile(text) : importCsv(text, encoding)));
    } catch (error) {
      setReport({ summary: t('importFailed', errorText(error)), problems: [], isError: true });
    }
  }

  return (
    <>
      <label
        className={dropping ? 'button-like dropping' : 'button-like'}
        // The file input itself is invisible, so its label takes dropped files too.
        onDragOver={(event) => {
          event.preventDefault();
          setDropping(true);
        }}
        onDragLeave={() => setDropping(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDropping(false);
          const file = event.dataTransfer.files[0];
          if (file) void importOne(file);
        }}
      >
        {t('importCsv')}
        <input type="file" accept=".csv,text/csv,.json,application/json" onChange={importFile} />
      </label>
      {report && (
        <div role="status" className={report.isError ? 'import-report message error' : 'import-report message'}>
          <p>{report.summary}</p>
          {report.problems.length > 0 && (
            <ul>
              {report.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </>
  );
}
