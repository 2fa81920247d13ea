/**
 * The one way UI text is looked up: the browser's i18n with the
 * public/_locales catalogues (Vietnamese default, English when the browser is
 * English). Keys are typed from the Vietnamese catalogue, so a missing string
 * fails the typecheck; a unit test keeps every locale's keys identical.
 */
import type viMessages from '../public/_locales/vi/messages.json';

export type MessageKey = keyof typeof viMessages;

export function t(key: MessageKey, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** BCP 47 tag of the UI language, for number and date formatting. */
export function uiLocale(): string {
  return browser.i18n.getUILanguage() || 'vi';
}
