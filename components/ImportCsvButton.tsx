/**
 * Imports another monitor's CSV export (a standard file input, so tools and
 * tests can drive it; files can also be dropped on it) and shows the report:
 * what was added, merged and rejected, with the line of every rejected row.
 */
import { useState, type ChangeEvent } from 'react';
import { readFlagsCsv, type ImportProblem } from '@/lib/csv/read-flags-csv';
import { appDatabase } from '@/lib/db/app-database';
import { importFlags } from '@/lib/db/import-flags';
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

export function ImportCsvButton() {
  const [report, setReport] = useState<Report | null>(null);

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      const read = readFlagsCsv(await file.text(), { now: Date.now(), newId: () => crypto.randomUUID() });
      const outcome = await importFlags(appDatabase(), read.records, read.copyUrls);
      setReport({
        summary: t('importReport', String(outcome.added), String(outcome.merged), String(read.problems.length)),
        problems: read.problems.map(problemText),
        isError: false,
      });
    } catch (error) {
      setReport({ summary: t('importFailed', String(error)), problems: [], isError: true });
    }
  }

  return (
    <>
      <label className="button-like">
        {t('importCsv')}
        <input type="file" accept=".csv,text/csv" onChange={importFile} />
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
