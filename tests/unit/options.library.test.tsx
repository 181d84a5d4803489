import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing';
import { ReplyLibrary } from '@/components/ReplyLibrary';
import { useReplies } from '@/components/useReplies';
import { closeDb, DB_NAME } from '@/utils/db';
import { createReply, listReplies } from '@/utils/replies/store';

afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  await closeDb();
  indexedDB.deleteDatabase(DB_NAME);
  fakeBrowser.reset();
});

function Library({ undoMs }: { undoMs?: number }) {
  const { replies, reload } = useReplies();
  return replies ? <ReplyLibrary replies={replies} myName="Sam" reload={reload} {...(undoMs ? { undoMs } : {})} /> : <p>loading</p>;
}

async function seed() {
  await createReply({ title: 'Greeting', body: 'Hi {{first_name|there}}!', shortcut: '/hi', tags: ['greeting'] });
  await createReply({ title: 'Order status', body: 'Your order ships soon.', shortcut: '/order', tags: ['orders'], platforms: ['instagram'] });
  await createReply({ title: 'Pricing', body: 'Prices are on our site.', tags: ['sales'], platforms: ['linkedin'] });
}
const rowTitles = () =>
  within(screen.getByRole('list', { name: 'Saved replies' }))
    .getAllByRole('listitem')
    .map((li) => li.querySelector('strong')?.textContent);

describe('reply library list', () => {
  it('lists, searches and filters by tag and platform', async () => {
    await seed();
    const user = userEvent.setup();
    render(<Library />);
    await screen.findByText('Greeting');
    expect(rowTitles()).toEqual(['Greeting', 'Order status', 'Pricing']);

    await user.type(screen.getByRole('searchbox', { name: 'Search replies' }), 'order');
    expect(rowTitles()).toEqual(['Order status']);
    expect(screen.getByText('1 of 3 saved replies')).toBeInTheDocument();
    await user.clear(screen.getByRole('searchbox', { name: 'Search replies' }));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Tag' }), 'sales');
    expect(rowTitles()).toEqual(['Pricing']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Tag' }), '');

    // Instagram: replies for every platform and those scoped to Instagram.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Platform' }), 'instagram');
    expect(rowTitles()).toEqual(['Greeting', 'Order status']);
  });

  it('deletes with an Undo that restores the reply', async () => {
    await seed();
    const user = userEvent.setup();
    render(<Library />);
    await user.click(await screen.findByRole('button', { name: 'Delete Greeting' }));
    await waitFor(() => expect(rowTitles()).toEqual(['Order status', 'Pricing']));
    expect(screen.getByRole('status')).toHaveTextContent('Deleted “Greeting”.');
    expect((await listReplies()).map((r) => r.title)).not.toContain('Greeting');

    await user.click(within(screen.getByRole('status')).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(rowTitles()).toEqual(['Greeting', 'Order status', 'Pricing']));
    expect(screen.getByRole('status')).toHaveTextContent('Restored “Greeting”.');
    expect((await listReplies()).find((r) => r.title === 'Greeting')?.shortcut).toBe('/hi');
  });

  it('the Undo offer goes away after some seconds', async () => {
    await seed();
    const user = userEvent.setup();
    render(<Library undoMs={50} />);
    await user.click(await screen.findByRole('button', { name: 'Delete Pricing' }));
    await screen.findByRole('button', { name: 'Undo' });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull());
    expect((await listReplies()).map((r) => r.title)).not.toContain('Pricing');
  });

  it('virtualises a long list: 2,000 replies render only a window of rows', async () => {
    const { getDb } = await import('@/utils/db');
    const db = await getDb();
    const tx = db.transaction('replies', 'readwrite');
    for (let i = 0; i < 2000; i++) {
      void tx.store.put({ id: `r${i}`, title: `Reply ${String(i).padStart(4, '0')}`, body: 'b', tags: [], platforms: [], createdAt: 0, updatedAt: 0, useCount: 0 });
    }
    await tx.done;
    // jsdom has no layout: give the scroll box a height.
    const height = vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
    const width = vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
    render(<Library />);
    await screen.findByText('Reply 0000');
    const rows = within(screen.getByRole('list', { name: 'Saved replies' })).getAllByRole('listitem');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(60);
    expect(rows[0]).toHaveAttribute('aria-setsize', '2000');
    expect(screen.getByText('2000 saved replies')).toBeInTheDocument();
    // Search still covers all of them.
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search replies' }), 'Reply 1999');
    await waitFor(() => expect(rowTitles()[0]).toBe('Reply 1999'));
    height.mockRestore();
    width.mockRestore();
  });
});

