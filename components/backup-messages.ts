/** What a refused backup file is called in the monitor's language (options restore and popup import share it). */
import { BackupError, type BackupProblem } from '@/lib/backup/backup-format';
import { t } from './i18n';

export function backupProblemText(problem: BackupProblem): string {
  switch (problem.code) {
    case 'not-our-format':
      return t('backup_problem_not_our_format');
    case 'newer-version':
      return t('backup_problem_newer_version');
    case 'bad-record':
      // Counted from 1 for people; the table is named as the key in the file, where it can be found.
      return t('backup_problem_bad_record', String(problem.index + 1), problem.table, problem.field);
    case 'bad-field':
      return t('backup_problem_bad_field', problem.field);
  }
}

/** A thrown error as a sentence: a backup problem in words, anything else as it is. */
export function errorText(error: unknown): string {
  return error instanceof BackupError ? backupProblemText(error.problem) : String(error);
}
