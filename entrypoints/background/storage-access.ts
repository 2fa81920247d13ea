/**
 * Keeps the extension's storage (the watchlist and its switches) out of reach
 * of content scripts. They run inside web pages, which are untrusted, and
 * none of ours needs storage: the highlighter asks the background, which
 * reads the switches itself. Chromium lets an extension close `storage.local`
 * to such contexts; Firefox supports this for `storage.session` only, so
 * there it is refused, and storage stays as Firefox has it.
 */
export async function restrictStorageToExtension(): Promise<void> {
  try {
    await browser.storage.local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
  } catch {
    // Not supported for this storage area here (Firefox): nothing more to do.
  }
}
