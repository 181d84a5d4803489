import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleMessages } from '@/utils/messages';
import { inboxHandlers } from '@/utils/inbox/handlers';
import { onSettingsChanged, onTabRemoved, onTabUpdated, onTick, startUp } from '@/utils/inbox/lifecycle';
import { replyHandlers } from '@/utils/replies/handlers';
import { seedStarterReplies } from '@/utils/replies/starter';
import { updateBadge } from '@/utils/inbox/badge';
import { markDone, openConversation, snoozeConversation } from '@/utils/inbox/actions';

async function afterQueueChange<T>(result: T): Promise<T> {
  await updateBadge().catch(fail('badge'));
  return result;
}

const fail = (what: string) => (error: unknown) => console.warn(`[DM Desk] ${what} failed`, error);

// Wiring only: every handler lives in its module. The worker can stop at any moment, so nothing
// here keeps state in memory. Listeners are added synchronously, at the top of main, so an event
// that woke the worker is delivered.
export default defineBackground(() => {
  handleMessages({
    ...replyHandlers,
    ...inboxHandlers,
    // Done and Snooze change the queue, so the badge colour follows at once.
    'queue:done': async (message) => afterQueueChange(await markDone(message.key)),
    'queue:snooze': async (message) => afterQueueChange(await snoozeConversation(message.key, message.until)),
    'queue:open': (message) => openConversation(message.key),
  });
  // A first install gets a starter library; an update never touches the user's replies.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void seedStarterReplies().catch(fail('starter replies'));
  });
  browser.tabs.onRemoved.addListener((tabId) => void onTabRemoved(tabId).catch(fail('tab close')));
  browser.tabs.onUpdated.addListener((tabId, change, tab) => void onTabUpdated(tabId, change, tab).catch(fail('tab update')));
  browser.alarms.onAlarm.addListener((alarm) => void onTick(alarm).catch(fail('alarm')));
  browser.storage.onChanged.addListener((changes, area) => void onSettingsChanged(changes, area).catch(fail('settings')));
  void startUp().catch(fail('start-up'));
});
