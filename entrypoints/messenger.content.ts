import { messenger } from '@/utils/platforms/messenger';
import { platformContentScript } from '@/utils/content/main';

/** Messenger (facebook.com and messenger.com) pages: DM Desk's content script with this platform's adapter alone. */
export default platformContentScript(messenger);
