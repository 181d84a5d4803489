import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, waitFor, type Extension } from './harness';
import type { PagePlatform } from './editors/platforms';
import { askFromPopup, composerFocused, insertByKeyboard, openEditorPage, stateBecomes } from './overlay-helpers';
import { reply, seedReplies, useCounts } from './replies-seed';

// Inserting into the four editor kinds, each the real thing (Lexical 0.39, Draft.js 0.11.7, a React
// textarea, a plain contenteditable) served at a platform URL that uses it, and into two editors
// no platform uses today (ProseMirror, Quill, Slate). Every check reads the
// editor's own state, not the DOM: text the editor does not know about would be lost on the next
// keystroke or on send.
const MULTI = reply('multi', 'Shipping times', 'Thanks for writing!\nIt ships in 2 days{{cursor}}.');
const MULTI_TEXT = 'Thanks for writing!\nIt ships in 2 days.';

let ext: Extension;
beforeAll(async () => {
  ext = await launchExtension();
  await seedReplies(ext, [MULTI, reply('other', 'Opening hours', 'We are open 9–5.')]);
});
afterAll(async () => ext?.close());

/**
 * `groupMs`: the editor's own history merges edits made this close together into one undo step
 * (ProseMirror's newGroupDelay, 500 ms; Quill's history delay, 1,000 ms here), typing included.
 * Picking a reply takes a person longer; the test waits as long before inserting.
 */
/**
 * `caretMs`: the editor renders typed text and takes a move of the caret a moment later (Trix); a
 * person does not press keys that fast, so the test waits as long after typing and after the
 * arrow key.
 */
const EDITORS: { kind: PagePlatform; label: string; groupMs?: number; caretMs?: number }[] = [
  { kind: 'instagram', label: 'Lexical (Instagram)' },
  { kind: 'x-legacy', label: 'Draft.js (X legacy DMs)' },
  { kind: 'linkedin', label: 'plain contenteditable with <p> lines (LinkedIn)' },
  { kind: 'linkedin-shadow', label: 'the same inside a web component\'s shadow root (LinkedIn page)' },
  { kind: 'x-chat', label: 'React-controlled textarea (X Chat)' },
  // Editors DM Desk has no strategy for, as a platform could adopt tomorrow.
  { kind: 'linkedin-prosemirror', label: 'ProseMirror (LinkedIn markers)', groupMs: 600 },
  { kind: 'tiktok-quill', label: 'Quill (TikTok markers)', groupMs: 1100 },
  { kind: 'snapchat-slate', label: 'Slate (Snapchat page)' },
  { kind: 'whatsapp-ckeditor', label: 'CKEditor 5 (WhatsApp page)' },
  { kind: 'tiktok-trix', label: 'Trix (TikTok page)', caretMs: 300 },
];

