import { emptyRead, type PlatformAdapter } from './contract';
import { hostPatterns } from './hosts';
export const snapchat: PlatformAdapter = { id: 'snapchat', label: 'snapchat', matches: hostPatterns('snapchat'), read: () => emptyRead(), composer: () => null };
