import { afterEach, describe, expect, it } from 'vitest';
import { closeDb, DB_NAME, getDb } from '@/utils/db';
import { ReplyValidationError } from '@/utils/replies/model';
import { createReply, deleteReply, getReply, listReplies, recordUse, restoreReply, updateReply } from '@/utils/replies/store';
import { checkDraft } from '@/utils/replies/validate';
import { checkLength, PLATFORM_DM_LIMITS } from '@/utils/replies/limits';
import { seedStarterReplies, STARTER_REPLIES } from '@/utils/replies/starter';
import { unknownVariables } from '@/utils/replies/render';

afterEach(async () => {
  await closeDb();
  indexedDB.deleteDatabase(DB_NAME);
});

async function errorsOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ReplyValidationError);
    return (e as ReplyValidationError).fields;
  }
  throw new Error('expected a ReplyValidationError');
}

describe('validation (checkDraft)', () => {
  const ok = { title: 'Hi', body: 'Hello' };
  it('requires a title and a body', () => {
    const r = checkDraft({ title: '   ', body: '' }, []);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.title).toMatch(/Title is required/);
      expect(r.errors.body).toMatch(/Body is required/);
    }
  });
  it('accepts a body of exactly 10,000 characters and refuses 10,001', () => {
    expect(checkDraft({ ...ok, body: 'a'.repeat(10_000) }, []).ok).toBe(true);
    const r = checkDraft({ ...ok, body: 'a'.repeat(10_001) }, []);
    expect(!r.ok && r.errors.body).toMatch(/10,001 characters; the limit is 10,000/);
  });
  it.each(['/hi', 'hi', 'a;b:c/d.e_f-g', 'X'.repeat(32), 'Ab12'])('accepts shortcut %s', (shortcut) => {
    expect(checkDraft({ ...ok, shortcut }, []).ok).toBe(true);
  });
  it.each(['/', 'a', 'X'.repeat(33), 'has space', 'ü/x', '/hi!', '{{x}}'])('refuses shortcut %j', (shortcut) => {
    const r = checkDraft({ ...ok, shortcut }, []);
    expect(!r.ok && r.errors.shortcut).toMatch(/2–32/);
  });
  it('an empty shortcut means none', () => {
    const r = checkDraft({ ...ok, shortcut: '  ' }, []);
    expect(r.ok && r.draft.shortcut).toBe(undefined);
  });
  it('shortcuts are unique ignoring case, except against the reply itself', () => {
    const others = [{ id: 'a', title: 'Greeting', shortcut: '/Hi' }];
    const r = checkDraft({ ...ok, shortcut: '/hI' }, others);
    expect(!r.ok && r.errors.shortcut).toBe('Shortcut /hI is already used by “Greeting”.');
    expect(checkDraft({ ...ok, shortcut: '/hi' }, others, 'a').ok).toBe(true);
  });
  it('names an unknown variable', () => {
    const r = checkDraft({ ...ok, body: 'Hi {{frist_name}}' }, []);
    expect(!r.ok && r.errors.body).toBe('Unknown variable {{frist_name}}');
    const two = checkDraft({ ...ok, body: '{{a}} {{b|x}} {{first_name}}' }, []);
    expect(!two.ok && two.errors.body).toBe('Unknown variables {{a}}, {{b}}');
  });
  it('normalises tags and refuses too many', () => {
    const r = checkDraft({ ...ok, tags: ['#Sales, support', 'sales', ' '] }, []);
    expect(r.ok && r.draft.tags).toEqual(['Sales', 'support']);
    const many = checkDraft({ ...ok, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, []);
    expect(!many.ok && many.errors.tags).toMatch(/At most 20/);
  });
  it('knows every design variable', () => {
    expect(unknownVariables('{{first_name}}{{last_name}}{{name}}{{handle}}{{platform}}{{my_name}}{{date}}{{time}}{{weekday}}{{cursor}}')).toEqual([]);
  });
});

