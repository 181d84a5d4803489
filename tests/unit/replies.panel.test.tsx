import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing';
import { RepliesPanel } from '@/components/RepliesPanel';
import { closeDb, DB_NAME } from '@/utils/db';
import type { PageContext } from '@/utils/messages';
import type { Reply } from '@/utils/replies/model';
import { createReply } from '@/utils/replies/store';
import { saveSettings } from '@/utils/settings';

afterEach(async () => {
  cleanup();
  await closeDb();
  indexedDB.deleteDatabase(DB_NAME);
  fakeBrowser.reset();
});

const base = { tags: [], platforms: [], createdAt: 0, updatedAt: 0, useCount: 0 };
const REPLIES: Reply[] = [
  { ...base, id: 'hi', title: 'Greeting', shortcut: '/hi', body: 'Hi {{first_name|there}}, thanks for writing!', useCount: 5, lastUsedAt: Date.now() },
  { ...base, id: 'order', title: 'Order status', shortcut: '/order', body: 'Hi {{first_name}}, your order is on its way. {{my_name}}' },
  { ...base, id: 'long', title: 'Long terms', body: 'x'.repeat(1500), platforms: ['instagram'] },
];
const ana: PageContext = { platform: 'instagram', contact: { name: 'Ana López', firstName: 'Ana' }, composer: true };

describe('RepliesPanel', () => {
  it('previews each reply for the open conversation and inserts the rendered text', async () => {
    const onInsert = vi.fn();
    const onCopy = vi.fn();
    render(<RepliesPanel context={ana} replies={REPLIES} onInsert={onInsert} onCopy={onCopy} />);
    const list = screen.getByRole('list', { name: 'Matching replies' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    expect(within(list).getByText('Hi Ana, thanks for writing!')).toBeInTheDocument();
    expect(within(list).getByText(/Too long: Instagram: 1,500 of 1,000 bytes/)).toBeInTheDocument();
    const insert = screen.getAllByRole('button', { name: 'Insert' });
    expect(insert).toHaveLength(3);
    expect(screen.queryByRole('button', { name: 'Copy' })).toBeNull();
    // On Instagram the reply scoped to Instagram comes first, then the most used.
    expect(within(list).getAllByRole('listitem').map((li) => li.querySelector('strong')?.textContent)).toEqual(['Long terms', 'Greeting', 'Order status']);
    await userEvent.click(insert[1]!);
    expect(onInsert).toHaveBeenCalledWith('Hi Ana, thanks for writing!', 'hi');
    expect(onCopy).not.toHaveBeenCalled();
  });

  it('offers Copy without a composer, and renders fallbacks without a contact', async () => {
    const onCopy = vi.fn();
    render(<RepliesPanel context={null} replies={REPLIES} onInsert={vi.fn()} onCopy={onCopy} />);
    expect(screen.queryByRole('button', { name: 'Insert' })).toBeNull();
    await userEvent.click(screen.getAllByRole('button', { name: 'Copy' })[0]!); // most used first off a platform
    expect(onCopy).toHaveBeenCalledWith('Hi there, thanks for writing!', 'hi');
    cleanup();
    render(<RepliesPanel context={{ ...ana, composer: false }} replies={REPLIES} onInsert={vi.fn()} onCopy={vi.fn()} />);
    expect(screen.getAllByRole('button', { name: 'Copy' })).toHaveLength(3);
  });

  it('searches as you type; Enter takes the first match; arrows move between replies', async () => {
    const onInsert = vi.fn();
    const user = userEvent.setup();
    render(<RepliesPanel context={ana} replies={REPLIES} onInsert={onInsert} onCopy={vi.fn()} />);
    const search = screen.getByRole('searchbox', { name: 'Search saved replies' });
    await user.type(search, '/ord');
    const items = within(screen.getByRole('list', { name: 'Matching replies' })).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Order status');
    await user.keyboard('{Enter}');
    expect(onInsert).toHaveBeenLastCalledWith('Hi Ana, your order is on its way.', 'order');

    await user.clear(search);
    await user.keyboard('{ArrowDown}');
    const buttons = screen.getAllByRole('button', { name: 'Insert' });
    expect(buttons[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(buttons[1]).toHaveFocus();
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(search).toHaveFocus();

    await user.type(search, 'zzzzqq');
    expect(screen.getByRole('status')).toHaveTextContent('No saved reply matches “zzzzqq”.');
  });

  it('leaves out replies scoped to another platform', () => {
    render(<RepliesPanel context={{ ...ana, platform: 'x' }} replies={REPLIES} onInsert={vi.fn()} onCopy={vi.fn()} />);
    expect(screen.queryByText('Long terms')).toBeNull();
    expect(screen.getByText('Greeting')).toBeInTheDocument();
  });

  it('reads the stored replies and my name when no list is given', async () => {
    await saveSettings({ myName: 'Sam' });
    await createReply({ title: 'Order status', body: 'On its way, {{first_name}}. {{my_name}}' });
    render(<RepliesPanel context={ana} onInsert={vi.fn()} onCopy={vi.fn()} />);
    expect(await screen.findByText('On its way, Ana. Sam')).toBeInTheDocument();
  });

  it('says when there are no replies yet', async () => {
    render(<RepliesPanel context={ana} onInsert={vi.fn()} onCopy={vi.fn()} />);
    expect(await screen.findByText(/No saved replies yet/)).toBeInTheDocument();
  });
});
