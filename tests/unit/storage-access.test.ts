// The background closes storage.local to content scripts where the browser allows it (Chromium),
// and carries on where it does not (Firefox supports it for storage.session only).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { restrictStorageToExtension } from '@/entrypoints/background/storage-access';

describe('closing storage to content scripts', () => {
  const original = fakeBrowser.storage.local.setAccessLevel;
  afterEach(() => {
    vi.restoreAllMocks();
    Object.assign(fakeBrowser.storage.local, { setAccessLevel: original });
  });

  it('asks for trusted contexts only', async () => {
    const setAccessLevel = vi.fn(async () => undefined);
    Object.assign(fakeBrowser.storage.local, { setAccessLevel });
    await restrictStorageToExtension();
    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
  });

  it('carries on, and says so, when the browser refuses', async () => {
    Object.assign(fakeBrowser.storage.local, { setAccessLevel: vi.fn(async () => Promise.reject(new Error('Only supported for session storage'))) });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(restrictStorageToExtension()).resolves.toBeUndefined();
    // This build is Chromium's, where a refusal means the storage stayed open: worth a line in the log.
    expect(warn).toHaveBeenCalledWith('Canh Tin: could not close storage to content scripts', expect.any(Error));
  });
});
