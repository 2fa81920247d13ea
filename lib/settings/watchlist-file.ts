/**
 * The watchlist as a file monitors can exchange: JSON (the groups exactly as
 * stored) or plain text, one group header per block and one term per line:
 *
 *   # Chủ quyền biển đảo | #c62828 | sovereignty-sea-islands
 *   Hoàng Sa | Hoang Sa | Paracel | 西沙
 *   Trường Sa | Truong Sa | Spratly
 *
 * Header: `#`, the group name, optionally its colour and category. Term line:
 * the term, then its variants, separated by `|`. Blank lines are ignored.
 */
import { z } from '../schema';
import { watchGroupSchema, type WatchGroupSetting } from './watchlist-settings';

const DEFAULT_COLOURS = ['#ffd54f', '#81d4fa', '#a5d6a7', '#f48fb1', '#ce93d8', '#ffab91'];

export class WatchlistFileError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
  }
}

function slug(name: string, index: number): string {
  const base = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${base || 'group'}-${index + 1}`;
}

export function parseWatchlistText(text: string): WatchGroupSetting[] {
  const groups: WatchGroupSetting[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const cells = line.replace(/^#/, '').split('|').map((cell) => cell.trim());
    if (line.startsWith('#')) {
      const [name = '', colour = '', category = ''] = cells;
      if (colour && !/^#[0-9a-fA-F]{6}$/.test(colour)) throw new WatchlistFileError(`bad colour '${colour}'`, index + 1);
      groups.push({
        id: slug(name, groups.length),
        name,
        color: colour || DEFAULT_COLOURS[groups.length % DEFAULT_COLOURS.length]!,
        category,
        terms: [],
      });
      return;
    }
    if (groups.length === 0) groups.push({ id: 'terms-1', name: '', color: DEFAULT_COLOURS[0]!, category: '', terms: [] });
    const [term = '', ...variants] = cells.filter(Boolean);
    if (term.length > 200) throw new WatchlistFileError('term longer than 200 characters', index + 1);
    groups[groups.length - 1]!.terms.push({ term, ...(variants.length ? { variants } : {}) });
  });
  return groups;
}

export function watchlistToText(groups: readonly WatchGroupSetting[]): string {
  return groups
    .map((group) =>
      [`# ${[group.name, group.color, group.category].join(' | ')}`, ...group.terms.map((t) => [t.term, ...(t.variants ?? [])].join(' | '))].join('\n'),
    )
    .join('\n\n')
    .concat('\n');
}

/** Reads either format: JSON when the file parses as a JSON array of groups, else plain text. */
export function parseWatchlistFile(text: string): WatchGroupSetting[] {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch (error) {
      throw new WatchlistFileError(`not valid JSON (${(error as Error).message})`);
    }
    const groups = Array.isArray(data) ? data : (data as { groups?: unknown }).groups;
    const parsed = z.array(watchGroupSchema).safeParse(groups);
    if (!parsed.success) throw new WatchlistFileError(`not a watchlist: ${parsed.error.issues[0]?.message ?? 'wrong shape'}`);
    return parsed.data;
  }
  return parseWatchlistText(trimmed);
}
