import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing';
import { DeleteAllData } from '@/components/DeleteAllData';
import { closeDb, DB_NAME } from '@/utils/db';
import { createReply } from '@/utils/replies/store';
import { OptionsApp } from '@/entrypoints/options/OptionsApp';

afterEach(async () => {
  cleanup();
  await closeDb();
  indexedDB.deleteDatabase(DB_NAME);
  fakeBrowser.reset();
});

describe('OptionsApp', () => {
  it('has every section, labelled, with the response-time and platform-health views', async () => {
    await createReply({ title: 'Greeting', body: 'Hi' });
    render(<OptionsApp />);
    expect(screen.getByRole('heading', { level: 1, name: 'DM Desk' })).toBeInTheDocument();
    for (const name of ['Saved replies', 'Settings', 'Import and export', 'Response times', 'Platform health', 'Data']) {
      expect(screen.getByRole('region', { name })).toBeInTheDocument();
      expect(within(screen.getByRole('navigation', { name: 'Sections' })).getByRole('link', { name })).toBeInTheDocument();
    }
    expect(await screen.findByRole('button', { name: 'Edit Greeting' })).toBeInTheDocument();
    expect(screen.getByLabelText('Import saved replies')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export saved replies' })).toBeInTheDocument();
  });

  it('an import shows up in the library on the same page', async () => {
    const user = userEvent.setup();
    render(<OptionsApp />);
    await screen.findByText('0 saved replies');
    const csv = new File(['title,body,shortcut\nWelcome,"Hi, {{first_name}}",/welcome\n'], 'r.csv');
    await user.upload(screen.getByLabelText('Import saved replies'), csv);
    await user.click(await screen.findByRole('button', { name: 'Confirm import' }));
    expect(await screen.findByRole('button', { name: 'Edit Welcome' })).toBeInTheDocument();
  });
});

describe('DeleteAllData', () => {
  it('asks for confirmation, Cancel does nothing, confirming sends data:delete-all', async () => {
    const received: unknown[] = [];
    const listener = (m: unknown) => {
      received.push(m);
      return Promise.resolve({ ok: true });
    };
    fakeBrowser.runtime.onMessage.addListener(listener);
    const user = userEvent.setup();
    render(<DeleteAllData />);
    await user.click(screen.getByRole('button', { name: 'Delete all data' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete all data?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(received).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Delete all data' }));
    await user.click(screen.getByRole('button', { name: 'Delete everything' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('All DM Desk data was deleted.'));
    expect(received).toEqual([{ type: 'data:delete-all' }]);
    fakeBrowser.runtime.onMessage.removeListener(listener);
  });

  it('says so when the background does not answer', async () => {
    const user = userEvent.setup();
    render(<DeleteAllData />);
    await user.click(screen.getByRole('button', { name: 'Delete all data' }));
    await user.click(screen.getByRole('button', { name: 'Delete everything' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Could not delete the data/);
  });
});
