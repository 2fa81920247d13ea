/**
 * The period's stories grouped by category, most severe and most copied
 * first (lib/dashboard/story-groups.ts). Long groups show their first rows
 * (whose records came with the dashboard's read) with a button that reads and
 * shows the rest, so a year of flags neither reads nor renders 36,000 records.
 * Everything a page supplied (title, outlet, note, address) is rendered as
 * text; a link is made only of an http(s) address.
 */
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { t } from '@/components/i18n';
import { readStoryRecords } from '@/lib/dashboard/read-dashboard';
import { STORIES_SHOWN, type StoryGroup } from '@/lib/dashboard/story-groups';
import { appDatabase } from '@/lib/db/app-database';
import type { FlagRecord } from '@/lib/flag-record';
import type { CategoryDef } from '@/lib/settings/app-settings';
import { categoryName, formatNumber, formatVietnamDay, outletName, severityName, statusName } from './labels';

const isWebAddress = (url: string) => /^https?:\/\//i.test(url);

function StoryRow(props: { story: FlagRecord }) {
  const { story } = props;
  const title = story.title || story.url;
  return (
    <tr data-flag-id={story.id}>
      <td className="story-title">
        {isWebAddress(story.url) ? (
          <a href={story.url} target="_blank" rel="noopener noreferrer">
            {title}
          </a>
        ) : (
          title
        )}
        <span className="print-url">{story.url}</span>
      </td>
      <td>{outletName(story.siteName)}</td>
      <td>{formatVietnamDay(story.capturedAt)}</td>
      <td className="number">{formatNumber(Math.max(1, story.copyCount))}</td>
      <td className={`severity severity-${story.severity}`}>{severityName(story.severity)}</td>
      <td>{statusName(story.status)}</td>
      <td className="note">{story.note}</td>
    </tr>
  );
}

interface GroupProps {
  group: StoryGroup;
  categories: readonly CategoryDef[];
  /** Records of the stories shown first; the rest are read when asked for. */
  records: ReadonlyMap<string, FlagRecord>;
}

function GroupTable(props: GroupProps) {
  const [showAll, setShowAll] = useState(false);
  const { group, records } = props;
  const restIds = useMemo(() => group.stories.slice(STORIES_SHOWN).map((story) => story.id), [group]);
  const rest = useLiveQuery(() => (showAll && restIds.length > 0 ? readStoryRecords(appDatabase(), restIds) : undefined), [showAll, restIds]);
  const rows = (showAll ? group.stories : group.stories.slice(0, STORIES_SHOWN))
    .map((story) => records.get(story.id) ?? rest?.get(story.id))
    .filter((record): record is FlagRecord => record !== undefined);
  const name = categoryName(group.category, props.categories);
  return (
    <section className="story-group" data-category={group.category}>
      <h3>
        {name} <span className="count">({t('dashboard_groupCount', formatNumber(group.stories.length))})</span>
      </h3>
      <table className="story-table">
        <colgroup>
          {['title', 'outlet', 'date', 'copies', 'severity', 'status', 'note'].map((column) => (
            <col key={column} className={`col-${column}`} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t('dashboard_colTitle')}</th>
            <th scope="col">{t('dashboard_colOutlet')}</th>
            <th scope="col">{t('dashboard_colDate')}</th>
            <th scope="col">{t('dashboard_colCopies')}</th>
            <th scope="col">{t('dashboard_colSeverity')}</th>
            <th scope="col">{t('dashboard_colStatus')}</th>
            <th scope="col">{t('dashboard_colNote')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((story) => (
            <StoryRow key={story.id} story={story} />
          ))}
        </tbody>
      </table>
      {group.stories.length > STORIES_SHOWN && (
        <p className="more">
          {!showAll && <span className="print-only">{t('dashboard_moreNotPrinted', formatNumber(group.stories.length - STORIES_SHOWN))} </span>}
          <button type="button" className="no-print" onClick={() => setShowAll(!showAll)}>
            {showAll ? t('dashboard_showFewer') : t('dashboard_showAll', formatNumber(group.stories.length))}
          </button>
        </p>
      )}
    </section>
  );
}

export function StoryList(props: { groups: StoryGroup[]; records: ReadonlyMap<string, FlagRecord>; dismissed: number; categories: readonly CategoryDef[] }) {
  return (
    <section className="stories" aria-labelledby="stories-heading">
      <h2 id="stories-heading">{t('dashboard_storiesHeading')}</h2>
      <p className="hint">
        {t('dashboard_storiesOrder')}
        {props.dismissed > 0 && ` ${t('dashboard_dismissedNotListed', formatNumber(props.dismissed))}`}
      </p>
      {props.groups.map((group) => (
        <GroupTable key={group.category} group={group} categories={props.categories} records={props.records} />
      ))}
    </section>
  );
}
