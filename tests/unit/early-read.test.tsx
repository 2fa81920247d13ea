// The first-stage reads (components/early-read.ts) and how the UI takes them
// over: a read already back is in the very first render, one still on its way
// is reported pending and then shown; a failed one leaves the UI to read again.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { startEarlyRead, type EarlyRead } from '@/components/early-read';
import { useEarlyRead } from '@/components/use-early-read';
import { useSameValue } from '@/components/use-same-value';

// React's act() warns unless the environment says it is a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

/** Renders a component that reports every render's view of `read`. */
async function renderViews(read: EarlyRead<string[]> | undefined) {
  const views: { value?: string[]; pending: boolean }[] = [];
  function Probe() {
    views.push(useEarlyRead(read));
    return null;
  }
  const root = createRoot(document.createElement('div'));
  await act(async () => root.render(<Probe />));
  return { views, root };
}

describe('startEarlyRead', () => {
  it('records the value once the read is back', async () => {
    const read = startEarlyRead(Promise.resolve(['a']));
    expect(read.settled).toBeUndefined();
    await read.promise;
    await Promise.resolve();
    expect(read.settled).toEqual({ value: ['a'] });
  });

  it('records a failed read as settled without a value, and raises no unhandled rejection', async () => {
    const source = deferred<string[]>();
    const read = startEarlyRead(source.promise);
    source.reject(new Error('blocked'));
    await expect(read.promise).rejects.toThrow('blocked');
    expect(read.settled).toEqual({});
  });
});

describe('useEarlyRead', () => {
  it('shows a read that is already back in the very first render', async () => {
    const read = startEarlyRead(Promise.resolve(['first page']));
    await read.promise;
    await Promise.resolve();
    const { views, root } = await renderViews(read);
    expect(views[0]).toEqual({ value: ['first page'], pending: false });
    act(() => root.unmount());
  });

  it('says pending while the read is on its way, then shows what it brought', async () => {
    const source = deferred<string[]>();
    const read = startEarlyRead(source.promise);
    const { views, root } = await renderViews(read);
    expect(views[0]).toEqual({ pending: true });
    await act(async () => source.resolve(['late page']));
    expect(views.at(-1)).toEqual({ value: ['late page'], pending: false });
    act(() => root.unmount());
  });

  it('after a failed read: not pending and no value, so the live query reads for itself', async () => {
    const source = deferred<string[]>();
    const read = startEarlyRead(source.promise);
    const { views, root } = await renderViews(read);
    await act(async () => source.reject(new Error('blocked')));
    expect(views.at(-1)).toEqual({ pending: false });
    act(() => root.unmount());
  });

  it('without an early read: nothing to wait for', async () => {
    const { views, root } = await renderViews(undefined);
    expect(views).toEqual([{ pending: false }]);
    act(() => root.unmount());
  });
});

describe('useSameValue', () => {
  it('keeps the earlier object while a new one has the same content, and takes a changed one', async () => {
    const seen: object[] = [];
    function Probe(props: { settings: { names: string[] } }) {
      seen.push(useSameValue(props.settings));
      return null;
    }
    const root = createRoot(document.createElement('div'));
    const first = { names: ['Biển, đảo'] };
    await act(async () => root.render(<Probe settings={first} />));
    await act(async () => root.render(<Probe settings={{ names: ['Biển, đảo'] }} />));
    const changed = { names: ['Biên giới'] };
    await act(async () => root.render(<Probe settings={changed} />));
    expect(seen[1]).toBe(first);
    expect(seen[2]).toBe(changed);
    act(() => root.unmount());
  });
});
