import { tiktok } from '@/utils/platforms/tiktok';
import { platformContentScript } from '@/utils/content/main';

/** TikTok pages: DM Desk's content script with this platform's adapter alone. */
export default platformContentScript(tiktok);
