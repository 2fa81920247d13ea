/**
 * The extension's real action popup, opened the way a monitor opens it (the
 * toolbar button; here `chrome.action.openPopup()` from the service worker),
 * for benchmarks. Playwright does not attach to action popups, so the popup
 * is reached through the Chrome DevTools Protocol: found among the browser's
 * targets, attached, and evaluated in with `Runtime.evaluate`.
 */
import type { CDPSession, Page, Worker } from 'playwright-core';

export interface ActionPopup {
  /** Evaluates a JavaScript expression in the popup; promises are awaited, the value is returned as JSON. */
  evaluate<T>(expression: string): Promise<T>;
  close(): Promise<void>;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
  attached: boolean;
}

interface ProtocolReply {
  id?: number;
  result?: { result?: { value?: unknown }; exceptionDetails?: { text?: string } };
  error?: { message: string };
}

// Playwright types CDP methods it knows of; the Target domain's older messaging is not among them.
type MessageListener = (event: { sessionId: string; message: string }) => void;
type LooseSession = { send(method: string, params?: object): Promise<unknown>; on(event: string, listener: MessageListener): void; off(event: string, listener: MessageListener): void };

/**
 * Opens one popup and resolves once its document exists. `tab` must be an
 * ordinary page in the active tab of a window (a popup needs a window);
 * its DevTools session carries the messages to the popup.
 */
export async function openActionPopup(worker: Worker, tab: Page, cdp: CDPSession, timeoutMs = 10_000): Promise<ActionPopup> {
  const session = cdp as unknown as LooseSession;
  await tab.bringToFront();
  await worker.evaluate(() => (globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } }).chrome.action.openPopup());
  const deadline = Date.now() + timeoutMs;
  let target: TargetInfo | undefined;
  while (!target) {
    const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
    target = targetInfos.find((info) => info.type === 'page' && info.url.endsWith('/popup.html') && !info.attached);
    if (target) break;
    if (Date.now() > deadline) throw new Error('the action popup did not open');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const { sessionId } = (await session.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
  const waiting = new Map<number, (reply: ProtocolReply) => void>();
  let nextId = 1;
  const onMessage: MessageListener = (event) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as ProtocolReply;
    if (reply.id !== undefined) waiting.get(reply.id)?.(reply);
  };
  session.on('Target.receivedMessageFromTarget', onMessage);
  const targetId = target.targetId;
  return {
    async evaluate<T>(expression: string): Promise<T> {
      const id = nextId++;
      const answered = new Promise<ProtocolReply>((resolve) => waiting.set(id, resolve));
      const message = { id, method: 'Runtime.evaluate', params: { expression, awaitPromise: true, returnByValue: true } };
      await session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify(message) });
      const reply = await answered;
      waiting.delete(id);
      if (reply.error) throw new Error(reply.error.message);
      if (reply.result?.exceptionDetails) throw new Error(`in the popup: ${reply.result.exceptionDetails.text ?? 'exception'}`);
      return reply.result?.result?.value as T;
    },
    async close() {
      session.off('Target.receivedMessageFromTarget', onMessage);
      await session.send('Target.closeTarget', { targetId });
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
