import { defineBackground } from 'wxt/utils/define-background';
import { handleMessages } from '@/utils/messages';
import { applySnapshot } from '@/utils/inbox/service';
import { replyHandlers } from '@/utils/replies/handlers';
import { markDone, openConversation, snoozeConversation } from '@/utils/inbox/actions';

// Wiring only: every handler lives in its module. The worker can stop at any moment, so nothing
// here keeps state in memory.
export default defineBackground(() => {
  handleMessages({
    ...replyHandlers,
    'queue:done': (message) => markDone(message.key),
    'queue:snooze': (message) => snoozeConversation(message.key, message.until),
    'queue:open': (message) => openConversation(message.key),
    snapshot: async (message, sender) => {
      await applySnapshot(message.platform, sender.tab?.id, message.url, message.read);
      return { accepted: true };
    },
  });
});
