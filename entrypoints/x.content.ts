import { x } from '@/utils/platforms/x';
import { platformContentScript } from '@/utils/content/main';

/** X (x.com and twitter.com) pages: DM Desk's content script with this platform's adapter alone. */
export default platformContentScript(x);
