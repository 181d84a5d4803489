import { platformIdSchema } from '../platforms/contract';
import {
  normaliseTags,
  REPLY_LIMITS,
  SHORTCUT_PATTERN,
  shortcutKey,
  type Reply,
  type ReplyDraft,
  type ReplyFieldErrors,
} from './model';
import { unknownVariables } from './render';

/** A draft that passed validation, normalised (trimmed title and shortcut, clean tags). */
export interface CleanDraft {
  title: string;
  body: string;
  shortcut?: string;
  tags: string[];
  platforms: Reply['platforms'];
}

export type DraftCheck = { ok: true; draft: CleanDraft } | { ok: false; errors: ReplyFieldErrors };

/**
 * Check a draft against the rules of the library. `others` are the replies it must not collide
 * with (its own stored version excluded by `selfId`). Pure: the form calls it on every keystroke,
 * the store before each write and the import for each row.
 */
export function checkDraft(draft: ReplyDraft, others: readonly Pick<Reply, 'id' | 'shortcut' | 'title'>[], selfId?: string): DraftCheck {
  const errors: ReplyFieldErrors = {};
  const title = (draft.title ?? '').trim();
  const body = draft.body ?? '';
  const shortcut = draft.shortcut?.trim() || undefined;
  const tags = normaliseTags(draft.tags);
  const platforms = [...new Set(draft.platforms ?? [])];

  if (!title) errors.title = 'Title is required.';
  else if (title.length > REPLY_LIMITS.title) errors.title = `Title is longer than ${REPLY_LIMITS.title} characters.`;

  if (!body.trim()) errors.body = 'Body is required.';
  else if (body.length > REPLY_LIMITS.body) {
    errors.body = `Body is ${body.length.toLocaleString('en')} characters; the limit is ${REPLY_LIMITS.body.toLocaleString('en')}.`;
  } else {
    const unknown = unknownVariables(body);
    if (unknown.length === 1) errors.body = `Unknown variable {{${unknown[0]}}}`;
    else if (unknown.length > 1) errors.body = `Unknown variables ${unknown.map((v) => `{{${v}}}`).join(', ')}`;
  }

  if (shortcut !== undefined) {
    if (!SHORTCUT_PATTERN.test(shortcut)) {
      errors.shortcut = 'Shortcut: 2–32 characters, letters, digits or ; : / . _ - (no spaces).';
    } else {
      const key = shortcutKey(shortcut);
      const clash = others.find((r) => r.id !== selfId && shortcutKey(r.shortcut) === key);
      if (clash) errors.shortcut = `Shortcut ${shortcut} is already used by “${clash.title}”.`;
    }
  }

  if (tags.length > REPLY_LIMITS.tags) errors.tags = `At most ${REPLY_LIMITS.tags} tags.`;
  else if (tags.some((t) => t.length > REPLY_LIMITS.tag)) errors.tags = `A tag is longer than ${REPLY_LIMITS.tag} characters.`;

  if (platforms.some((p) => !platformIdSchema.safeParse(p).success)) errors.platforms = 'Unknown platform.';

  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, draft: { title, body, ...(shortcut ? { shortcut } : {}), tags, platforms } };
}
