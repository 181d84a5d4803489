import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { closeDb, DB_NAME, getDb, type ConversationRecord } from '@/utils/db';
import { startFirstRead, takeFirstRead } from '@/components/firstRead';
import { useReloadingStore } from '@/components/useInbox';
import { observeRectAfterLayout, scrollAfterMount } from '@/components/QueueList';
import { PopupApp } from '@/entrypoints/popup/PopupApp';
import { markDone } from '@/utils/inbox/actions';

/**
 * The popup's first rows from the head of the queue (components/firstRead.ts), then the whole
 * inbox: what shows in between, what shows after, and that nothing is lost on the way.
 */
const MIN = 60_000;
function conversation(i: number, patch: Partial<ConversationRecord> = {}): ConversationRecord {
  const since = Date.now() - (1000 - i) * MIN;
  return {
    key: `x:c${String(i).padStart(4, '0')}`, platform: 'x', threadId: `c${i}`, name: `c${i}`, unread: true,
    firstSeen: since, lastSeen: Date.now(), waitingSince: since, time: since, ...patch,
  };
}

async function seed(conversations: ConversationRecord[]) {
  const db = await getDb();
  const tx = db.transaction('conversations', 'readwrite');
  for (const c of conversations) void tx.store.put(c);
  await tx.done;
  await closeDb(); // the popup opens its own connection, as in the extension
}

const rowNames = () => screen.queryAllByRole('row').map((r) => r.querySelector('.queue-name')?.textContent);

const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('queue') ? 340 : 0;
    },
  });
});
afterAll(() => {
  if (clientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
});
beforeEach(() => {
  fakeBrowser.reset();
  // The preload script listens for change broadcasts through the extension's global, as in Chrome.
  vi.stubGlobal('chrome', { runtime: fakeBrowser.runtime });
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (message: { type: string; key: string }) => {
    if (message.type === 'queue:done') return markDone(message.key);
    if (message.type === 'changed') await fakeBrowser.runtime.onMessage.trigger(message, {} as never);
    return undefined;
  }) as never);
});
afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  await takeFirstRead();
  await closeDb();
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = request.onerror = request.onblocked = resolve;
  });
});

describe('popup with the preload read', () => {
  it('shows the head first (count not known yet), then exactly the whole queue', async () => {
    await seed(Array.from({ length: 400 }, (_, i) => conversation(i)));
    startFirstRead();
    render(<PopupApp />);
    // The head: the oldest rows, a count that says more follow, a grid whose length is unknown.
    await waitFor(() => expect(screen.getByTestId('queue-count').textContent).toMatch(/^\d+\+$/));
    expect(rowNames()[0]).toBe('c0');
    expect(screen.getByRole('grid')).toHaveAttribute('aria-rowcount', '-1');
    // The whole inbox replaces it.
    await waitFor(() => expect(screen.getByTestId('queue-count')).toHaveTextContent(/^400$/));
    expect(screen.getByRole('grid')).toHaveAttribute('aria-rowcount', '400');
    expect(rowNames().slice(0, 3)).toEqual(['c0', 'c1', 'c2']);
  });

  it('a change made while the head is shown still shows', async () => {
    await seed(Array.from({ length: 400 }, (_, i) => conversation(i)));
    startFirstRead();
    render(<PopupApp />);
    await waitFor(() => expect(screen.getByTestId('queue-count').textContent).toMatch(/\+$/));
    // The background marks the oldest done and broadcasts (markDone does both).
    await act(async () => {
      await markDone('x:c0000');
    });
    await waitFor(() => expect(screen.getByTestId('queue-count')).toHaveTextContent(/^399$/));
    expect(rowNames()[0]).toBe('c1');
  });

  it('with nothing waiting, says so only once the whole inbox is read (handled today needs it)', async () => {
    await seed([conversation(1, { unread: false, lastFromMe: true, waitingSince: null, doneAt: Date.now() })]);
    startFirstRead();
    render(<PopupApp />);
    expect(await screen.findByText('Nothing waiting')).toBeInTheDocument();
    expect(screen.getByTestId('handled-today')).toHaveTextContent('1 conversation handled today');
  });
});

