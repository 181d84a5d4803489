import { whatsapp } from '@/utils/platforms/whatsapp';
import { platformContentScript } from '@/utils/content/main';

/** WhatsApp Web pages: DM Desk's content script with this platform's adapter alone. */
export default platformContentScript(whatsapp);
