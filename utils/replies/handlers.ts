import type { Handlers } from '../messages';
import { broadcastChanged } from '../messages';
import { listReplies, recordUse } from './store';

/** Background handlers for saved replies (wired in entrypoints/background.ts). */
export const replyHandlers: Handlers = {
  'replies:list': async (message) => {
    const all = await listReplies();
    const platform = message.platform;
    return { replies: platform ? all.filter((r) => r.platforms.length === 0 || r.platforms.includes(platform)) : all };
  },
  'reply:used': async (message) => {
    const ok = await recordUse(message.id);
    if (ok) broadcastChanged('replies');
    return { ok };
  },
};
