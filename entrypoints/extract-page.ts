// Injected into the tab by the background (scripting.executeScript) when a page is
// flagged; its return value is the page's metadata. It never touches storage.
import { extractPageMetadata } from '@/lib/page/page-metadata';

export default defineUnlistedScript(() =>
  extractPageMetadata(document, location.href, window.getSelection()?.toString() ?? ''),
);