describe('useReloadingStore with an early value', () => {
  function Probe({ load, early }: { load: () => Promise<string>; early: () => Promise<string | null> }) {
    const { value, error } = useReloadingStore('inbox', load, early);
    return (
      <>
        <p data-testid="value">{value ?? 'none'}</p>
        <p data-testid="error">{error ?? ''}</p>
      </>
    );
  }

  it('shows the early value, and starts the full load only after it is on screen', async () => {
    let resolveFull: (v: string) => void = () => undefined;
    const seen: string[] = [];
    const load = vi.fn(() => {
      seen.push(screen.getByTestId('value').textContent ?? '');
      return new Promise<string>((resolve) => (resolveFull = resolve));
    });
    render(<Probe load={load} early={async () => 'head'} />);
    await waitFor(() => expect(screen.getByTestId('value')).toHaveTextContent('head'));
    await waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    expect(seen).toEqual(['head']); // the head was rendered when the full load began
    await act(async () => resolveFull('full'));
    expect(screen.getByTestId('value')).toHaveTextContent('full');
  });

  it('keeps the early value and reports the error when the full load fails', async () => {
    render(<Probe load={async () => Promise.reject(new Error('disk on fire'))} early={async () => 'head'} />);
    await waitFor(() => expect(screen.getByTestId('error')).toHaveTextContent('disk on fire'));
    expect(screen.getByTestId('value')).toHaveTextContent('head');
  });

  it('goes straight to the full load without an early value', async () => {
    const load = vi.fn(async () => 'full');
    render(<Probe load={load} early={async () => null} />);
    await waitFor(() => expect(screen.getByTestId('value')).toHaveTextContent('full'));
    expect(load).toHaveBeenCalledTimes(1);
  });
});

describe('queue list size', () => {
  it('is taken from the ResizeObserver, never read while the list mounts', () => {
    let report: () => void = () => undefined;
    class FakeResizeObserver {
      constructor(callback: () => void) {
        report = callback;
      }
      observe() {}
      disconnect() {}
    }
    const reads = vi.fn(() => 300);
    const element = { get clientHeight() { return reads(); }, get clientWidth() { return 200; } } as unknown as HTMLDivElement;
    const cb = vi.fn();
    const instance = { scrollElement: element, targetWindow: { ResizeObserver: FakeResizeObserver } } as never;
    const stop = observeRectAfterLayout(instance, cb);
    expect(reads).not.toHaveBeenCalled();
    expect(cb).not.toHaveBeenCalled();
    report(); // the browser laid the page out
    expect(cb).toHaveBeenCalledWith({ width: 200, height: 300 });
    expect(typeof stop).toBe('function');
  });

  it('skips only the mount-time write of offset 0 to a new box; every other scroll goes through', () => {
    const box = document.createElement('div');
    const scrollTo = vi.fn();
    box.scrollTo = scrollTo as never;
    const instance = { scrollElement: box, options: { horizontal: false, isRtl: false } } as never;
    scrollAfterMount(0, {}, instance); // the library's write as the list mounts
    expect(scrollTo).not.toHaveBeenCalled();
    scrollAfterMount(0, {}, instance); // later: back to the top
    scrollAfterMount(560, { behavior: 'auto' }, instance);
    expect(scrollTo.mock.calls.map(([o]) => o)).toEqual([{ top: 0, behavior: undefined }, { top: 560, behavior: 'auto' }]);
    const other = document.createElement('div');
    other.scrollTo = vi.fn() as never;
    scrollAfterMount(300, {}, { scrollElement: other, options: { horizontal: false, isRtl: false } } as never); // a first write elsewhere than 0
    expect(other.scrollTo).toHaveBeenCalledWith({ top: 300, behavior: undefined });
  });
});
