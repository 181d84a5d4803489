import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing';
import { browser } from 'wxt/browser';
import { closeDb, DB_NAME, getDb, type PlatformStateRecord } from '@/utils/db';
import { ResponseTimesView } from '@/components/ResponseTimesView';
import { PlatformHealthView } from '@/components/PlatformHealthView';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const NOW = Date.now();

const state = (platform: PlatformStateRecord['platform'], patch: Partial<PlatformStateRecord> = {}): PlatformStateRecord => ({
  platform,
  unreadTotal: null,
  unreadRows: 0,
  lastSeen: NOW,
  tabs: [1],
  missing: [],
  active: null,
  ...patch,
});

const changed = (store: 'inbox' | 'replies') => act(async () => {
  await fakeBrowser.runtime.onMessage.trigger({ type: 'changed', store }, {});
});

beforeEach(() => fakeBrowser.reset());
afterEach(async () => {
  cleanup();
  await closeDb();
  indexedDB.deleteDatabase(DB_NAME);
});

describe('ResponseTimesView', () => {
  it('shows medians per platform over 7 and 30 days, replies used, and refreshes on changed', async () => {
    const db = await getDb();
    await db.add('events', { type: 'response', platform: 'instagram', start: NOW - DAY - 4 * MIN, at: NOW - DAY, key: 'instagram:a' });
    await db.add('events', { type: 'response', platform: 'instagram', start: NOW - 10 * DAY - 90 * MIN, at: NOW - 10 * DAY, key: 'instagram:b' });
    await db.add('events', { type: 'reply-used', at: NOW - 2 * DAY, replyId: 'r1' });
    render(<ResponseTimesView />);

    const row = await screen.findByRole('row', { name: /Instagram/ });
    const cells = within(row).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent('4 min (1 reply)');
    // 30 days: 4 min and 90 min → median 47 min.
    expect(cells[1]).toHaveTextContent('47 min (2 replies)');
    expect(screen.getByRole('img', { name: /Median first-response time/ })).toBeInTheDocument();
    expect(screen.getByTestId('replies-used')).toHaveTextContent('1 in the last 7 days, 1 in the last 30 days');

    await db.add('events', { type: 'reply-used', at: NOW - 20 * DAY, replyId: 'r1' });
    await db.add('events', { type: 'response', platform: 'linkedin', start: NOW - 3 * 60 * MIN, at: NOW - MIN, key: 'linkedin:c' });
    await changed('replies');
    expect(await screen.findByRole('row', { name: /LinkedIn/ })).toHaveTextContent('2 h 59 min');
    expect(screen.getByTestId('replies-used')).toHaveTextContent('1 in the last 7 days, 2 in the last 30 days');
  });

  it('says when there is nothing to show yet', async () => {
    render(<ResponseTimesView />);
    expect(await screen.findByText(/No answered conversations/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('PlatformHealthView', () => {
  it('shows open and stale platforms, what was read and what is missing', async () => {
    const db = await getDb();
    await db.put('platforms', state('linkedin', { unreadRows: 2, missing: ['conversation list'], tabs: [4, 5] }));
    await db.put('platforms', state('instagram', { unreadTotal: 3, unreadRows: 1, tabs: [], lastSeen: NOW - 2 * 60 * MIN }));
    render(<PlatformHealthView now={() => NOW} />);

    const items = await screen.findAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('data-platform'))).toEqual(['instagram', 'linkedin']);
    const [ig, li] = items as [HTMLElement, HTMLElement];
    expect(ig).toHaveTextContent('Stale · 2h old');
    expect(ig).toHaveTextContent("3 (the platform's own counter)");
    expect(ig).toHaveTextContent('Nothing: every part was found');
    expect(li).toHaveTextContent('Open in 2 tabs');
    expect(li).toHaveTextContent('2 (no counter on the page; counted from unread rows)');
    expect(li).toHaveTextContent('conversation list');
  });

  it('Clear sends platform:clear and announces it; the view refreshes on changed', async () => {
    const db = await getDb();
    await db.put('platforms', state('instagram', { unreadTotal: 3, tabs: [] }));
    const sent = vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async () => ({ ok: true })) as never);
    render(<PlatformHealthView now={() => NOW} />);

    await userEvent.click(await screen.findByRole('button', { name: 'Clear Instagram numbers' }));
    expect(sent).toHaveBeenCalledWith({ type: 'platform:clear', platform: 'instagram' });
    expect(await screen.findByRole('status')).toHaveTextContent('Instagram cleared.');

    await db.delete('platforms', 'instagram');
    await changed('inbox');
    expect(await screen.findByText(/No platform read yet/)).toBeInTheDocument();
  });

  it('skips a damaged record', async () => {
    const db = await getDb();
    await db.put('platforms', state('instagram', { unreadTotal: 1 }));
    await db.put('platforms', { platform: 'x', tabs: 'nope' } as never);
    render(<PlatformHealthView now={() => NOW} />);
    expect(await screen.findAllByRole('listitem')).toHaveLength(1);
  });
});
