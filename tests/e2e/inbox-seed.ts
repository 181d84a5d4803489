/**
 * 5,000 conversations across the seven platforms and their platform states, for the popup's
 * end-to-end test and the popup benchmark.
 */
// Runs in the service worker: raw IndexedDB, no imports (the function is serialised).
export async function seedInbox(): Promise<number> {
  const platforms = ['instagram', 'messenger', 'x', 'linkedin', 'tiktok', 'whatsapp', 'snapchat'];
  const now = Date.now();
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('dm-desk');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const tx = db.transaction(['conversations', 'platforms'], 'readwrite');
  const conversations = tx.objectStore('conversations');
  for (let i = 0; i < 5000; i++) {
    const platform = platforms[i % 7]!;
    const since = now - (5000 - i) * 60_000;
    conversations.put({
      key: `${platform}:e2e-${i}`,
      platform,
      threadId: `e2e-${i}`,
      name: `Contact ${String(i).padStart(4, '0')}`,
      snippet: `Message ${i}`,
      ...(platform === 'instagram' ? { url: `https://www.instagram.com/direct/t/e2e-${i}/` } : {}),
      unread: true,
      time: since,
      firstSeen: since,
      lastSeen: now,
      waitingSince: since,
    });
  }
  const states = tx.objectStore('platforms');
  platforms.forEach((platform, n) =>
    states.put({
      platform,
      unreadTotal: platform === 'x' ? null : n + 1,
      unreadRows: 40,
      lastSeen: now - 2 * 3_600_000,
      tabs: [],
      missing: platform === 'linkedin' ? ['conversation list'] : [],
      active: null,
    }),
  );
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
  return 5000;
}

