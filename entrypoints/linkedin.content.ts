import { linkedin } from '@/utils/platforms/linkedin';
import { platformContentScript } from '@/utils/content/main';

/** LinkedIn pages: DM Desk's content script with this platform's adapter alone. */
export default platformContentScript(linkedin);
