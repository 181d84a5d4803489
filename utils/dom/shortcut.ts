/**
 * Shortcut expansion: the word right before the caret is a reply's shortcut ("/thanks", ";price").
 * Only a whole word counts: it starts the line or follows white space, and nothing follows it.
 * An exact match wins over one that differs only in case.
 */
export interface HasShortcut {
  shortcut?: string | undefined;
}

export interface ShortcutMatch<T> {
  reply: T;
  /** How many characters before the caret the typed shortcut takes. */
  length: number;
}

export function matchShortcut<T extends HasShortcut>(textBeforeCaret: string | null, replies: readonly T[]): ShortcutMatch<T> | null {
  if (!textBeforeCaret) return null;
  const word = /(?:^|[\s\u00A0])(\S+)$/.exec(textBeforeCaret)?.[1];
  if (!word || word.length < 2 || word.length > 32) return null;
  let folded: T | null = null;
  for (const reply of replies) {
    const shortcut = reply.shortcut;
    if (!shortcut) continue;
    if (shortcut === word) return { reply, length: word.length };
    if (!folded && shortcut.toLowerCase() === word.toLowerCase()) folded = reply;
  }
  return folded ? { reply: folded, length: word.length } : null;
}
