/**
 * Keeps the extension's storage (the watchlist and its switches) out of reach
 * of content scripts. They run inside web pages, which are untrusted, and
 * none of ours needs storage: the highlighter asks the background, which
 * reads the switches itself. Chromium lets an extension close `storage.local`
 * to such contexts; Firefox supports this for `storage.session` only, so
 * there it is refused, and storage stays as Firefox has it.
 */
export async function restrictStorageToExtension(): Promise<void> {
  // The browser keeps the level (it outlives the worker and updates): dropping this call later
  // would not undo it; that takes setAccessLevel with TRUSTED_AND_UNTRUSTED_CONTEXTS.
  try {
    await browser.storage.local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
  } catch (error) {
    // Expected in Firefox; in Chromium it means an old version, where the storage stays open to them.
    if (!import.meta.env.FIREFOX) console.warn('Canh Tin: could not close storage to content scripts', error);
  }
}
