/**
 * The extension's real action popup, opened the way a monitor opens it (the
 * toolbar button; here `chrome.action.openPopup()` from the service worker),
 * for tests and benchmarks. Playwright does not attach to action popups, so
 * the popup is reached through the Chrome DevTools Protocol: found among the
 * browser's targets, attached, and evaluated in with `Runtime.evaluate`
 * (messages to and from an attached target travel through the Target domain).
 */
import type { CDPSession, Page, Worker } from 'playwright-core';

export interface ActionPopup {
  /** Evaluates a JavaScript expression in the popup; promises are awaited, the value is returned as JSON. */
  evaluate<T>(expression: string): Promise<T>;
  /** Closes the popup; one that is already gone (it closes when it loses focus) is fine. */
  close(): Promise<void>;
}

// The parts of the protocol's types used here (playwright-core types the calls, but does not export the names).
interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}
/** A reply to one of our `Runtime.evaluate` calls, as the popup's target sends it back. */
interface EvaluateReply {
  id?: number;
  result?: { result: { value?: unknown }; exceptionDetails?: { text: string; exception?: { description?: string } } };
  error?: { message: string };
}

const EVALUATE_TIMEOUT_MS = 30_000;

/**
 * Opens one popup and resolves once its document exists. `tab` must be an
 * ordinary page in the active tab of a window (a popup needs a window);
 * `cdp` is a DevTools session of that tab, which carries the messages.
 * `page`: the popup's page, when the bench has set another one with `chrome.action.setPopup`.
 */
export async function openActionPopup(
  worker: Worker,
  tab: Page,
  cdp: CDPSession,
  { page = 'popup.html', timeoutMs = 10_000 }: { page?: string; timeoutMs?: number } = {},
): Promise<ActionPopup> {
  await tab.bringToFront();
  // This extension's popup page exactly (beside its service worker; URL.origin is "null" for chrome-extension:).
  const popupUrl = new URL(`/${page}`, worker.url()).href;
  const isPopup = (info: TargetInfo) => info.type === 'page' && info.url === popupUrl;
  // Only a popup that was not there before counts: the previous one may still be listed while it closes.
  const before = new Set((await cdp.send('Target.getTargets')).targetInfos.filter(isPopup).map((info) => info.targetId));
  const deadline = Date.now() + timeoutMs;
  // Right after a tab closes the browser may refuse ("Failed to open popup") until the window is active again.
  for (;;) {
    try {
      await worker.evaluate(() => (globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } }).chrome.action.openPopup());
      break;
    } catch (error) {
      if (!String(error).includes('Failed to open popup') || Date.now() > deadline) throw error;
      await tab.bringToFront();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  let target: TargetInfo | undefined;
  while (!target) {
    target = (await cdp.send('Target.getTargets')).targetInfos.find((info) => isPopup(info) && !before.has(info.targetId));
    if (target) break;
    if (Date.now() > deadline) throw new Error('the action popup did not open');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const { targetId } = target;
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });

  const waiting = new Map<number, { resolve(reply: EvaluateReply): void; reject(error: Error): void }>();
  let nextId = 1;
  let gone: Error | undefined;
  const onMessage = (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as EvaluateReply;
    if (reply.id !== undefined) waiting.get(reply.id)?.resolve(reply);
  };
  // A popup closes when it loses focus: every call still waiting fails instead of hanging.
  const onDetached = (event: { sessionId: string }) => {
    if (event.sessionId !== sessionId) return;
    gone = new Error('the action popup closed');
    for (const call of waiting.values()) call.reject(gone);
    waiting.clear();
    stopListening();
  };
  const stopListening = () => {
    cdp.off('Target.receivedMessageFromTarget', onMessage);
    cdp.off('Target.detachedFromTarget', onDetached);
  };
  cdp.on('Target.receivedMessageFromTarget', onMessage);
  cdp.on('Target.detachedFromTarget', onDetached);

  return {
    async evaluate<T>(expression: string): Promise<T> {
      if (gone) throw gone;
      const id = nextId++;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const answered = new Promise<EvaluateReply>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        timer = setTimeout(() => reject(new Error(`no answer from the popup in ${EVALUATE_TIMEOUT_MS} ms`)), EVALUATE_TIMEOUT_MS);
      });
      try {
        const message = { id, method: 'Runtime.evaluate', params: { expression, awaitPromise: true, returnByValue: true } };
        await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify(message) });
        const reply = await answered;
        if (reply.error) throw new Error(reply.error.message);
        const exception = reply.result?.exceptionDetails;
        if (exception) throw new Error(`in the popup: ${exception.exception?.description ?? exception.text}`);
        return reply.result?.result.value as T;
      } finally {
        clearTimeout(timer);
        waiting.delete(id);
      }
    },
    async close() {
      stopListening();
      if (gone) return;
      await cdp.send('Target.closeTarget', { targetId }).catch(() => undefined);
    },
  };
}

/** Polls `expression` in the popup until it is neither null nor undefined. */
export async function waitInPopup<T>(popup: ActionPopup, expression: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await popup.evaluate<T | null | undefined>(expression);
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting in the popup for: ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}
