import { FLAG_STATUSES, type FlagStatus } from '@/lib/flag-record';
import { t } from './i18n';

export function statusLabel(status: FlagStatus): string {
  return t(`status_${status}`);
}

export function StatusSelect(props: { value: FlagStatus; onChange(status: FlagStatus): void; label: string }) {
  return (
    <select
      aria-label={props.label}
      value={props.value}
      onChange={(event) => props.onChange(event.target.value as FlagStatus)}
    >
      {FLAG_STATUSES.map((status) => (
        <option key={status} value={status}>
          {statusLabel(status)}
        </option>
      ))}
    </select>
  );
}
