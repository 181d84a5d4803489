import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { closeDb, DB_NAME, getDb, type ConversationRecord, type EventRecord, type PlatformStateRecord } from '@/utils/db';
import { markDone, snoozeConversation, startOfDay } from '@/utils/inbox/actions';
import { PopupApp } from '@/entrypoints/popup/PopupApp';

/**
 * The popup against a real (fake-indexeddb) database and the real background action functions:
 * messages the popup sends are answered by markDone / snoozeConversation, and their `changed`
 * broadcast comes back to the popup's listener, as in the extension.
 */
const MIN = 60_000;
let sent: { type: string; [k: string]: unknown }[] = [];

function conversation(key: string, waitedMs: number, patch: Partial<ConversationRecord> = {}): ConversationRecord {
  const [platform, threadId] = key.split(':') as [ConversationRecord['platform'], string];
  const since = Date.now() - waitedMs;
  return {
    key, platform, threadId, name: threadId, unread: true,
    firstSeen: since, lastSeen: Date.now(), waitingSince: since, time: since, ...patch,
  };
}

function platformState(platform: PlatformStateRecord['platform'], patch: Partial<PlatformStateRecord> = {}): PlatformStateRecord {
  return { platform, unreadTotal: null, unreadRows: 0, lastSeen: Date.now(), tabs: [1], missing: [], active: null, ...patch };
}

async function seed({ conversations = [], platforms = [], events = [] }: {
  conversations?: ConversationRecord[]; platforms?: PlatformStateRecord[]; events?: EventRecord[];
}) {
  const db = await getDb();
  const tx = db.transaction(['conversations', 'platforms', 'events'], 'readwrite');
  for (const c of conversations) void tx.objectStore('conversations').put(c);
  for (const p of platforms) void tx.objectStore('platforms').put(p);
  for (const e of events) void tx.objectStore('events').add(e);
  await tx.done;
}

const rows = () => screen.queryAllByRole('row');
const rowNames = () => rows().map((r) => r.querySelector('.queue-name')?.textContent);

// jsdom lays nothing out: give the queue's scroll box a height so the virtualiser renders a window.
const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains("queue") ? 340 : 0;
    },
  });
  Element.prototype.scrollTo ??= function (this: Element, options?: ScrollToOptions | number) {
    if (typeof options === 'object' && options.top !== undefined) this.scrollTop = options.top;
  } as Element['scrollTo'];
});
afterAll(() => {
  if (clientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
});

beforeEach(() => {
  fakeBrowser.reset();
  sent = [];
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (message: { type: string; key: string; until: number }) => {
    sent.push(message);
    switch (message.type) {
      case 'queue:done':
        return markDone(message.key);
      case 'queue:snooze':
        return snoozeConversation(message.key, message.until);
      case 'queue:open':
        return { ok: true };
      case 'changed':
        await fakeBrowser.runtime.onMessage.trigger(message, {} as never);
        return undefined;
    }
    return undefined;
  }) as never);
});
afterEach(async () => {
  cleanup(); // no vitest globals here, so Testing Library cannot register this itself
  await closeDb();
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = request.onerror = request.onblocked = resolve;
  });
});

describe('platform chips', () => {
  it("count a platform's own total, else its unread rows, and mark stale ones with their age", async () => {
    await seed({
      platforms: [
        platformState('instagram', { unreadTotal: 3, unreadRows: 1 }),
        platformState('linkedin', { unreadTotal: null, unreadRows: 2 }),
        platformState('x', { unreadTotal: 4, tabs: [], lastSeen: Date.now() - 2 * 60 * MIN - 5 * MIN }),
      ],
    });
    render(<PopupApp />);
    const group = await screen.findByRole('group', { name: 'Filter the queue by platform' });
    expect(within(group).getByRole('button', { name: /^Instagram 3 unread$/ })).toBeInTheDocument();
    expect(within(group).getByRole('button', { name: /^LinkedIn 2 unread$/ })).toBeInTheDocument();
    expect(within(group).getByRole('button', { name: /^X 4 unread stale · 2h$/ })).toBeInTheDocument();
    expect(screen.getByTestId('total-unread')).toHaveTextContent('9');
  });

  it('filter the queue: a chip is a toggle, All resets', async () => {
    const user = userEvent.setup();
    await seed({
      platforms: [platformState('instagram', { unreadRows: 1 }), platformState('x', { unreadRows: 1 })],
      conversations: [conversation('instagram:ana', 3 * MIN), conversation('x:bo', 2 * MIN), conversation('x:cy', 1 * MIN)],
    });
    render(<PopupApp />);
    await waitFor(() => expect(rowNames()).toEqual(['ana', 'bo', 'cy']));

    const x = screen.getByRole('button', { name: /^X 1/ });
    const all = screen.getByRole('button', { name: /^All/ });
    expect(all).toHaveAttribute('aria-pressed', 'true');
    await user.click(x);
    expect(x).toHaveAttribute('aria-pressed', 'true');
    expect(all).toHaveAttribute('aria-pressed', 'false');
    expect(rowNames()).toEqual(['bo', 'cy']);
    expect(screen.getByRole('grid')).toHaveAccessibleName('Waiting conversations on X, oldest first');

    await user.click(x); // toggles off
    expect(rowNames()).toEqual(['ana', 'bo', 'cy']);
    await user.click(screen.getByRole('button', { name: /^Instagram/ }));
    expect(rowNames()).toEqual(['ana']);
    await user.click(all);
    expect(all).toHaveAttribute('aria-pressed', 'true');
    expect(rowNames()).toEqual(['ana', 'bo', 'cy']);
  });
});

