/**
 * Renders the popup's queue components in happy-dom over fake-indexeddb, with
 * the popup's messages answered by the real background handler (what the
 * service worker does), for tests of what the monitor sees and gets saved.
 */
import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { vi } from 'vitest';
import { handleBackgroundMessage } from '@/entrypoints/background/message-handler';
import { useVietnameseMessages } from './vietnamese-messages';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export const wait = (ms: number) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));

/** Vietnamese UI, the popup's messages handled as the background handles them, and a list with room for its rows. */
export function setUpPopup(): void {
  fakeBrowser.reset();
  useVietnameseMessages();
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('vi');
  const popup = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: unknown) =>
    handleBackgroundMessage(message, popup)) as unknown as typeof fakeBrowser.runtime.sendMessage);
  // happy-dom lays nothing out: give the virtual list's scroller a height, so that it renders rows.
  const scrollerHeight = (element: HTMLElement, otherwise: number) => (element.classList?.contains('queue-scroll') ? 2000 : otherwise);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return scrollerHeight(this, 110);
  });
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return scrollerHeight(this, 0);
  });
  vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(396);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(396);
}

const mounted: Root[] = [];

export async function mount(element: ReactElement): Promise<{ root: Root; container: HTMLElement }> {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  mounted.push(root);
  await act(async () => root.render(element));
  return { root, container };
}

/** Unmounts what mount() rendered (before the mocks it relies on are restored). */
export async function unmountAll(): Promise<void> {
  for (const root of mounted.splice(0)) await act(async () => root.unmount());
  document.body.replaceChildren();
}

export async function until(check: () => boolean, what: string): Promise<void> {
  for (let tries = 0; tries < 100; tries += 1) {
    if (check()) return;
    await wait(20);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Sets a control's value as typing or choosing does, so that React sees the change. */
export function change(element: HTMLSelectElement | HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const prototype = element instanceof HTMLSelectElement ? HTMLSelectElement.prototype : element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')!.set!.call(element, value);
  element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}
