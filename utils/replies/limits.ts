import type { PlatformId } from '../platforms/contract';
import { PLATFORM_IDS, PLATFORM_LABELS } from '../platforms/hosts';

/**
 * Each platform's DM length limit, in one place, so the editor and the overlay warn before the
 * platform refuses. Adapters may carry their own `maxLength` (PlatformAdapter.maxLength, and
 * PageContext.maxLength from the page); when given it wins over this table.
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

export interface LengthCheck {
  platform: PlatformId;
  label: string;
  length: number;
  max: number;
  unit: 'characters' | 'bytes';
  over: boolean;
  /** Past 90% of the limit. */
  near: boolean;
}

const encoder = new TextEncoder();

/** Length of `text` as `platform` counts it. */
export function measure(text: string, platform: PlatformId): number {
  return PLATFORM_DM_LIMITS[platform].unit === 'bytes' ? encoder.encode(text).length : Array.from(text).length;
}

/** Rendered text against one platform's limit (`maxLength` from its adapter wins when given). */
export function checkLength(text: string, platform: PlatformId, maxLength?: number): LengthCheck {
  const { max: tableMax, unit } = PLATFORM_DM_LIMITS[platform];
  const max = maxLength && maxLength > 0 ? maxLength : tableMax;
  const length = measure(text, platform);
  return { platform, label: PLATFORM_LABELS[platform], length, max, unit, over: length > max, near: length > max * 0.9 };
}

/** Against every platform (or the given ones): for the editor's length line. */
export function checkLengths(text: string, platforms: readonly PlatformId[] = PLATFORM_IDS): LengthCheck[] {
  return (platforms.length ? platforms : PLATFORM_IDS).map((p) => checkLength(text, p));
}

/** "Instagram: 1,204 of 1,000 bytes" — for warnings. */
export function describeLength(check: LengthCheck): string {
  return `${check.label}: ${check.length.toLocaleString('en')} of ${check.max.toLocaleString('en')} ${check.unit}`;
}