describe('queue', () => {
  it('lists waiting conversations oldest first with icon, preview, wait time and SLA text', async () => {
    await seed({
      conversations: [
        conversation('x:fresh', 2 * MIN + 10_000),
        conversation('instagram:old', 12 * MIN + 10_000, { snippet: 'Is the blue one back in stock?' }),
        conversation('linkedin:mid', 6 * MIN + 10_000),
        conversation('x:answered', 30 * MIN, { unread: false, lastFromMe: true }),
        conversation('x:muted', 40 * MIN, { muted: true }),
      ],
    });
    render(<PopupApp />);
    await waitFor(() => expect(rowNames()).toEqual(['old', 'mid', 'fresh']));
    expect(screen.getByTestId('queue-count')).toHaveTextContent('3');
    expect(screen.getByRole('grid')).toHaveAttribute('aria-rowcount', '3');

    const [old, mid, fresh] = rows() as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(old).getByRole('img', { name: 'Instagram' })).toBeInTheDocument();
    expect(within(old).getByText('Is the blue one back in stock?')).toBeInTheDocument();
    expect(within(old).getByText('12 min')).toBeInTheDocument();
    expect(within(old).getByText('Overdue')).toBeInTheDocument();
    expect(within(mid).getByText('Due soon')).toBeInTheDocument();
    expect(within(fresh).getByText('On time')).toBeInTheDocument();
    expect(within(fresh).getByText('2 min')).toBeInTheDocument();
    // the conversation cell is named by everything it shows, for screen readers moving row by row
    expect(within(old).getByRole('gridcell', { name: /^Instagram old ?, Overdue ?, waiting 12 min ?, Is the blue one/ })).toBeInTheDocument();
  });

  it('re-renders wait times and SLA states every 30 s', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    try {
      await seed({ conversations: [conversation('x:a', 4 * MIN + 50_000)] });
      render(<PopupApp />);
      await waitFor(() => expect(rows()).toHaveLength(1));
      expect(within(rows()[0]!).getByText('On time')).toBeInTheDocument();
      expect(within(rows()[0]!).getByText('4 min')).toBeInTheDocument();
      act(() => void vi.advanceTimersByTime(30_000));
      expect(within(rows()[0]!).getByText('Due soon')).toBeInTheDocument(); // half of the 10-minute target
      expect(within(rows()[0]!).getByText('5 min')).toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });

  it('uses the SLA target from the settings', async () => {
    await browser.storage.local.set({ settings: { slaMinutes: 60 } });
    await seed({ conversations: [conversation('x:a', 12 * MIN + 10_000)] });
    render(<PopupApp />);
    expect(await screen.findByText('On time')).toBeInTheDocument();
  });

  it('refreshes on the changed broadcast', async () => {
    await seed({ conversations: [conversation('x:first', 5 * MIN)] });
    render(<PopupApp />);
    await waitFor(() => expect(rowNames()).toEqual(['first']));
    await seed({ conversations: [conversation('x:earlier', 9 * MIN)] });
    await act(async () => {
      await fakeBrowser.runtime.onMessage.trigger({ type: 'changed', store: 'inbox' }, {} as never);
    });
    await waitFor(() => expect(rowNames()).toEqual(['earlier', 'first']));
  });

  it('skips a damaged stored record and shows the rest', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await seed({
      conversations: [conversation('x:good', 5 * MIN), { ...conversation('x:bad', 6 * MIN), platform: 'myspace' as never, name: 42 as never }],
    });
    render(<PopupApp />);
    await waitFor(() => expect(rowNames()).toEqual(['good']));
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('skipped 1 damaged conversation'));
  });

  it('renders only a window of 5,000 rows', async () => {
    await seed({ conversations: Array.from({ length: 5000 }, (_, i) => conversation(`x:c${i}`, (5000 - i) * MIN)) });
    render(<PopupApp />);
    await waitFor(() => expect(rowNames()[0]).toBe('c0'));
    expect(screen.getByRole('grid')).toHaveAttribute('aria-rowcount', '5000');
    expect(rows().length).toBeGreaterThan(3);
    expect(rows().length).toBeLessThan(30);
  });
});

