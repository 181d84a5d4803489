import type { PlatformId } from './hosts';

/**
 * Each platform's DM length limit, in one place, so the editor and the overlay warn before the
 * platform refuses. Each adapter's `maxLength` is read from here.
 *
 * Instagram's limit is counted in UTF-8 bytes by its API (see shared/PLATFORMS.md), so an emoji or
 * a non-Latin letter counts more than one; the others count characters (code points).
 */
export const PLATFORM_DM_LIMITS: Record<PlatformId, { max: number; unit: 'characters' | 'bytes' }> = {
  instagram: { max: 1000, unit: 'bytes' },
  messenger: { max: 2000, unit: 'characters' },
  x: { max: 10_000, unit: 'characters' },
  linkedin: { max: 8000, unit: 'characters' },
  tiktok: { max: 6000, unit: 'characters' },
  whatsapp: { max: 65_536, unit: 'characters' },
  snapchat: { max: 1000, unit: 'characters' },
};

// Snapchat publishes no chat limit; 1,000 is the conservative figure used until one is known.
