import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startFirstRead } from '@/components/firstRead';

/**
 * Loaded by popup.html as a plain script in <head>, before the page's module bundle: starts the
 * inbox read at once (see components/firstRead.ts).
 */
export default defineUnlistedScript(() => startFirstRead());
