import type { PlatformAdapter } from './contract';
import { platformOfUrl, type PlatformId } from './hosts';
import { instagram } from './instagram';
import { messenger } from './messenger';
import { x } from './x';
import { linkedin } from './linkedin';
import { tiktok } from './tiktok';
import { whatsapp } from './whatsapp';
import { snapchat } from './snapchat';

/** Every platform adapter; a new platform is one line here. */
export const ADAPTERS: Record<PlatformId, PlatformAdapter> = {
  instagram,
  messenger,
  x,
  linkedin,
  tiktok,
  whatsapp,
  snapchat,
};

/** The adapter for a page, or null when DM Desk does not read that site. */
export function adapterFor(url: string | URL): PlatformAdapter | null {
  const platform = platformOfUrl(url);
  return platform ? (ADAPTERS[platform] ?? null) : null;
}
