import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { closeDb, DB_NAME, getDb } from '@/utils/db';
import {
  commitImport,
  exportCsv,
  exportJson,
  ImportFileError,
  planImport,
  prepareImport,
  readImportFile,
} from '@/utils/replies/exchange';
import type { Reply } from '@/utils/replies/model';
import { createReply, listReplies } from '@/utils/replies/store';

let before: Reply[];
beforeEach(async () => {
  await createReply({ title: 'Greeting', body: 'Hi {{first_name|there}}', shortcut: '/hi', tags: ['greeting'] }, 1000);
  await createReply({ title: 'Thanks', body: 'Thanks!', shortcut: '/thx' }, 1000);
  before = await listReplies();
});
afterEach(async () => {
  await closeDb();
  indexedDB.deleteDatabase(DB_NAME);
});

const json = (replies: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'dm-desk/replies', version: 1, replies, ...extra });

/** Each refused file: a clear error, and the library exactly as before. */
async function refused(file: { name: string; text: string }, message: RegExp) {
  await expect(prepareImport(file)).rejects.toThrow(message);
  await expect(prepareImport(file)).rejects.toBeInstanceOf(ImportFileError);
  expect(await listReplies()).toEqual(before);
}

describe('refused files change nothing', () => {
  it('broken JSON', () => refused({ name: 'r.json', text: '{"format": "dm-desk/replies", "replies": [' }, /not valid JSON/));
  it('wrong format tag', () => refused({ name: 'r.json', text: json([], { format: 'other/replies' }) }, /Unknown format "other\/replies"/));
  it('wrong version', () => refused({ name: 'r.json', text: json([], { version: 2 }) }, /version 2 .* reads version 1/));
  it('a bare array', () => refused({ name: 'r.json', text: '[]' }, /not a DM Desk replies file/));
  it('CSV without the required columns', () =>
    refused({ name: 'r.csv', text: 'name,text\nA,b\n' }, /header row with the columns title and body; missing title and body \(found: name, text\)/));
  it('CSV without body', () => refused({ name: 'r.csv', text: 'title,shortcut\nA,/a\n' }, /missing body/));
  it('an empty file', () => refused({ name: 'r.csv', text: '\uFEFF  \n' }, /empty/));
  it('a file over 5 MB (text)', () => refused({ name: 'r.json', text: 'x'.repeat(5 * 1024 * 1024 + 1) }, /5\.0 MB; files up to 5 MB/));
  it('a file over 5 MB is refused before reading', async () => {
    const blob = new Blob(['x'.repeat(5 * 1024 * 1024 + 10)]);
    await expect(readImportFile(Object.assign(blob, { name: 'big.csv' }))).rejects.toThrow(/files up to 5 MB/);
  });
  it('more than 5,000 replies (JSON)', () =>
    refused({ name: 'r.json', text: json(Array.from({ length: 5001 }, (_, i) => ({ title: `t${i}`, body: 'b' }))) }, /5,001 replies; at most 5,000/));
  it('more than 5,000 replies (CSV)', () =>
    refused({ name: 'r.csv', text: `title,body\n${Array.from({ length: 5001 }, (_, i) => `t${i},b`).join('\n')}` }, /5,001 replies/));
});

describe('JSON import', () => {
  it('reports add, update, skipped and invalid, then commits all of it', async () => {
    const greeting = before.find((r) => r.shortcut === '/hi')!;
    const text = json([
      { title: 'Order status', body: 'Order {{cursor}}', shortcut: '/order', tags: ['orders'], platforms: ['instagram', 'LinkedIn'] },
      { id: greeting.id, title: 'Greeting v2', body: 'Hello {{first_name}}', shortcut: '/hi' },
      { title: 'Clash', body: 'x', shortcut: '/THX' },
      { title: '', body: 'no title' },
      { title: 'Typo', body: 'Hi {{frist_name}}' },
      { title: 'Bad platform', body: 'x', platforms: ['myspace'] },
      { title: 'No body' },
      'not an object',
    ]);
    const plan = await prepareImport({ name: 'replies.json', text });
    expect(plan.add.map((r) => r.title)).toEqual(['Order status']);
    expect(plan.add[0]).toMatchObject({ platforms: ['instagram', 'linkedin'], tags: ['orders'], useCount: 0 });
    expect(plan.update).toEqual([expect.objectContaining({ id: greeting.id, title: 'Greeting v2', createdAt: 1000 })]);
    expect(plan.skipped).toEqual([{ row: 3, title: 'Clash', reason: 'Shortcut /THX is already used by “Thanks”.' }]);
    expect(plan.invalid).toEqual([
      { row: 4, reason: 'Title is required.' },
      { row: 5, reason: 'Unknown variable {{frist_name}}' },
      { row: 6, reason: 'Unknown platform “myspace”.' },
      { row: 7, reason: expect.stringMatching(/body/) },
      { row: 8, reason: expect.any(String) },
    ]);
    // Nothing written yet.
    expect(await listReplies()).toEqual(before);

    expect(await commitImport(plan)).toEqual({ added: 1, updated: 1 });
    const after = await listReplies();
    expect(after).toHaveLength(3);
    expect(after.find((r) => r.id === plan.add[0]!.id)?.title).toBe('Order status');
    expect(after.find((r) => r.id === greeting.id)).toMatchObject({ title: 'Greeting v2', shortcut: '/hi' });
  });

  it('a shortcut used twice in one file: the second row is skipped; a duplicate id is invalid', async () => {
    const plan = await prepareImport({
      name: 'r.json',
      text: json([
        { id: 'x1', title: 'A', body: 'a', shortcut: '/new' },
        { title: 'B', body: 'b', shortcut: '/NEW' },
        { id: 'x1', title: 'C', body: 'c' },
      ]),
    });
    expect(plan.add.map((r) => r.id)).toEqual(['x1']);
    expect(plan.skipped.map((s) => s.row)).toEqual([2]);
    expect(plan.invalid).toEqual([{ row: 3, reason: 'Same id as row 1.' }]);
  });

  it('round-trips its own export', async () => {
    const text = exportJson(before);
    expect(JSON.parse(text)).toMatchObject({ format: 'dm-desk/replies', version: 1 });
    const plan = await prepareImport({ name: 'export.json', text });
    expect(plan.update.map((r) => r.id).sort()).toEqual(before.map((r) => r.id).sort());
    expect(plan.add).toEqual([]);
    expect(plan.skipped).toEqual([]);
  });

  it('commits nothing when the library changed since the report', async () => {
    const plan = await prepareImport({ name: 'r.json', text: json([{ title: 'New', body: 'n', shortcut: '/n' }]) });
    await createReply({ title: 'Took it', body: 'x', shortcut: '/N' });
    const now = await listReplies();
    await expect(commitImport(plan)).rejects.toThrow(/changed since this report/);
    expect(await listReplies()).toEqual(now);
  });

  it('is all or nothing: a failing write rolls back the others', async () => {
    const plan = await prepareImport({ name: 'r.json', text: json([{ title: 'One', body: '1' }, { title: 'Two', body: '2' }]) });
    // Sabotage: a stored record with the id of the second add (invisible to the re-plan because
    // it fails the schema), so its `add` fails inside the transaction.
    await (await getDb()).put('replies', { id: plan.add[1]!.id, damaged: true } as never);
    await expect(commitImport(plan)).rejects.toThrow();
    expect(await listReplies()).toEqual(before);
  });
});