describe('reply editor', () => {
  it('creates a reply with live preview, variable picker at the caret and length check', async () => {
    const user = userEvent.setup();
    render(<Library />);
    await user.click(await screen.findByRole('button', { name: 'New reply' }));
    const form = screen.getByRole('form', { name: 'New reply' });
    expect(within(form).getByRole('textbox', { name: 'Title' })).toHaveFocus();
    await user.type(within(form).getByRole('textbox', { name: 'Title' }), 'Welcome');
    const body = within(form).getByRole('textbox', { name: 'Body' });
    await user.type(body, 'Hi , welcome!');
    // caret after "Hi "
    (body as HTMLTextAreaElement).setSelectionRange(3, 3);
    await user.click(within(within(form).getByRole('group', { name: 'Insert a variable' })).getByRole('button', { name: '{{first_name}}' }));
    expect(body).toHaveValue('Hi {{first_name}}, welcome!');
    expect(within(form).getByTestId('reply-preview')).toHaveTextContent('Hi Ana, welcome!');
    await user.selectOptions(within(form).getByRole('combobox', { name: /Preview for/ }), '1');
    expect(within(form).getByTestId('reply-preview')).toHaveTextContent('Hi, welcome!');
    expect(within(form).getByRole('list', { name: /Length/ })).toHaveTextContent('Instagram: 12 of 1,000 bytes');

    await user.type(within(form).getByRole('textbox', { name: 'Shortcut (optional)' }), '/welcome');
    await user.type(within(form).getByRole('textbox', { name: /Tags/ }), 'greeting, new');
    await user.click(within(form).getByRole('checkbox', { name: 'Instagram' }));
    await user.click(within(form).getByRole('button', { name: 'Create reply' }));

    await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
    expect(await listReplies()).toEqual([
      expect.objectContaining({ title: 'Welcome', body: 'Hi {{first_name}}, welcome!', shortcut: '/welcome', tags: ['greeting', 'new'], platforms: ['instagram'] }),
    ]);
    expect(screen.getByRole('status')).toHaveTextContent('Created “Welcome”.');
    expect(rowTitles()).toEqual(['Welcome']);
  });

  it('shows validation inline per field and saves nothing', async () => {
    await seed();
    const user = userEvent.setup();
    render(<Library />);
    await user.click(await screen.findByRole('button', { name: 'New reply' }));
    const form = screen.getByRole('form', { name: 'New reply' });
    await user.type(within(form).getByRole('textbox', { name: 'Body' }), 'Hi {{{{frist_name}}');
    await user.type(within(form).getByRole('textbox', { name: 'Shortcut (optional)' }), '/HI');
    await user.click(within(form).getByRole('button', { name: 'Create reply' }));
    const title = within(form).getByRole('textbox', { name: 'Title' });
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription('Title is required.');
    expect(title).toHaveFocus();
    expect(within(form).getByRole('textbox', { name: 'Body' })).toHaveAccessibleDescription(/Unknown variable \{\{frist_name\}\}/);
    expect(within(form).getByRole('textbox', { name: 'Shortcut (optional)' })).toHaveAccessibleDescription(/Shortcut \/HI is already used by “Greeting”/);
    expect(await listReplies()).toHaveLength(3);

    const long = 'a'.repeat(1001);
    const bodyBox = within(form).getByRole('textbox', { name: 'Body' });
    await user.clear(bodyBox);
    await act(async () => {
      // typing 1,001 characters one by one is slow; paste them
      bodyBox.focus();
    });
    await user.paste(long);
    expect(within(form).getByRole('list', { name: /Length/ })).toHaveTextContent(/Instagram: 1,001 of 1,000 bytes — too long/);
  });

  it('edits an existing reply and returns focus to its Edit button on cancel', async () => {
    await seed();
    const user = userEvent.setup();
    render(<Library />);
    const edit = await screen.findByRole('button', { name: 'Edit Greeting' });
    await user.click(edit);
    const form = screen.getByRole('form', { name: 'Edit “Greeting”' });
    const title = within(form).getByRole('textbox', { name: 'Title' });
    expect(title).toHaveValue('Greeting');
    await user.clear(title);
    await user.type(title, 'Hello');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(rowTitles()).toContain('Hello'));
    expect((await listReplies()).find((r) => r.shortcut === '/hi')?.title).toBe('Hello');

    await user.click(screen.getByRole('button', { name: 'Edit Hello' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Edit Hello' })).toHaveFocus());
  });
});