describe('store', () => {
  it('creates, lists, updates and deletes', async () => {
    const a = await createReply({ title: ' Greeting ', body: 'Hi {{first_name|there}}', shortcut: '/hi', tags: ['x'] }, 1000);
    expect(a).toMatchObject({ title: 'Greeting', shortcut: '/hi', tags: ['x'], platforms: [], useCount: 0, createdAt: 1000 });
    expect(await listReplies()).toEqual([a]);

    const b = await updateReply(a.id, { title: 'Hello', body: 'Hello', shortcut: '', platforms: ['x'] }, 2000);
    expect(b).toMatchObject({ id: a.id, title: 'Hello', platforms: ['x'], createdAt: 1000, updatedAt: 2000 });
    expect(b.shortcut).toBeUndefined();
    expect(await getReply(a.id)).toEqual(b);

    const removed = await deleteReply(a.id);
    expect(removed).toEqual(b);
    expect(await listReplies()).toEqual([]);
    await restoreReply(removed!);
    expect(await listReplies()).toEqual([b]);
  });

  it('refuses invalid writes with per-field errors and writes nothing', async () => {
    await createReply({ title: 'Greeting', body: 'Hi', shortcut: '/hi' });
    const fields = await errorsOf(createReply({ title: '', body: 'Hi {{frist_name}}', shortcut: '/HI' }));
    expect(fields).toEqual({
      title: 'Title is required.',
      body: 'Unknown variable {{frist_name}}',
      shortcut: 'Shortcut /HI is already used by “Greeting”.',
    });
    expect(await listReplies()).toHaveLength(1);
  });

  it('update checks shortcut uniqueness against the others only', async () => {
    const a = await createReply({ title: 'A', body: 'a', shortcut: '/a' });
    await createReply({ title: 'B', body: 'b', shortcut: '/b' });
    await expect(updateReply(a.id, { title: 'A', body: 'a2', shortcut: '/A' })).resolves.toMatchObject({ shortcut: '/A' });
    expect((await errorsOf(updateReply(a.id, { title: 'A', body: 'a', shortcut: '/B' }))).shortcut).toMatch(/already used by “B”/);
    await expect(updateReply('nope', { title: 'x', body: 'y' })).rejects.toThrow(/no longer exists/);
  });

  it('undo is refused when the shortcut was taken meanwhile', async () => {
    const a = await createReply({ title: 'A', body: 'a', shortcut: '/a' });
    const removed = (await deleteReply(a.id))!;
    await createReply({ title: 'New A', body: 'a', shortcut: '/a' });
    expect((await errorsOf(restoreReply(removed))).shortcut).toMatch(/already used/);
  });

  it('skips damaged records read back', async () => {
    const a = await createReply({ title: 'A', body: 'a' });
    await (await getDb()).put('replies', { id: 'bad', title: '', body: 5 } as never);
    expect(await listReplies()).toEqual([a]);
  });

  it('recordUse counts insertions and remembers when', async () => {
    const a = await createReply({ title: 'A', body: 'a' });
    expect(await recordUse(a.id, 5000)).toBe(true);
    expect(await recordUse(a.id, 6000)).toBe(true);
    expect(await getReply(a.id)).toMatchObject({ useCount: 2, lastUsedAt: 6000 });
    expect(await recordUse('missing')).toBe(false);
    const events = await (await getDb()).getAll('events');
    expect(events.map((e) => e.replyId)).toEqual([a.id, a.id]);
  });
});

describe('starter library', () => {
  it('seeds about a dozen valid replies with unique shortcuts, once, only into an empty library', async () => {
    expect(STARTER_REPLIES.length).toBeGreaterThanOrEqual(12);
    expect(await seedStarterReplies()).toBe(STARTER_REPLIES.length);
    const seeded = await listReplies();
    expect(seeded).toHaveLength(STARTER_REPLIES.length);
    const shortcuts = seeded.map((r) => r.shortcut?.toLowerCase());
    expect(new Set(shortcuts).size).toBe(seeded.length);
    expect(shortcuts).toEqual(expect.arrayContaining(['/hi', '/thx']));
    expect(seeded.every((r) => /\{\{/.test(r.body))).toBe(true);
    expect(await seedStarterReplies()).toBe(0);
    expect(await listReplies()).toHaveLength(STARTER_REPLIES.length);
  });
  it('does not seed over an existing library, and starter replies can be deleted', async () => {
    await createReply({ title: 'Mine', body: 'x' });
    expect(await seedStarterReplies()).toBe(0);
    await closeDb();
    indexedDB.deleteDatabase(DB_NAME);
    await seedStarterReplies();
    const first = (await listReplies())[0]!;
    await deleteReply(first.id);
    expect(await listReplies()).toHaveLength(STARTER_REPLIES.length - 1);
  });
});

describe('length limits', () => {
  it('has the table of every platform', () => {
    expect(Object.fromEntries(Object.entries(PLATFORM_DM_LIMITS).map(([k, v]) => [k, v.max]))).toEqual({
      instagram: 1000, messenger: 2000, x: 10000, linkedin: 8000, tiktok: 6000, whatsapp: 65536, snapchat: 1000,
    });
  });
  it('warns past the limit and counts Instagram in bytes', () => {
    expect(checkLength('a'.repeat(2000), 'messenger').over).toBe(false);
    expect(checkLength('a'.repeat(2001), 'messenger').over).toBe(true);
    expect(checkLength('é'.repeat(600), 'instagram')).toMatchObject({ length: 1200, over: true, unit: 'bytes' });
    expect(checkLength('😀'.repeat(10), 'x').length).toBe(10);
    expect(checkLength('a'.repeat(50), 'x', 40)).toMatchObject({ max: 40, over: true });
  });
});
