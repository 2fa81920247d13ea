/**
 * browser.i18n.getMessage over the Vietnamese catalogue, for unit tests of UI
 * text (WXT's fake browser leaves i18n unimplemented). Placeholders are
 * resolved as Chrome does: $NAME$ → the placeholder's content, $1 → the first
 * substitution.
 */
import { vi } from 'vitest';
import catalogue from '../../../public/_locales/vi/messages.json';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };

export function getVietnameseMessage(key: string, substitutions: string | string[] = []): string {
  const entry = (catalogue as Record<string, Entry>)[key];
  if (!entry) return '';
  const values = Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message.replace(/\$([A-Za-z_]+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (_match, index: string) => values[Number(index) - 1] ?? '');
  });
}

/** Makes the fake browser's i18n answer in Vietnamese. */
export function useVietnameseMessages(): void {
  vi.spyOn(browser.i18n, 'getMessage').mockImplementation(getVietnameseMessage as typeof browser.i18n.getMessage);
}
