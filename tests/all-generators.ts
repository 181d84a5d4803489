import type { PlatformId } from '@/utils/platforms/hosts';
import * as instagram from './generators/instagram';
import * as linkedin from './generators/linkedin';
import * as messenger from './generators/messenger';
import * as snapchat from './generators/snapchat';
import * as tiktok from './generators/tiktok';
import * as whatsapp from './generators/whatsapp';
import * as x from './generators/x';

/** A page generator: an inbox of any size at the platform's URL. */
export interface InboxGenerator {
  url: string;
  generateInbox(options: { rows: number; unreadEvery?: number; hostile?: boolean }): string;
}

/** Every platform's generator, for tests that run on all of them. */
export const GENERATORS: [PlatformId, InboxGenerator][] = [
  ['instagram', instagram],
  ['linkedin', linkedin],
  ['messenger', messenger],
  ['snapchat', snapchat],
  ['tiktok', tiktok],
  ['whatsapp', whatsapp],
  ['x', x],
];
