import { z } from 'zod';
import { platformIdSchema, type PlatformId } from '../platforms/contract';

/** Variables a reply body may use; `{{name|fallback}}` gives a fallback. */
export const REPLY_VARIABLES = [
  'first_name',
  'last_name',
  'name',
  'handle',
  'platform',
  'my_name',
  'date',
  'time',
  'weekday',
  'cursor',
] as const;
export type ReplyVariable = (typeof REPLY_VARIABLES)[number];

export const REPLY_LIMITS = { title: 120, body: 10_000, tags: 20, tag: 40 } as const;
export const SHORTCUT_PATTERN = /^[A-Za-z0-9;:/._-]{2,32}$/;

/** A saved reply as stored and exchanged. */
export const replySchema = z.object({
  id: z.string().min(1).max(100),
  title: z.string().trim().min(1, 'Title is required').max(REPLY_LIMITS.title),
  body: z.string().max(REPLY_LIMITS.body, `Body is longer than ${REPLY_LIMITS.body} characters`),
  shortcut: z
    .string()
    .regex(SHORTCUT_PATTERN, 'Shortcut: 2–32 letters, digits or ; : / . _ -')
    .optional(),
  tags: z.array(z.string().trim().min(1).max(REPLY_LIMITS.tag)).max(REPLY_LIMITS.tags),
  /** Empty = every platform. */
  platforms: z.array(platformIdSchema),
  createdAt: z.number().int().min(0),
  updatedAt: z.number().int().min(0),
  useCount: z.number().int().min(0),
  lastUsedAt: z.number().int().min(0).optional(),
});
export type Reply = z.infer<typeof replySchema>;

/** What the user edits (the form, an import row): everything except ids, dates and usage. */
export interface ReplyDraft {
  title: string;
  body: string;
  /** '' or undefined = no shortcut. */
  shortcut?: string;
  tags?: string[];
  platforms?: PlatformId[];
}

export type ReplyField = 'title' | 'body' | 'shortcut' | 'tags' | 'platforms';
/** One message per field, for inline display next to that field. */
export type ReplyFieldErrors = Partial<Record<ReplyField, string>>;

/** A refused save: `fields` says what is wrong where, so a form can show it inline. */
export class ReplyValidationError extends Error {
  readonly fields: ReplyFieldErrors;
  constructor(fields: ReplyFieldErrors) {
    super(Object.values(fields).join(' '));
    this.name = 'ReplyValidationError';
    this.fields = fields;
  }
}

/** Tags as typed: split on , ; | and trimmed, each once (ignoring case), empty ones dropped. */
export function normaliseTags(tags: readonly string[] | string | undefined): string[] {
  const raw = typeof tags === 'string' ? tags.split(/[,;|]/) : (tags ?? []).flatMap((t) => t.split(/[,;|]/));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of raw) {
    const t = tag.trim().replace(/^#/, '').trim();
    if (!t || seen.has(t.toLowerCase())) continue;
    seen.add(t.toLowerCase());
    out.push(t);
  }
  return out;
}

/** Same shortcut, ignoring case ('/Hi' and '/hi' collide). */
export function shortcutKey(shortcut: string | undefined): string | undefined {
  const s = shortcut?.trim();
  return s ? s.toLowerCase() : undefined;
}