describe.each(EDITORS)('$label', ({ kind, groupMs, caretMs }) => {
  test('goes in at the caret, keeps line breaks, is one undo step', async () => {
    const opened = await openEditorPage(ext, kind);
    const { page } = opened;
    await page.click(opened.spec.composer);
    await page.keyboard.type('AB');
    expect(await stateBecomes(opened, 'AB')).toBe('AB');
    // An editor that renders the typed text late puts the caret back after it (Trix on a busy
    // machine): the arrow key comes once it has, as a person's would.
    if (caretMs) await page.waitForTimeout(caretMs);
    await page.keyboard.press('ArrowLeft');
    if (groupMs || caretMs) await page.waitForTimeout(Math.max(groupMs ?? 0, caretMs ?? 0));
    // The caret is between A and B before the hotkey.
    const textBeforeCaret = () =>
      page.evaluate((selector) => {
        const root = window.__deepQuery(selector)!;
        if (root instanceof HTMLTextAreaElement || root instanceof HTMLInputElement) return root.value.slice(0, root.selectionStart ?? 0);
        // In a shadow tree the document's selection stops at the host; the shadow root has the caret.
        const tree = root.getRootNode() as Document & { getSelection(): Selection | null };
        const selection = tree.getSelection()!;
        if (!selection.rangeCount) return null;
        const range = document.createRange();
        range.selectNodeContents(root);
        range.setEnd(selection.focusNode!, selection.focusOffset);
        return range.toString();
      }, opened.spec.composer);
    expect(await waitFor(textBeforeCaret, (t) => t === 'A').catch(textBeforeCaret)).toBe('A');

    await insertByKeyboard(opened, 'shipping');
    // Text typed before stays, the reply is between A and B, with its line break.
    expect(await stateBecomes(opened, `A${MULTI_TEXT}B`)).toBe(`A${MULTI_TEXT}B`);
    expect(await composerFocused(opened)).toBe(true);

    // One undo removes the whole insertion and nothing else.
    await page.keyboard.press('Control+z');
    expect(await stateBecomes(opened, 'AB')).toBe('AB');

    // Never sent: no send handler ran, no synthetic Enter was dispatched.
    expect(await opened.sends()).toBe(0);
    expect(await opened.syntheticEnters()).toBe(0);
    await page.close();
  });

  test('{{cursor}} leaves the caret there and the next keystroke keeps the text', async () => {
    const opened = await openEditorPage(ext, kind);
    const { page } = opened;
    await page.click(opened.spec.composer);
    await insertByKeyboard(opened, 'shipping');
    expect(await stateBecomes(opened, MULTI_TEXT)).toBe(MULTI_TEXT);
    await page.keyboard.type('!');
    const expected = 'Thanks for writing!\nIt ships in 2 days!.';
    expect(await stateBecomes(opened, expected)).toBe(expected);
    expect(await opened.sends()).toBe(0);
    expect(await opened.syntheticEnters()).toBe(0);
    await page.close();
  });
});

// TinyMCE and CKEditor 4 (classic) edit a <body contenteditable> in a same-origin iframe.
test('an editor in an iframe: the reply goes in at the caret, one undo step, focus back in the frame', async () => {
  const opened = await openEditorPage(ext, 'linkedin-iframe');
  const { page } = opened;
  await page.frameLocator(opened.spec.composer).locator('body').click();
  await page.keyboard.type('AB');
  expect(await stateBecomes(opened, 'AB')).toBe('AB');
  await page.keyboard.press('ArrowLeft');
  await insertByKeyboard(opened, 'shipping');
  expect(await stateBecomes(opened, `A${MULTI_TEXT}B`)).toBe(`A${MULTI_TEXT}B`);
  expect(
    await page.evaluate((selector) => {
      const frame = document.querySelector<HTMLIFrameElement>(selector)!;
      return document.activeElement === frame && frame.contentDocument!.activeElement === frame.contentDocument!.body;
    }, opened.spec.composer),
  ).toBe(true);
  await page.keyboard.press('Control+z');
  expect(await stateBecomes(opened, 'AB')).toBe('AB');
  expect(await opened.sends()).toBe(0);
  expect(await opened.syntheticEnters()).toBe(0);
  await page.close();
});

test('the popup can insert into the page and read its context', async () => {
  const opened = await openEditorPage(ext, 'instagram');
  await opened.page.click(opened.spec.composer);
  const popup = await ext.openPopup();
  const answers = await askFromPopup(popup, opened.spec.url, 'From the popup\nline 2');
  expect(answers.context).toEqual({
    platform: 'instagram',
    contact: { name: 'Ana López', firstName: 'Ana', lastName: 'López' },
    composer: true,
    maxLength: 1000,
  });
  expect(answers.insert).toEqual({ ok: true, method: 'lexical' });
  expect(await stateBecomes(opened, 'From the popup\nline 2')).toBe('From the popup\nline 2');
  // The insertion was counted for the reply.
  await waitFor(() => useCounts(ext), (counts) => counts.other === 1);
  await popup.close();
  await opened.page.close();
});
