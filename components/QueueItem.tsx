/**
 * One flagged article in the queue. Page-derived text is rendered as React
 * text nodes only, never as HTML.
 */
import type { CSSProperties, Ref } from 'react';
import type { FlagRecord, FlagStatus } from '@/lib/flag-record';
import { formatVietnamDateTime } from './format-time';
import { FIRST_ROW_TIMING_NAME } from './queue-timing';
import { t, uiLocale } from './i18n';
import { CategorySelect } from './CategorySelect';
import { CopyList } from './CopyList';
import { EvidenceDetails } from './EvidenceDetails';
import { LazyDetails } from './LazyDetails';
import { ReviewFields } from './ReviewFields';
import { severityLabel } from './SeveritySelect';
import { StatusSelect } from './StatusSelect';

const FIRST_ROW_TIMING = { elementtiming: FIRST_ROW_TIMING_NAME };

export function QueueItem(props: {
  record: FlagRecord;
  evidenceCount: number;
  selected: boolean;
  highlighted: boolean;
  /** `range`: shift was held, select everything from the last clicked story to this one. */
  onSelect(selected: boolean, range: boolean): void;
  onSplit(copyId: string): void;
  onStatusChange(status: FlagStatus): void;
  onCategoryChange(category: string): void;
  onDelete(): void;
  /** Position in the virtual list, and the ref it measures the row's height with. */
  index?: number;
  measureRef?: Ref<HTMLLIElement>;
  style?: CSSProperties;
}) {
  const { record } = props;
  const title = record.title || t('untitled');
  return (
    <li
      className={props.highlighted ? 'queue-item highlighted' : 'queue-item'}
      data-flag-id={record.id}
      id={`flag-${record.id}`}
      tabIndex={0}
      aria-label={title}
      ref={props.measureRef}
      style={props.style}
      data-index={props.index}
      // The browser records when the first row's text reached the screen (Element Timing; npm run bench reads it).
      {...(props.index === 0 ? FIRST_ROW_TIMING : {})}
    >
      <input
        type="checkbox"
        className="select"
        aria-label={t('selectFlag', title)}
        checked={props.selected}
        onChange={(event) => props.onSelect(event.target.checked, event.nativeEvent instanceof MouseEvent && event.nativeEvent.shiftKey)}
      />
      <a className="title" href={record.url} target="_blank" rel="noopener noreferrer">
        {title}
      </a>
      <div className="meta">
        <span className="outlet">{record.siteName}</span>
        <time dateTime={new Date(record.capturedAt).toISOString()}>
          {formatVietnamDateTime(record.capturedAt, uiLocale())}
        </time>
        {record.timesFlagged > 1 && <span className="times">{t('timesFlagged', String(record.timesFlagged))}</span>}
        {record.severity > 0 && <span className={`severity severity-${record.severity}`}>{severityLabel(record.severity)}</span>}
        {record.tags.map((tag) => (
          <span key={tag} className="tag">
            #{tag}
          </span>
        ))}
      </div>
      {(record.author || record.publishedAt) && (
        <div className="meta article-meta">
          {record.author && <span className="author">{t('byline', record.author)}</span>}
          {record.publishedAt && (
            <span className="published">
              {t('publishedOn', formatVietnamDateTime(Date.parse(record.publishedAt), uiLocale()))}
              {record.publishedAtZoneAssumed && ` ${t('zoneAssumed')}`}
            </span>
          )}
        </div>
      )}
      {record.quote && <blockquote className="quote">{record.quote}</blockquote>}
      {record.copyCount > 1 && (
        <LazyDetails className="copies" summary={t('copiesHeading', String(record.copyCount))}>
          <CopyList flagId={record.id} onSplit={props.onSplit} />
        </LazyDetails>
      )}
      <EvidenceDetails flagId={record.id} title={title} count={props.evidenceCount} />
      <LazyDetails className="review-details" summary={t('reviewHeading')} initiallyOpen={record.note !== ''}>
        <ReviewFields record={record} title={title} />
      </LazyDetails>
      <div className="actions">
        <StatusSelect value={record.status} onChange={props.onStatusChange} label={`${t('statusLabel')}: ${title}`} />
        <CategorySelect value={record.category} onChange={props.onCategoryChange} label={`${t('categoryLabel')}: ${title}`} />
        <button type="button" className="delete" aria-label={t('deleteFlagNamed', title)} onClick={props.onDelete}>
          {t('deleteFlag')}
        </button>
      </div>
    </li>
  );
}
