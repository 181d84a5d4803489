import { describe, expect, it } from 'vitest';
import { detectEditor, editableRootOf, gained, textBeforeCaret } from '@/utils/dom/editors';
import { restoreCaret, saveCaret, STRATEGIES } from '@/utils/dom/insert';
import { matchShortcut } from '@/utils/dom/shortcut';
import { matchesHotkey, parseHotkey } from '@/utils/content/overlay/hotkey';
import { cornerPosition, intersects, sendButtonsNear } from '@/utils/content/overlay/position';
import { createReplySearch } from '@/utils/replies/search';
import type { Reply } from '@/utils/replies/model';

function html(markup: string): HTMLElement {
  document.body.innerHTML = markup;
  return document.body;
}

describe('detectEditor', () => {
  it('tells the four editor kinds apart by their markers', () => {
    html(`
      <div id="lex" role="textbox" contenteditable="true" data-lexical-editor="true"><p><span id="lex-span">hi</span></p></div>
      <div class="DraftEditor-root"><div id="draft" class="notranslate public-DraftEditor-content" contenteditable="true"><div data-block="true"><span id="draft-span">x</span></div></div></div>
      <textarea id="ta" data-testid="dm-composer-textarea"></textarea>
      <div id="li" class="msg-form__contenteditable" contenteditable="true" role="textbox"><p id="li-p">a</p></div>
      <input id="search" type="search"><input id="check" type="checkbox">
      <div id="plain">not editable</div>`);
    const $ = (id: string) => document.getElementById(id)!;
    expect(detectEditor($('lex'))).toEqual({ kind: 'lexical', root: $('lex') });
    expect(detectEditor($('lex-span'))).toEqual({ kind: 'lexical', root: $('lex') });
    expect(detectEditor($('draft-span'))).toEqual({ kind: 'draft', root: $('draft') });
    expect(detectEditor($('ta'))).toEqual({ kind: 'textarea', root: $('ta') });
    expect(detectEditor($('li-p'))).toEqual({ kind: 'contenteditable', root: $('li') });
    expect(detectEditor($('search'))?.kind).toBe('textarea');
    expect(detectEditor($('check'))).toBeNull();
    expect(detectEditor($('plain'))).toBeNull();
  });

  it('knows Slate by its marker, and never puts text into it by execCommand', () => {
    // Slate ignores native edits: execCommand's text would show in the DOM and not be sent.
    html('<div id="s" role="textbox" contenteditable="true" data-slate-editor="true"><div data-slate-node="element"><span id="s-leaf">hi</span></div></div>');
    const found = detectEditor(document.getElementById('s-leaf'));
    expect(found).toEqual({ kind: 'slate', root: document.getElementById('s') });
    expect(STRATEGIES[found!.kind]).not.toContain('contenteditable');
  });

  it('knows CKEditor 5 by its editable class, and puts text in by its clipboard, never by execCommand', () => {
    html('<div id="ck" class="ck ck-content ck-editor__editable ck-editor__editable_inline" role="textbox" contenteditable="true"><p id="ck-p">hi</p></div>');
    const found = detectEditor(document.getElementById('ck-p'));
    expect(found).toEqual({ kind: 'ckeditor', root: document.getElementById('ck') });
    expect(STRATEGIES[found!.kind]).toEqual(['draft']);
  });

  it('knows Trix by its element, and tries its paste first', () => {
    html('<trix-editor id="t" contenteditable="" role="textbox"><div id="t-block">hi</div></trix-editor>');
    const found = detectEditor(document.getElementById('t-block'));
    expect(found).toEqual({ kind: 'trix', root: document.getElementById('t') });
    expect(STRATEGIES[found!.kind][0]).toBe('draft');
  });

  it('finds the editor inside a wrapper (an adapter may return the container)', () => {
    html('<div id="wrap" data-testid="dmComposerTextInput"><div class="DraftEditor-root"><div id="d" class="public-DraftEditor-content" contenteditable="true"></div></div></div>');
    expect(detectEditor(document.getElementById('wrap'))?.root.id).toBe('d');
  });

  it('refuses disabled and read-only fields and contenteditable="false" islands', () => {
    html('<textarea id="a" disabled></textarea><textarea id="b" readonly></textarea><div contenteditable="false" id="c"><span id="s">x</span></div>');
    expect(detectEditor(document.getElementById('a'))).toBeNull();
    expect(detectEditor(document.getElementById('b'))).toBeNull();
    expect(editableRootOf(document.getElementById('s'))).toBeNull();
  });

  it('takes the outermost editable element as the root', () => {
    html('<div id="outer" contenteditable="true"><div id="inner" contenteditable="true"><span id="t">x</span></div></div>');
    expect(editableRootOf(document.getElementById('t'))?.id).toBe('outer');
  });
});

