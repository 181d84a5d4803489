import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing';
import { ImportExportView } from '@/components/ImportExportView';
import { closeDb, DB_NAME } from '@/utils/db';
import { createReply, listReplies } from '@/utils/replies/store';

beforeEach(async () => {
  await createReply({ title: 'Greeting', body: 'Hi {{first_name|there}}', shortcut: '/hi' });
});
afterEach(async () => {
  cleanup();
  await closeDb();
  indexedDB.deleteDatabase(DB_NAME);
  fakeBrowser.reset();
});

const file = (name: string, text: string, type = 'text/plain') => new File([text], name, { type });
const JSON_FILE = JSON.stringify({
  format: 'dm-desk/replies',
  version: 1,
  replies: [
    { title: 'Order status', body: 'Checking, {{first_name}}!', shortcut: '/order' },
    { title: 'Clash', body: 'x', shortcut: '/HI' },
    { title: 'Typo', body: '{{frist_name}}' },
  ],
});

describe('ImportExportView', () => {
  it('shows the report first; Confirm commits it', async () => {
    const onImported = vi.fn();
    const user = userEvent.setup();
    render(<ImportExportView onImported={onImported} />);
    await user.upload(screen.getByLabelText('Import saved replies'), file('replies.json', JSON_FILE));
    const report = await screen.findByRole('region', { name: 'Import report for replies.json' });
    expect(report).toHaveTextContent('To add: 1');
    expect(report).toHaveTextContent('To update: 0');
    expect(report).toHaveTextContent('Skipped: 1');
    expect(report).toHaveTextContent('Invalid: 1');
    expect(report).toHaveTextContent('Row 2: “Clash” — Shortcut /HI is already used by “Greeting”.');
    expect(report).toHaveTextContent('Row 3: Unknown variable {{frist_name}}');
    expect(await listReplies()).toHaveLength(1); // nothing written before Confirm

    await user.click(within(report).getByRole('button', { name: 'Confirm import' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Imported replies.json: 1 reply added, 0 updated.'));
    expect((await listReplies()).map((r) => r.title).sort()).toEqual(['Greeting', 'Order status']);
    expect(onImported).toHaveBeenCalled();
    expect(screen.queryByRole('region', { name: /Import report/ })).toBeNull();
  });

  it('Cancel leaves the library as it was', async () => {
    const user = userEvent.setup();
    render(<ImportExportView />);
    await user.upload(screen.getByLabelText('Import saved replies'), file('r.csv', 'title,body\nA,a\n'));
    const report = await screen.findByRole('region', { name: /Import report/ });
    await user.click(within(report).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('status')).toHaveTextContent('Import cancelled; nothing was changed.');
    expect((await listReplies()).map((r) => r.title)).toEqual(['Greeting']);
    expect(screen.getByLabelText('Import saved replies')).toHaveFocus();
  });

  it('a refused file shows a clear error and no report', async () => {
    const user = userEvent.setup();
    render(<ImportExportView />);
    await user.upload(screen.getByLabelText('Import saved replies'), file('r.csv', 'name,text\nA,b\n'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Cannot import r.csv: The CSV needs a header row with the columns title and body');
    expect(screen.queryByRole('region', { name: /Import report/ })).toBeNull();
    await user.upload(screen.getByLabelText('Import saved replies'), file('big.json', 'x'.repeat(5 * 1024 * 1024 + 1)));
    expect(await screen.findByRole('alert')).toHaveTextContent(/files up to 5 MB/);
    expect((await listReplies()).map((r) => r.title)).toEqual(['Greeting']);
  });

  it('exports JSON by default and CSV as an option', async () => {
    const download = vi.fn();
    const user = userEvent.setup();
    render(<ImportExportView download={download} />);
    await user.click(screen.getByRole('button', { name: 'Export saved replies' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    const [name, text, type] = download.mock.calls[0]!;
    expect(name).toMatch(/^dm-desk-replies-\d{4}-\d\d-\d\d\.json$/);
    expect(type).toBe('application/json');
    expect(JSON.parse(text)).toMatchObject({ format: 'dm-desk/replies', version: 1, replies: [{ title: 'Greeting', shortcut: '/hi' }] });

    await user.click(screen.getByRole('radio', { name: /CSV/ }));
    await user.click(screen.getByRole('button', { name: 'Export saved replies' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(2));
    const [csvName, csv, csvType] = download.mock.calls[1]!;
    expect(csvName).toMatch(/\.csv$/);
    expect(csvType).toBe('text/csv');
    expect(csv.split('\r\n')[0]).toBe('id,title,shortcut,tags,platforms,body,useCount,lastUsedAt');
    expect(screen.getByRole('status')).toHaveTextContent(/Exported 1 reply to/);
  });
});
