import { int, str, z } from './schema';
import { browser } from 'wxt/browser';
import { PLATFORM_IDS } from './platforms/hosts';
import { platformIdSchema } from './platforms/contract';

export const DEFAULT_HOTKEY = 'Ctrl+Shift+Space';

export const settingsSchema = z.object({
  /** For {{my_name}}. */
  myName: z._default(str(100), ''),
  /** Reply-time target; "due soon" at half of it. */
  slaMinutes: z._default(int(1, 24 * 60), 10),
  /** Opens the overlay while a composer has focus. */
  hotkey: z._default(str(40, 1), DEFAULT_HOTKEY),
  enabledPlatforms: z._default(z.array(platformIdSchema), () => [...PLATFORM_IDS]),
  /** Store short message previews with the queue. */
  storePreviews: z._default(z.boolean(), true),
  /** Desktop notification when a conversation starts waiting on a platform not in front. */
  notifications: z._default(z.boolean(), false),
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
    const parsed = (field as z.ZodMiniType).safeParse(value);
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
