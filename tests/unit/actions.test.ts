import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { closeDb, DB_NAME, getDb, type ConversationRecord } from '@/utils/db';
import {
  DM_HOME,
  inOneHour,
  markDone,
  openConversation,
  pickTab,
  safeThreadUrl,
  snoozeConversation,
  startOfDay,
  tomorrowMorning,
} from '@/utils/inbox/actions';
import { buildQueue } from '@/utils/inbox/queue';

const NOW = Date.UTC(2026, 4, 12, 15, 30); // vitest.config.ts pins TZ=UTC

function conversation(patch: Partial<ConversationRecord> & { key: string }): ConversationRecord {
  const [platform, threadId] = patch.key.split(':') as [ConversationRecord['platform'], string];
  return {
    platform,
    threadId,
    name: threadId,
    unread: true,
    firstSeen: NOW - 3_600_000,
    lastSeen: NOW,
    waitingSince: NOW - 3_600_000,
    time: NOW - 3_600_000,
    ...patch,
  };
}

async function seed(...rows: ConversationRecord[]) {
  const db = await getDb();
  for (const row of rows) await db.put('conversations', row);
}

beforeEach(() => fakeBrowser.reset());
afterEach(async () => {
  await closeDb();
  indexedDB.deleteDatabase(DB_NAME);
});

describe('snooze times', () => {
  it('snoozes one hour, or until 09:00 the next local morning', () => {
    expect(inOneHour(NOW)).toBe(NOW + 3_600_000);
    expect(tomorrowMorning(NOW)).toBe(Date.UTC(2026, 4, 13, 9, 0));
    // just before midnight, "tomorrow" is the next day, not nine hours later on the same date
    expect(tomorrowMorning(Date.UTC(2026, 11, 31, 23, 59))).toBe(Date.UTC(2027, 0, 1, 9, 0));
    expect(startOfDay(NOW)).toBe(Date.UTC(2026, 4, 12));
  });
});

describe('Done and Snooze', () => {
  it('Done sets doneAt and takes the conversation out of the queue until newer activity', async () => {
    await seed(conversation({ key: 'instagram:a' }), conversation({ key: 'x:b' }));
    expect(await markDone('instagram:a', NOW)).toEqual({ ok: true });
    const stored = await (await getDb()).get('conversations', 'instagram:a');
    expect(stored?.doneAt).toBe(NOW);
    const all = await (await getDb()).getAll('conversations');
    expect(buildQueue(all, { now: NOW, slaMinutes: 10 }).map((i) => i.key)).toEqual(['x:b']);
  });

  it('Snooze hides the conversation until the given time', async () => {
    await seed(conversation({ key: 'linkedin:c' }));
    expect(await snoozeConversation('linkedin:c', NOW + 3_600_000)).toEqual({ ok: true });
    const all = await (await getDb()).getAll('conversations');
    expect(all[0]?.snoozedUntil).toBe(NOW + 3_600_000);
    expect(buildQueue(all, { now: NOW, slaMinutes: 10 })).toHaveLength(0);
    expect(buildQueue(all, { now: NOW + 3_600_001, slaMinutes: 10 })).toHaveLength(1);
  });

  it('answers ok: false for an unknown conversation and writes nothing', async () => {
    expect(await markDone('x:nobody', NOW)).toEqual({ ok: false });
    expect(await snoozeConversation('x:nobody', NOW)).toEqual({ ok: false });
    expect(await (await getDb()).count('conversations')).toBe(0);
  });
});

describe('Open', () => {
  it('only navigates to https URLs on the platform own hosts', () => {
    expect(safeThreadUrl('instagram', 'https://www.instagram.com/direct/t/1/')).toBe('https://www.instagram.com/direct/t/1/');
    expect(safeThreadUrl('instagram', 'javascript:alert(1)')).toBeNull();
    expect(safeThreadUrl('instagram', 'http://www.instagram.com/direct/t/1/')).toBeNull();
    expect(safeThreadUrl('instagram', 'https://evil.example/direct/t/1/')).toBeNull();
    expect(safeThreadUrl('messenger', 'https://www.messenger.com/t/1')).toBe('https://www.messenger.com/t/1');
    expect(safeThreadUrl('x', undefined)).toBeNull();
  });

  it('prefers a tab already on the thread, else the platform tab used last', () => {
    const tabs = [
      { id: 1, url: 'https://www.instagram.com/direct/inbox/', lastAccessed: 5 },
      { id: 2, url: 'https://www.instagram.com/direct/inbox/', lastAccessed: 9 },
      { id: 3, url: 'https://www.instagram.com/direct/t/1/', lastAccessed: 1 },
      { id: 4, url: 'https://x.com/messages', lastAccessed: 99 },
    ] as never[];
    expect(pickTab(tabs, 'instagram', 'https://www.instagram.com/direct/t/1/')?.id).toBe(3);
    expect(pickTab(tabs, 'instagram', 'https://www.instagram.com/direct/t/2/')?.id).toBe(2);
    expect(pickTab(tabs, 'linkedin', null)).toBeNull();
    // A query on either side is the same thread.
    expect(pickTab(tabs, 'instagram', 'https://www.instagram.com/direct/t/1/?ref=nav')?.id).toBe(3);
    expect(pickTab([{ id: 5, url: 'https://www.instagram.com/direct/t/2?hl=en', lastAccessed: 0 }, ...tabs] as never[], 'instagram', 'https://www.instagram.com/direct/t/2/')?.id).toBe(5);
  });

  it('focuses a tab of the platform and navigates it to the thread', async () => {
    await seed(conversation({ key: 'instagram:t1', url: 'https://www.instagram.com/direct/t/1/' }));
    const tab = await browser.tabs.create({ url: 'https://www.instagram.com/direct/inbox/' });
    const update = vi.spyOn(browser.tabs, 'update');
    const create = vi.spyOn(browser.tabs, 'create');
    expect(await openConversation('instagram:t1')).toEqual({ ok: true });
    expect(update).toHaveBeenCalledWith(tab.id, { active: true, url: 'https://www.instagram.com/direct/t/1/' });
    expect(create).not.toHaveBeenCalled();
  });

  it('opens a new tab on the thread, or on the DM home when there is no usable URL', async () => {
    await seed(
      conversation({ key: 'linkedin:t2', url: 'https://www.linkedin.com/messaging/thread/2/' }),
      conversation({ key: 'whatsapp:t3' }),
      conversation({ key: 'x:t4', url: 'javascript:alert(1)' }),
    );
    const create = vi.spyOn(browser.tabs, 'create');
    await openConversation('linkedin:t2');
    await openConversation('whatsapp:t3');
    await openConversation('x:t4');
    expect(create.mock.calls.map(([props]) => props.url)).toEqual([
      'https://www.linkedin.com/messaging/thread/2/',
      DM_HOME.whatsapp,
      DM_HOME.x,
    ]);
    expect(await openConversation('x:missing')).toEqual({ ok: false });
  });

  it('focuses a WhatsApp tab without reloading it when the conversation has no URL', async () => {
    await seed(conversation({ key: 'whatsapp:t5' }));
    const tab = await browser.tabs.create({ url: 'https://web.whatsapp.com/' });
    const update = vi.spyOn(browser.tabs, 'update');
    await openConversation('whatsapp:t5');
    expect(update).toHaveBeenCalledWith(tab.id, { active: true });
  });
});
