import { getDb } from '../db';
import { broadcastChanged } from '../messages';
import { replySchema, ReplyValidationError, type Reply, type ReplyDraft } from './model';
import { checkDraft } from './validate';

// The one module that reads and writes saved replies, whichever page calls it (background,
// options page). Every write is validated here, inside the transaction that writes it, and
// broadcasts `changed` ('replies') so open pages re-read.

/** Parse stored rows; damaged records are skipped and logged, not thrown. */
export function parseStoredReplies(rows: readonly unknown[]): Reply[] {
  const replies: Reply[] = [];
  for (const row of rows) {
    const parsed = replySchema.safeParse(row);
    if (parsed.success) replies.push(parsed.data);
    else console.warn('[DM Desk] skipped a damaged saved reply', (row as { id?: unknown })?.id);
  }
  return replies;
}

/** Every stored reply that passes its schema. */
export async function listReplies(): Promise<Reply[]> {
  return parseStoredReplies(await (await getDb()).getAll('replies'));
}

export async function getReply(id: string): Promise<Reply | undefined> {
  const row = await (await getDb()).get('replies', id);
  return row ? parseStoredReplies([row])[0] : undefined;
}

export function newReplyId(): string {
  return crypto.randomUUID();
}

/** Create a reply. Throws ReplyValidationError (per-field messages) when the draft is refused. */
export async function createReply(draft: ReplyDraft, now = Date.now()): Promise<Reply> {
  const db = await getDb();
  const tx = db.transaction('replies', 'readwrite');
  const others = parseStoredReplies(await tx.store.getAll());
  const check = checkDraft(draft, others);
  if (!check.ok) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new ReplyValidationError(check.errors);
  }
  const reply = replySchema.parse({ id: newReplyId(), ...check.draft, createdAt: now, updatedAt: now, useCount: 0 });
  await tx.store.add(reply);
  await tx.done;
  broadcastChanged('replies');
  return reply;
}

/** Update a reply's content (usage and creation date are kept). Throws ReplyValidationError. */
export async function updateReply(id: string, draft: ReplyDraft, now = Date.now()): Promise<Reply> {
  const db = await getDb();
  const tx = db.transaction('replies', 'readwrite');
  const all = parseStoredReplies(await tx.store.getAll());
  const current = all.find((r) => r.id === id);
  const check = current ? checkDraft(draft, all, id) : null;
  if (!current || !check?.ok) {
    tx.abort();
    await tx.done.catch(() => undefined);
    if (!current) throw new Error('This reply no longer exists.');
    throw new ReplyValidationError(check && !check.ok ? check.errors : {});
  }
  const { shortcut: _old, ...rest } = current;
  const reply = replySchema.parse({ ...rest, ...check.draft, updatedAt: Math.max(now, current.createdAt) });
  await tx.store.put(reply);
  await tx.done;
  broadcastChanged('replies');
  return reply;
}

/** Delete a reply; returns what was deleted so it can be restored (undo). */
export async function deleteReply(id: string): Promise<Reply | undefined> {
  const db = await getDb();
  const tx = db.transaction('replies', 'readwrite');
  const row = await tx.store.get(id);
  if (row) await tx.store.delete(id);
  await tx.done;
  if (row) broadcastChanged('replies');
  return row ? parseStoredReplies([row])[0] : undefined;
}

/**
 * Put a deleted reply back as it was (undo). Refused with ReplyValidationError if its shortcut was
 * taken in the meantime.
 */
export async function restoreReply(reply: Reply): Promise<Reply> {
  const db = await getDb();
  const tx = db.transaction('replies', 'readwrite');
  const others = parseStoredReplies(await tx.store.getAll());
  const check = checkDraft(reply, others, reply.id);
  if (!check.ok && check.errors.shortcut) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new ReplyValidationError({ shortcut: check.errors.shortcut });
  }
  const restored = replySchema.parse(reply);
  await tx.store.put(restored);
  await tx.done;
  broadcastChanged('replies');
  return restored;
}

/** An insertion happened: count it and remember when. */
export async function recordUse(id: string, now = Date.now()): Promise<boolean> {
  const db = await getDb();
  const tx = db.transaction(['replies', 'events'], 'readwrite');
  const row = await tx.objectStore('replies').get(id);
  const reply = row ? parseStoredReplies([row])[0] : undefined;
  if (!reply) {
    await tx.done;
    return false;
  }
  await tx.objectStore('replies').put({ ...reply, useCount: reply.useCount + 1, lastUsedAt: Math.max(now, reply.lastUsedAt ?? 0) });
  await tx.objectStore('events').add({ type: 'reply-used', at: now, replyId: id });
  await tx.done;
  return true;
}
