/**
 * The popup's parts that the queue's first rows do not wait for: the
 * toolbar's export and import, the watchlist hits, the monitor-name notice,
 * the trash and the storage footer. PopupApp loads them together once those
 * rows are on screen, so their code (CSV and backup import with zod,
 * Readability via the page metadata) and their own reads stay out of the
 * popup's first paint.
 */
export { ExportEvidenceButton } from '@/components/ExportEvidenceButton';
export { ExportPresets } from '@/components/ExportPresets';
export { ImportCsvButton } from '@/components/ImportCsvButton';
export { MonitorNameNotice } from '@/components/MonitorNameNotice';
export { StorageStatus } from '@/components/StorageStatus';
export { TrashView } from '@/components/TrashView';
export { WatchHitsPanel } from '@/components/WatchHitsPanel';