describe('saveCaret / restoreCaret', () => {
  const caretIn = (root: HTMLElement, text: Text, offset: number) => {
    root.focus();
    const range = document.createRange();
    range.setStart(text, offset);
    range.collapse(true);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
  };
  const caret = () => {
    const range = document.getSelection()!.getRangeAt(0);
    return { node: range.startContainer.nodeValue, offset: range.startOffset };
  };

  it('puts the caret back where it was', () => {
    document.body.innerHTML = '<div id="e" contenteditable="true"><p>Hello</p><p>there</p></div>';
    const root = document.getElementById('e')!;
    caretIn(root, root.lastElementChild!.firstChild as Text, 2);
    const saved = saveCaret(root);
    caretIn(root, root.firstElementChild!.firstChild as Text, 0);
    restoreCaret(root, saved);
    expect(caret()).toEqual({ node: 'there', offset: 2 });
  });

  it('finds the same place in the text when the editor has rendered its nodes anew (Trix on focus)', () => {
    document.body.innerHTML = '<div id="e" contenteditable="true"><div>AB</div></div>';
    const root = document.getElementById('e')!;
    caretIn(root, root.firstElementChild!.firstChild as Text, 1);
    const saved = saveCaret(root);
    // The same text in new nodes: the saved live range falls back to the root.
    root.innerHTML = '<div>AB</div>';
    restoreCaret(root, saved);
    expect(caret()).toEqual({ node: 'AB', offset: 1 });
  });
});

describe('gained (read-back check)', () => {
  it('accepts the text whatever the editor did with line breaks, and only when it is new', () => {
    expect(gained('AB', 'AThanks\n\nline 2B', 'Thanks\nline 2')).toBe(true);
    expect(gained('AB', 'AB', 'Thanks')).toBe(false);
    expect(gained('Thanks', 'Thanks', 'Thanks')).toBe(false);
    expect(gained('Thanks', 'Thanks Thanks', 'Thanks')).toBe(true);
  });
});

describe('textBeforeCaret', () => {
  it('reads the current line of a textarea up to the caret', () => {
    html('<textarea id="t"></textarea>');
    const t = document.getElementById('t') as HTMLTextAreaElement;
    t.value = 'first line\nsay /thx now';
    t.setSelectionRange(15, 15);
    expect(textBeforeCaret(t)).toBe('say /thx'.slice(0, 4));
    t.setSelectionRange(19, 19);
    expect(textBeforeCaret(t)).toBe('say /thx');
  });
  it('reads the caret block of a contenteditable', () => {
    html('<div id="r" contenteditable="true"><p>one</p><p id="p2">two /thx</p></div>');
    const p2 = document.getElementById('p2')!;
    const range = document.createRange();
    range.setStart(p2.firstChild!, 8);
    range.collapse(true);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    expect(textBeforeCaret(document.getElementById('r')!)).toBe('two /thx');
  });
});

describe('matchShortcut', () => {
  const replies = [{ id: 'a', shortcut: '/thx' }, { id: 'b', shortcut: ';Price' }, { id: 'c' }];
  it('matches a whole word right before the caret', () => {
    expect(matchShortcut('Hello /thx', replies)).toEqual({ reply: replies[0], length: 4 });
    expect(matchShortcut('/thx', replies)?.reply.id).toBe('a');
    expect(matchShortcut('tab\u00A0/thx', replies)?.reply.id).toBe('a');
  });
  it('prefers an exact match, then one that differs only in case', () => {
    expect(matchShortcut('see ;price', replies)?.reply.id).toBe('b');
    const both = [{ id: 'x', shortcut: 'Hi' }, { id: 'y', shortcut: 'hi' }];
    expect(matchShortcut('hi', both)?.reply.id).toBe('y');
  });
  it('does not match inside a word, after a space, or with nothing typed', () => {
    expect(matchShortcut('Hello/thx', replies)).toBeNull();
    expect(matchShortcut('/thxx', replies)).toBeNull();
    expect(matchShortcut('Hello /thx ', replies)).toBeNull();
    expect(matchShortcut('', replies)).toBeNull();
    expect(matchShortcut(null, replies)).toBeNull();
  });
});

