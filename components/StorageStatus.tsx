/**
 * How much room the queue and its evidence use, and whether the browser has
 * granted persistent storage (asked for here, so data is not evicted).
 */
import { useEffect, useState } from 'react';
import { t, uiLocale } from './i18n';

function formatBytes(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)} ${units[unit]}`;
}

export function StorageStatus() {
  const [state, setState] = useState<{ used: number; quota: number; persisted: boolean } | null>(null);

  useEffect(() => {
    void (async () => {
      const persisted = (await navigator.storage.persisted()) || (await navigator.storage.persist());
      const { usage = 0, quota = 0 } = await navigator.storage.estimate();
      setState({ used: usage, quota, persisted });
    })().catch(() => setState(null));
  }, []);

  if (!state) return null;
  const locale = uiLocale();
  return (
    <div className="storage-status">
      <p>{t('storageUsage', formatBytes(state.used, locale), formatBytes(state.quota, locale))}</p>
      <p>{state.persisted ? t('storagePersisted') : t('storageNotPersisted')}</p>
    </div>
  );
}
