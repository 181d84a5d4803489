import { getDb } from '../db';
import { replySchema, type Reply } from './model';

// The one module that reads and writes saved replies, whichever page calls it.
// (First version: list and usage. Create/update/delete with validation come with the library work.)

/** Every stored reply that passes its schema; damaged records are skipped and logged, not thrown. */
export async function listReplies(): Promise<Reply[]> {
  const rows = await (await getDb()).getAll('replies');
  const replies: Reply[] = [];
  for (const row of rows) {
    const parsed = replySchema.safeParse(row);
    if (parsed.success) replies.push(parsed.data);
    else console.warn('[DM Desk] skipped a damaged saved reply', (row as { id?: unknown })?.id);
  }
  return replies;
}

/** An insertion happened: count it and remember when. */
export async function recordUse(id: string, now = Date.now()): Promise<boolean> {
  const db = await getDb();
  const tx = db.transaction(['replies', 'events'], 'readwrite');
  const reply = await tx.objectStore('replies').get(id);
  if (!reply) {
    await tx.done;
    return false;
  }
  await tx.objectStore('replies').put({ ...reply, useCount: reply.useCount + 1, lastUsedAt: now });
  await tx.objectStore('events').add({ type: 'reply-used', at: now, replyId: id });
  await tx.done;
  return true;
}
