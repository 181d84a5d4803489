import { instagram } from '@/utils/platforms/instagram';
import { platformContentScript } from '@/utils/content/main';

/** Instagram pages: DM Desk's content script with this platform's adapter alone. */
export default platformContentScript(instagram);
