import { z } from 'zod';
import { browser } from 'wxt/browser';
import { PLATFORM_IDS } from './platforms/hosts';
import { platformIdSchema } from './platforms/contract';

export const DEFAULT_HOTKEY = 'Ctrl+Shift+Space';

export const settingsSchema = z.object({
  /** For {{my_name}}. */
  myName: z.string().max(100).default(''),
  /** Reply-time target; "due soon" at half of it. */
  slaMinutes: z.number().int().min(1).max(24 * 60).default(10),
  /** Opens the overlay while a composer has focus. */
  hotkey: z.string().min(1).max(40).default(DEFAULT_HOTKEY),
  enabledPlatforms: z.array(platformIdSchema).default([...PLATFORM_IDS]),
  /** Store short message previews with the queue. */
  storePreviews: z.boolean().default(true),
  /** Desktop notification when a conversation starts waiting on a platform not in front. */
  notifications: z.boolean().default(false),
});
export type Settings = z.infer<typeof settingsSchema>;

const KEY = 'settings';

export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}

/**
 * Settings read back from storage are untrusted: each field that fails its check falls back to
 * its default instead of losing the others.
 */
export function parseSettings(raw: unknown): Settings {
  const defaults = defaultSettings();
  if (!raw || typeof raw !== 'object') return defaults;
  const out: Record<string, unknown> = { ...defaults };
  for (const [key, field] of Object.entries(settingsSchema.shape)) {
    const value = (raw as Record<string, unknown>)[key];
    if (value === undefined) continue;
    const parsed = (field as z.ZodType).safeParse(value);
    if (parsed.success) out[key] = parsed.data;
  }
  return out as Settings;
}

export async function getSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(KEY);
  return parseSettings(stored[KEY]);
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = settingsSchema.parse({ ...(await getSettings()), ...patch });
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

/** Calls back with the new settings whenever they change; returns the unsubscribe function. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) callback(parseSettings(changes[KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
