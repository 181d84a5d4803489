import type { PlatformId } from '../platforms/contract';
import { PLATFORM_IDS, PLATFORM_LABELS } from '../platforms/hosts';
import { PLATFORM_DM_LIMITS } from '../platforms/limits';

export { PLATFORM_DM_LIMITS };

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
