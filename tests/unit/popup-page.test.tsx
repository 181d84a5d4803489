import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { copyReply, findTargetTab, insertIntoTab, loadPageContext } from '@/entrypoints/popup/pageContext';

// The popup side of the Replies tab: which tab it acts on, what that page says, insert and copy.
beforeEach(() => fakeBrowser.reset());

describe('target tab', () => {
  it('takes ?tab=<id> when the popup is opened as a page, and refuses anything else there', async () => {
    expect(await findTargetTab('?tab=42')).toBe(42);
    expect(await findTargetTab('?tab=42abc')).toBeNull();
    expect(await findTargetTab('?tab=')).toBeNull();
  });

  it('otherwise asks for the active tab of the current window', async () => {
    const query = vi.spyOn(browser.tabs, 'query').mockResolvedValue([{ id: 7 }] as never);
    expect(await findTargetTab('')).toBe(7);
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    query.mockRejectedValue(new Error('no window'));
    expect(await findTargetTab('')).toBeNull();
  });
});

describe('page context', () => {
  it("is the content script's validated answer, or null", async () => {
    const context = { platform: 'instagram', contact: { name: 'Ana Lima' }, composer: true };
    const sendToTab = vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue(context as never);
    expect(await loadPageContext(3)).toEqual(context);
    expect(sendToTab).toHaveBeenCalledWith(3, { type: 'page:context' });

    sendToTab.mockResolvedValue({ platform: 'myspace', contact: null, composer: true } as never); // fails its schema
    expect(await loadPageContext(3)).toBeNull();
    sendToTab.mockRejectedValue(new Error('Could not establish connection'));
    expect(await loadPageContext(3)).toBeNull();
    expect(await loadPageContext(null)).toBeNull();
  });
});

describe('insert and copy', () => {
  it('inserts through the content script, which counts the use (not counted twice here)', async () => {
    const toTab = vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue({ ok: true, method: 'lexical' } as never);
    const toBackground = vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue({ ok: true } as never);
    expect(await insertIntoTab(5, 'Hi Ana', 'r1')).toEqual({ ok: true, method: 'lexical' });
    expect(toTab).toHaveBeenCalledWith(5, { type: 'composer:insert', text: 'Hi Ana', replyId: 'r1' });
    expect(toBackground).not.toHaveBeenCalled();
  });

  it('does not count a failed insert as a use', async () => {
    vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue({ ok: false, method: 'none', error: 'no composer' } as never);
    const toBackground = vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue({ ok: true } as never);
    expect(await insertIntoTab(5, 'Hi', 'r1')).toMatchObject({ ok: false, error: 'no composer' });
    expect(toBackground).not.toHaveBeenCalled();
    vi.spyOn(browser.tabs, 'sendMessage').mockRejectedValue(new Error('gone'));
    expect(await insertIntoTab(5, 'Hi', 'r1')).toMatchObject({ ok: false, error: 'gone' });
    expect(await insertIntoTab(null, 'Hi', 'r1')).toMatchObject({ ok: false });
  });

  it('copies to the clipboard, then records the use', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const toBackground = vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue({ ok: true } as never);
    await copyReply('Thanks!', 'r2');
    expect(writeText).toHaveBeenCalledWith('Thanks!');
    expect(toBackground).toHaveBeenCalledWith({ type: 'reply:used', id: 'r2' });
    vi.unstubAllGlobals();
  });
});
