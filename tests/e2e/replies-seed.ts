import type { Extension } from './harness';
import { waitFor } from './harness';
import { DB_VERSION } from '../../utils/db-name';

/** A saved reply as stored (matching replySchema). */
export function reply(id: string, title: string, body: string, extra: { shortcut?: string; platforms?: string[] } = {}) {
  return {
    id,
    title,
    body,
    ...(extra.shortcut ? { shortcut: extra.shortcut } : {}),
    tags: [],
    platforms: extra.platforms ?? [],
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    useCount: 0,
  };
}

/** A library of `count` varied replies (for volume tests and benchmarks). */
export function manyReplies(count: number): ReturnType<typeof reply>[] {
  const words = ['order', 'shipping', 'refund', 'price', 'collab', 'hours', 'review', 'discount', 'stock', 'return'];
  return Array.from({ length: count }, (_, i) =>
    reply(`bulk-${i}`, `${words[i % words.length]} answer ${i}`, `Hi {{first_name|there}}, about your ${words[(i * 3) % words.length]}: reply ${i}.`, {
      shortcut: `/b${i}`,
    }),
  );
}

/**
 * Write replies straight into the extension's IndexedDB from its service worker. The database is
 * created by the extension itself (the popup opens it), then records are put as the store keeps them.
 */
export async function seedReplies(ext: Extension, replies: ReturnType<typeof reply>[]): Promise<void> {
  const popup = await ext.openPopup();
  const worker = await ext.worker();
  await waitFor(
    () => worker.evaluate(async (version) => (await indexedDB.databases()).some((d) => d.name === 'dm-desk' && d.version === version), DB_VERSION),
    (exists) => exists,
  );
  await popup.close();
  await worker.evaluate(async (records) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('dm-desk');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('replies', 'readwrite');
      for (const record of records) tx.objectStore('replies').put(record);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, replies);
}

/** How often each reply was used (from the store). */
export async function useCounts(ext: Extension): Promise<Record<string, number>> {
  const worker = await ext.worker();
  return worker.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('dm-desk');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = await new Promise<{ id: string; useCount: number }[]>((resolve, reject) => {
      const request = db.transaction('replies').objectStore('replies').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return Object.fromEntries(all.map((r) => [r.id, r.useCount]));
  });
}
