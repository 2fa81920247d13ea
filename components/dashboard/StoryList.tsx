/**
 * The period's stories grouped by category, most severe and most copied
 * first (lib/dashboard/story-groups.ts), from the day digest (which holds
 * what a row shows). Long groups show their first rows with a button for the
 * rest, so a year of flags does not render 36,000 rows.
 * Everything a page supplied (title, outlet, note, address) is rendered as
 * text; a link is made only of an http(s) address.
 */
import { useState } from 'react';
import { t } from '@/components/i18n';
import type { DashboardFlag } from '@/lib/dashboard/day-digest';
import { STORIES_SHOWN, type StoryGroup } from '@/lib/dashboard/story-groups';
import type { CategoryDef } from '@/lib/settings/app-settings';
import { categoryName, formatNumber, formatVietnamDay, outletName, severityName, statusName } from './labels';

const isWebAddress = (url: string) => /^https?:\/\//i.test(url);

function StoryRow(props: { story: DashboardFlag }) {
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

function GroupTable(props: { group: StoryGroup; categories: readonly CategoryDef[] }) {
  const [showAll, setShowAll] = useState(false);
  const { group } = props;
  const rows = showAll ? group.stories : group.stories.slice(0, STORIES_SHOWN);
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

export function StoryList(props: { groups: StoryGroup[]; dismissed: number; categories: readonly CategoryDef[] }) {
  return (
    <section className="stories" aria-labelledby="stories-heading">
      <h2 id="stories-heading">{t('dashboard_storiesHeading')}</h2>
      <p className="hint">
        {t('dashboard_storiesOrder')}
        {props.dismissed > 0 && ` ${t('dashboard_dismissedNotListed', formatNumber(props.dismissed))}`}
      </p>
      {props.groups.map((group) => (
        <GroupTable key={group.category} group={group} categories={props.categories} />
      ))}
    </section>
  );
}
