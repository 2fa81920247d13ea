import { isSeverity, SEVERITIES, type Severity } from '@/lib/flag-record';
import { t } from './i18n';

export function severityLabel(severity: Severity): string {
  return t(`severity_${severity}`);
}

/** Severity picker: 0 (not judged yet) and 1–3. */
export function SeveritySelect(props: { value: Severity; onChange(severity: Severity): void; label: string }) {
  return (
    <select
      aria-label={props.label}
      value={props.value}
      onChange={(event) => {
        const value = Number(event.target.value);
        if (isSeverity(value)) props.onChange(value);
      }}
    >
      {SEVERITIES.map((severity) => (
        <option key={severity} value={severity}>
          {severityLabel(severity)}
        </option>
      ))}
    </select>
  );
}
