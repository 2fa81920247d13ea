import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleBackgroundMessage } from '@/entrypoints/background/message-handler';
import { flagRequestFromCommand } from '@/entrypoints/background/shortcut';
import type { FlagRequest } from '@/lib/flagging/flag-page';

describe('keyboard shortcut', () => {
  it('the flag-page command flags the active tab through the one flag path', () => {
    expect(flagRequestFromCommand('flag-page', 9)).toEqual({ tabId: 9, trigger: 'shortcut' });
  });

  it('other commands and windows without a tab do nothing', () => {
    expect(flagRequestFromCommand('_execute_action', 9)).toBeNull();
    expect(flagRequestFromCommand('flag-page', undefined)).toBeNull();
  });
});

describe('background message handler', () => {
  const flagged: FlagRequest[] = [];
  const flag = async (request: FlagRequest) => {
    flagged.push(request);
    return { ok: true as const, id: 'x' };
  };
  const extensionPage = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });

  beforeEach(() => {
    fakeBrowser.reset();
    flagged.length = 0;
  });

  it('flags the tab named by an extension page, labelled as automation', async () => {
    expect(await handleBackgroundMessage({ type: 'flag-tab', tabId: 3 }, extensionPage(), flag)).toEqual({ ok: true, id: 'x' });
    expect(flagged).toEqual([{ tabId: 3, trigger: 'automation' }]);
  });

  it("labels the popup's own button as popup", async () => {
    await handleBackgroundMessage({ type: 'flag-tab', tabId: 3, via: 'popup' }, extensionPage(), flag);
    expect(flagged).toEqual([{ tabId: 3, trigger: 'popup' }]);
  });

  it('refuses a content script or web page, even with a valid message', async () => {
    const contentScript = { id: fakeBrowser.runtime.id, url: 'https://evil.example/page' };
    expect(await handleBackgroundMessage({ type: 'flag-tab', tabId: 3 }, contentScript, flag)).toEqual({
      ok: false,
      error: 'forbidden-sender',
    });
    expect(await handleBackgroundMessage({ type: 'flag-tab', tabId: 3 }, { id: 'other-extension', url: 'chrome-extension://other/' }, flag)).toEqual({
      ok: false,
      error: 'forbidden-sender',
    });
    expect(flagged).toEqual([]);
  });

  it('passes status and category choices on, checked: an unknown status is refused', async () => {
    const received: unknown[] = [];
    const set = async (edits: readonly unknown[]) => {
      received.push(edits);
      return { ok: true as const, before: [] };
    };
    const edits = [{ id: 'a', status: 'confirmed' }, { id: 'b', category: 'border' }];
    expect(await handleBackgroundMessage({ type: 'set-fields', edits }, extensionPage(), flag, undefined, set)).toEqual({ ok: true, before: [] });
    expect(received).toEqual([edits]);
    expect(await handleBackgroundMessage({ type: 'set-fields', edits: [{ id: 'a', status: 'done' }] }, extensionPage(), flag, undefined, set)).toEqual({ ok: false, error: 'invalid-message' });
    expect(await handleBackgroundMessage({ type: 'set-fields', edits: [] }, extensionPage(), flag, undefined, set)).toEqual({ ok: false, error: 'invalid-message' });
    expect(received).toHaveLength(1);
  });

  it('refuses a malformed message', async () => {
    expect(await handleBackgroundMessage({ type: 'flag-tab', tabId: '3' }, extensionPage(), flag)).toEqual({
      ok: false,
      error: 'invalid-message',
    });
    expect(flagged).toEqual([]);
  });
});
