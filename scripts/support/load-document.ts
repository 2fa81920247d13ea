/**
 * A page's HTML as a Document in Node (happy-dom), for the eval scripts: no script runs and
 * nothing is fetched, as when a page is read from a fixture folder.
 */
import { Window } from 'happy-dom';

export function loadDocument(html: string, url: string): { document: Document; close: () => Promise<void> } {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
    },
  });
  window.document.write(html);
  return { document: window.document as unknown as Document, close: () => window.happyDOM.close() };
}
