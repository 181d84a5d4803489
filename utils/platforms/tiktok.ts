import { emptyRead, type PlatformAdapter } from './contract';
import { hostPatterns } from './hosts';
export const tiktok: PlatformAdapter = { id: 'tiktok', label: 'tiktok', matches: hostPatterns('tiktok'), read: () => emptyRead(), composer: () => null };
