/**
 * Hotkeys as the user writes them in options ("Ctrl+Shift+Space", "Alt+K", "Mod+/") and matching
 * them against key events. Letters and digits match by physical key (event.code) too, so Shift or a
 * non-Latin layout does not change them.
 */
export interface Hotkey {
  ctrl: boolean;
  shift: boolean;
  alt: boolean;
  meta: boolean;
  /** Normalised key name: "space", "k", "/", "enter", "f2"… */
  key: string;
}

const KEY_ALIASES: Record<string, string> = {
  spacebar: 'space',
  ' ': 'space',
  esc: 'escape',
  return: 'enter',
  slash: '/',
  period: '.',
  comma: ',',
  semicolon: ';',
};

export function parseHotkey(value: string, isMac = false): Hotkey | null {
  const parts = value
    .split('+')
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean);
  if (value.trim().endsWith('++')) parts.push('+');
  const hotkey: Hotkey = { ctrl: false, shift: false, alt: false, meta: false, key: '' };
  for (const part of parts) {
    if (part === 'ctrl' || part === 'control') hotkey.ctrl = true;
    else if (part === 'shift') hotkey.shift = true;
    else if (part === 'alt' || part === 'option') hotkey.alt = true;
    else if (part === 'meta' || part === 'cmd' || part === 'command' || part === 'super') hotkey.meta = true;
    else if (part === 'mod') {
      if (isMac) hotkey.meta = true;
      else hotkey.ctrl = true;
    } else if (!hotkey.key) hotkey.key = KEY_ALIASES[part] ?? part;
    else return null;
  }
  return hotkey.key ? hotkey : null;
}

function keyOf(event: Pick<KeyboardEvent, 'key' | 'code'>): string[] {
  const names = new Set<string>();
  const key = event.key.toLowerCase();
  names.add(KEY_ALIASES[key] ?? key);
  const code = event.code ?? '';
  if (code === 'Space') names.add('space');
  const letter = /^Key([A-Z])$/.exec(code)?.[1];
  if (letter) names.add(letter.toLowerCase());
  const digit = /^Digit(\d)$/.exec(code)?.[1];
  if (digit) names.add(digit);
  return [...names];
}

export function matchesHotkey(
  event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'shiftKey' | 'altKey' | 'metaKey'>,
  hotkey: Hotkey | null,
): boolean {
  if (!hotkey) return false;
  if (event.ctrlKey !== hotkey.ctrl || event.shiftKey !== hotkey.shift || event.altKey !== hotkey.alt || event.metaKey !== hotkey.meta) {
    return false;
  }
  return keyOf(event).includes(hotkey.key);
}