describe('hotkeys', () => {
  const key = (init: Partial<KeyboardEvent>) => ({ key: '', code: '', ctrlKey: false, shiftKey: false, altKey: false, metaKey: false, ...init });
  it('parses and matches the default Ctrl+Shift+Space', () => {
    const hk = parseHotkey('Ctrl+Shift+Space');
    expect(matchesHotkey(key({ key: ' ', code: 'Space', ctrlKey: true, shiftKey: true }), hk)).toBe(true);
    expect(matchesHotkey(key({ key: ' ', code: 'Space', ctrlKey: true }), hk)).toBe(false);
    expect(matchesHotkey(key({ key: ' ', code: 'Space', ctrlKey: true, shiftKey: true, altKey: true }), hk)).toBe(false);
  });
  it('matches letters by physical key and maps Mod per platform', () => {
    expect(matchesHotkey(key({ key: 'л', code: 'KeyK', altKey: true }), parseHotkey('Alt+K'))).toBe(true);
    expect(parseHotkey('Mod+/', true)).toMatchObject({ meta: true, ctrl: false, key: '/' });
    expect(parseHotkey('Mod+/', false)).toMatchObject({ meta: false, ctrl: true, key: '/' });
    expect(parseHotkey('Ctrl+A+B')).toBeNull();
    expect(parseHotkey('Ctrl+')).toBeNull();
  });
});

describe('corner button position', () => {
  const viewport = { width: 1000, height: 800 };
  const composer = { left: 100, top: 600, width: 500, height: 40 };
  it('sits above the top-right corner when that is free', () => {
    const box = cornerPosition(composer, [], 24, viewport);
    expect(box).toEqual({ left: 576, top: 572, width: 24, height: 24 });
  });
  it('moves away from a send button that occupies that corner', () => {
    const send = { left: 560, top: 560, width: 60, height: 40 };
    const box = cornerPosition(composer, [send], 24, viewport);
    expect(intersects(box, send)).toBe(false);
  });
  it('finds the send button beside a composer by its markers', () => {
    html('<form><div id="c" contenteditable="true"></div><button class="msg-form__send-button">Send</button><button>Emoji</button></form>');
    expect(sendButtonsNear(document.getElementById('c')!).map((b) => b.textContent)).toEqual(['Send']);
  });
});

describe('createReplySearch as the overlay calls it', () => {
  const r = (id: string, title: string, body: string, extra: Partial<Reply> = {}): Reply => ({
    id, title, body, tags: [], platforms: [], createdAt: 0, updatedAt: 0, useCount: 0, ...extra,
  });
  const replies = [
    r('body', 'Opening hours', 'We ship worldwide'),
    r('title', 'Shipping times', 'Two days'),
    r('short', 'Other', 'x', { shortcut: 'ship' }),
    r('li', 'Shipping on LinkedIn', 'x', { platforms: ['linkedin'] }),
  ];
  it('ranks shortcut > title > body and filters by platform', () => {
    expect(createReplySearch(replies).search('ship', { platform: 'instagram' }).map((x) => x.id)).toEqual(['short', 'title', 'body']);
    expect(createReplySearch(replies).search('ship', { platform: 'linkedin' }).map((x) => x.id)).toContain('li');
  });
  it('an empty query lists everything usable, most used first', () => {
    const used = [...replies, r('used', 'Zed', 'z', { useCount: 5 })];
    expect(createReplySearch(used).search('', { platform: 'x' })[0]!.id).toBe('used');
  });
});

describe('focused-editor detection (keys, focus)', () => {
  it('does not reach into a page for an editor when the key came from outside one', () => {
    html('<main id="m"><div id="c" contenteditable="true"></div></main>');
    expect(detectEditor(document.getElementById('m'), { descend: false })).toBeNull();
    expect(detectEditor(document.getElementById('m'))?.root.id).toBe('c');
  });
});

describe('editor detection inside a wrapper', () => {
  it.each([
    ['', 'false'],
    ['plaintext-only', 'false'],
    ['TRUE', 'FALSE'],
  ])('finds a contenteditable="%s" editor, not one marked "%s"', (value, off) => {
    html(`<main id="m"><div contenteditable="${off}"><span>x</span></div><div id="c" contenteditable="${value}"></div></main>`);
    expect(detectEditor(document.getElementById('m'))).toEqual({ kind: 'contenteditable', root: document.getElementById('c') });
  });
});