describe('keyboard', () => {
  it('j/k and arrows move, Enter opens, e marks done and keeps focus in the list', async () => {
    const user = userEvent.setup();
    await seed({
      conversations: [conversation('x:a', 9 * MIN), conversation('x:b', 8 * MIN), conversation('x:c', 7 * MIN)],
    });
    render(<PopupApp />);
    // The popup puts focus on the oldest conversation when it opens.
    const cellOf = (name: string) => screen.getByRole('gridcell', { name: new RegExp(`^X ${name} ?,`) });
    await waitFor(() => expect(cellOf('a')).toHaveFocus());

    await user.keyboard('j');
    expect(cellOf('b')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(cellOf('c')).toHaveFocus();
    await user.keyboard('j'); // stays on the last row
    expect(cellOf('c')).toHaveFocus();
    await user.keyboard('k');
    expect(cellOf('b')).toHaveFocus();
    expect(screen.getAllByRole('gridcell').filter((c) => c.tabIndex === 0)).toEqual([cellOf('b')]); // one tab stop

    await user.keyboard('{Enter}');
    expect(sent).toContainEqual({ type: 'queue:open', key: 'x:b' });
    expect(screen.getByRole('status')).toHaveTextContent('Opening b');

    await user.keyboard('e');
    await waitFor(() => expect(rowNames()).toEqual(['a', 'c']));
    expect(sent).toContainEqual({ type: 'queue:done', key: 'x:b' });
    expect(screen.getByRole('status')).toHaveTextContent('b marked done');
    expect((await (await getDb()).get('conversations', 'x:b'))?.doneAt).toBeTypeOf('number');
    await waitFor(() => expect(cellOf('c')).toHaveFocus());

    // Right arrow reaches the row's buttons; Enter on a button is the button's own action.
    await user.keyboard('{ArrowRight}');
    expect(within(rows()[1]!).getByRole('button', { name: 'Open' })).toHaveFocus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(within(rows()[1]!).getByRole('button', { name: 'Snooze' })).toHaveFocus();
  });

  it('Snooze offers 1 hour and tomorrow 9:00 in a menu; the row leaves the queue', async () => {
    const user = userEvent.setup();
    await seed({ conversations: [conversation('x:a', 9 * MIN), conversation('x:b', 8 * MIN)] });
    render(<PopupApp />);
    await waitFor(() => expect(rowNames()).toEqual(['a', 'b']));

    const snooze = within(rows()[0]!).getByRole('button', { name: 'Snooze' });
    await user.click(snooze);
    const menu = screen.getByRole('menu', { name: 'Snooze a' });
    expect(within(menu).getAllByRole('menuitem').map((m) => m.textContent)).toEqual(['1 hour', 'Tomorrow 9:00']);
    expect(within(menu).getByRole('menuitem', { name: '1 hour' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(snooze).toHaveFocus();

    const before = Date.now();
    await user.keyboard('{Enter}');
    await user.keyboard('{ArrowDown}{Enter}'); // Tomorrow 9:00
    await waitFor(() => expect(rowNames()).toEqual(['b']));
    const message = sent.find((m) => m.type === 'queue:snooze') as unknown as { key: string; until: number };
    expect(message.key).toBe('x:a');
    const tomorrow9 = new Date(before);
    tomorrow9.setDate(tomorrow9.getDate() + 1);
    tomorrow9.setHours(9, 0, 0, 0);
    expect(message.until).toBe(tomorrow9.getTime());
    expect(screen.getByRole('status')).toHaveTextContent('a snoozed: Tomorrow 9:00');

    // focus stays in the same column, on the row that took the snoozed one's place
    await waitFor(() => expect(within(rows()[0]!).getByRole('button', { name: 'Snooze' })).toHaveFocus());
    // the s key opens the menu for the active row
    await user.keyboard('{ArrowLeft}{ArrowLeft}{ArrowLeft}');
    expect(screen.getByRole('gridcell', { name: /^X b ?,/ })).toHaveFocus();
    await user.keyboard('s');
    await user.click(screen.getByRole('menuitem', { name: '1 hour' }));
    await waitFor(() => expect(screen.getByText('Nothing waiting')).toBeInTheDocument());
    const last = sent.filter((m) => m.type === 'queue:snooze').at(-1) as unknown as { until: number };
    expect(last.until - before).toBeGreaterThanOrEqual(60 * MIN);
    expect(last.until - before).toBeLessThan(61 * MIN);
  });
});

describe('empty queue', () => {
  it('says so and counts conversations handled today: responses since midnight and Done, each once', async () => {
    const now = Date.now();
    const today = Math.max(startOfDay(now), now - 1000);
    await seed({
      conversations: [
        conversation('x:done-today', 20 * MIN, { doneAt: today, time: today - 1 }),
        conversation('x:answered-and-done', 20 * MIN, { doneAt: today, time: today - 1 }),
        conversation('x:done-yesterday', 48 * 60 * MIN, { doneAt: startOfDay(now) - 1000, time: startOfDay(now) - 2000 }),
        conversation('x:read', 5 * MIN, { unread: false, lastFromMe: true }),
      ],
      events: [
        { type: 'response', at: today, start: today - 5 * MIN, key: 'x:r1', platform: 'x' },
        { type: 'response', at: today, start: today - 5 * MIN, key: 'x:answered-and-done', platform: 'x' },
        { type: 'response', at: startOfDay(now) - 1, start: startOfDay(now) - 5 * MIN, key: 'x:yesterday', platform: 'x' },
        { type: 'reply-used', at: today, replyId: 'r' },
      ],
    });
    render(<PopupApp />);
    expect(await screen.findByText('Nothing waiting')).toBeInTheDocument();
    expect(screen.queryByRole('grid')).toBeNull();
    expect(screen.getByTestId('handled-today')).toHaveTextContent('3 conversations handled today');
  });

  it('says so for an empty database', async () => {
    render(<PopupApp />);
    expect(await screen.findByText('Nothing waiting')).toBeInTheDocument();
    expect(screen.getByTestId('handled-today')).toHaveTextContent('0 conversations handled today');
  });
});

describe('health line', () => {
  it('names what a platform page could not be read for', async () => {
    await seed({
      platforms: [
        platformState('linkedin', { missing: ['conversation list'] }),
        platformState('instagram', { missing: [] }),
        platformState('x', { missing: ['unread total', 'composer'] }),
      ],
    });
    render(<PopupApp />);
    const health = await screen.findByRole('region', { name: 'Reading problems' });
    expect(within(health).getAllByRole('listitem').map((li) => li.textContent?.replace(/^!\s*/, ''))).toEqual([
      'X: unread total, composer not found',
      'LinkedIn: conversation list not found',
    ]);
  });

  it('is absent when every page was read fully', async () => {
    await seed({ platforms: [platformState('instagram')] });
    render(<PopupApp />);
    await screen.findByRole('group', { name: 'Filter the queue by platform' });
    expect(screen.queryByRole('region', { name: 'Reading problems' })).toBeNull();
  });
});

describe('tabs', () => {
  it('is a tablist: arrows move between Queue and Replies and show the matching panel', async () => {
    const user = userEvent.setup();
    render(<PopupApp />);
    await screen.findByText('Nothing waiting');
    const queueTab = screen.getByRole('tab', { name: 'Queue' });
    const repliesTab = screen.getByRole('tab', { name: 'Replies' });
    expect(queueTab).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName('Queue');
    queueTab.focus();
    await user.keyboard('{ArrowRight}');
    expect(repliesTab).toHaveFocus();
    expect(repliesTab).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName('Replies');
    expect(within(screen.getByRole('tabpanel')).getByRole('searchbox', { name: 'Search saved replies' })).toBeInTheDocument();
    await user.keyboard('{ArrowRight}');
    expect(queueTab).toHaveFocus();
  });
});