describe('CSV import', () => {
  it('reads a byte-order mark, quoted fields with commas and newlines, any column order, extra columns', async () => {
    const text =
      '\uFEFFCategory,Body,Title,Tags,Shortcut\r\n' +
      'misc,"Hi {{first_name}}, thanks!\r\nSecond line with ""quotes""",Warm thanks,"a, b; c|d",/warm\r\n' +
      'misc,Plain body,Plain,,\r\n';
    const plan = await prepareImport({ name: 'other-tool.csv', text });
    expect(plan.invalid).toEqual([]);
    expect(plan.add).toHaveLength(2);
    expect(plan.add[0]).toMatchObject({
      title: 'Warm thanks',
      body: 'Hi {{first_name}}, thanks!\nSecond line with "quotes"',
      tags: ['a', 'b', 'c', 'd'],
      shortcut: '/warm',
    });
    expect(plan.add[1]).toMatchObject({ title: 'Plain', body: 'Plain body', tags: [] });
    expect(plan.add[1]!.shortcut).toBeUndefined();
    await commitImport(plan);
    expect((await listReplies()).map((r) => r.title).sort()).toEqual(['Greeting', 'Plain', 'Thanks', 'Warm thanks']);
  });

  it('reports invalid and skipped rows by spreadsheet row number', async () => {
    const text = 'title,body,shortcut\nGood,ok,/good\n,no title,\nDup,x,/hi\nBad,{{nope}},\nLong,' + 'a'.repeat(10_001) + ',\n';
    const plan = await prepareImport({ name: 'r.csv', text });
    expect(plan.add.map((r) => r.title)).toEqual(['Good']);
    expect(plan.skipped).toEqual([{ row: 4, title: 'Dup', reason: 'Shortcut /hi is already used by “Greeting”.' }]);
    expect(plan.invalid.map((i) => i.row)).toEqual([3, 5, 6]);
    expect(plan.invalid[1]!.reason).toBe('Unknown variable {{nope}}');
    expect(plan.invalid[2]!.reason).toMatch(/10,001 characters/);
  });

  it('an unterminated quote marks the row invalid and changes nothing until commit', async () => {
    const plan = planImport({ name: 'r.csv', text: 'title,body\nA,"never closed\n' }, before);
    expect(plan.add).toEqual([]);
    expect(plan.invalid[0]).toMatchObject({ row: 2, reason: expect.stringMatching(/Unreadable CSV row/) });
    expect(await listReplies()).toEqual(before);
  });

  it('detects the format from the content when the name says nothing', () => {
    expect(planImport({ name: 'replies', text: json([{ title: 'A', body: 'a' }]) }, []).format).toBe('json');
    expect(planImport({ name: 'replies', text: 'title,body\nA,a' }, []).format).toBe('csv');
  });
});

describe('CSV export', () => {
  it('escapes commas, quotes and newlines and reads back', async () => {
    await createReply({ title: 'Tricky, "quoted"', body: 'Line 1, with comma\nLine "2"', tags: ['x', 'y'], platforms: ['x'] });
    const all = await listReplies();
    const csv = exportCsv(all);
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const row = parsed.data.find((r) => r.title === 'Tricky, "quoted"');
    expect(row).toMatchObject({ body: 'Line 1, with comma\nLine "2"', tags: 'x; y', platforms: 'x' });
    const plan = planImport({ name: 'export.csv', text: csv }, all);
    expect(plan.update).toHaveLength(all.length);
    expect(plan.invalid).toEqual([]);
    expect(plan.update.find((r) => r.title.startsWith('Tricky'))).toMatchObject({ tags: ['x', 'y'], platforms: ['x'] });
  });
});
