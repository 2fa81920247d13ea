// Injected into the tab by the background (scripting.executeScript) when a page is
// flagged; its return value is what the page says about itself, with its readable
// text as evidence. It never touches storage.
import { capturePage } from '@/lib/page/page-metadata';

export default defineUnlistedScript(() => capturePage(document, location.href, window.getSelection()?.toString() ?? ''));
