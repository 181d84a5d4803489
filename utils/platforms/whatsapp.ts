import { emptyRead, type PlatformAdapter } from './contract';
import { hostPatterns } from './hosts';
export const whatsapp: PlatformAdapter = { id: 'whatsapp', label: 'whatsapp', matches: hostPatterns('whatsapp'), read: () => emptyRead(), composer: () => null };
