import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing';
import { hotkeyFromEvent, SettingsView } from '@/components/SettingsView';
import { getSettings, saveSettings } from '@/utils/settings';

afterEach(() => {
  cleanup();
  fakeBrowser.reset();
});

describe('SettingsView', () => {
  it('loads, edits and saves every setting', async () => {
    await saveSettings({ myName: 'Old', slaMinutes: 15 });
    const user = userEvent.setup();
    render(<SettingsView />);
    const name = await screen.findByRole('textbox', { name: 'Your name' });
    expect(name).toHaveValue('Old');
    await user.clear(name);
    await user.type(name, 'Sam Rivera');
    const sla = screen.getByRole('textbox', { name: 'Reply-time target (minutes)' });
    await user.clear(sla);
    await user.type(sla, '30');
    await user.click(screen.getByRole('checkbox', { name: 'Snapchat' }));
    await user.click(screen.getByRole('checkbox', { name: 'Store message previews' }));
    await user.click(screen.getByRole('checkbox', { name: 'Notifications' }));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Settings saved.'));
    const saved = await getSettings();
    expect(saved).toMatchObject({ myName: 'Sam Rivera', slaMinutes: 30, storePreviews: false, notifications: true });
    expect(saved.enabledPlatforms).not.toContain('snapchat');
    expect(saved.enabledPlatforms).toHaveLength(6);
  });

  it('refuses a bad reply-time target inline and keeps the stored one', async () => {
    const user = userEvent.setup();
    render(<SettingsView />);
    const sla = await screen.findByRole('textbox', { name: 'Reply-time target (minutes)' });
    await user.clear(sla);
    await user.type(sla, '0');
    expect(sla).toHaveAttribute('aria-invalid', 'true');
    expect(sla).toHaveAccessibleDescription(/whole minutes from 1 to 1440/);
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(screen.getByRole('alert')).toHaveTextContent(/1 to 1440/);
    expect((await getSettings()).slaMinutes).toBe(10);
  });

  it('records a hotkey from the keyboard, Escape cancels, and it can be reset', async () => {
    const user = userEvent.setup();
    render(<SettingsView />);
    const record = await screen.findByRole('button', { name: /Overlay hotkey Ctrl\+Shift\+Space/ });
    await user.click(record);
    expect(record).toHaveAttribute('aria-pressed', 'true');
    await user.keyboard('{Alt>}k{/Alt}');
    expect(screen.getByRole('button', { name: /Overlay hotkey Alt\+K/ })).toHaveAttribute('aria-pressed', 'false');
    await user.click(record);
    await user.keyboard('{Escape}');
    expect(record).toHaveAttribute('aria-pressed', 'false');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(async () => expect((await getSettings()).hotkey).toBe('Alt+K'));
    await user.click(screen.getByRole('button', { name: 'Reset to Ctrl+Shift+Space' }));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(async () => expect((await getSettings()).hotkey).toBe('Ctrl+Shift+Space'));
  });

  it('hotkeyFromEvent needs a modifier and names keys', () => {
    const ev = (p: Partial<Parameters<typeof hotkeyFromEvent>[0]>) =>
      hotkeyFromEvent({ key: '', code: '', ctrlKey: false, shiftKey: false, altKey: false, metaKey: false, ...p });
    expect(ev({ key: ' ', code: 'Space', ctrlKey: true, shiftKey: true })).toBe('Ctrl+Shift+Space');
    expect(ev({ key: 'r', code: 'KeyR' })).toBeNull();
    expect(ev({ key: 'Shift', code: 'ShiftLeft', shiftKey: true })).toBeNull();
    expect(ev({ key: '!', code: 'Digit1', ctrlKey: true, shiftKey: true })).toBe('Ctrl+Shift+1');
  });
});
