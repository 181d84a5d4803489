import { snapchat } from '@/utils/platforms/snapchat';
import { platformContentScript } from '@/utils/content/main';

/** Snapchat pages: DM Desk's content script with this platform's adapter alone. */
export default platformContentScript(snapchat);
