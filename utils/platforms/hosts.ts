/**
 * The hosts DM Desk reads, per platform. Host permissions and content-script matches are
 * generated from this list, so a platform is added in one place.
 */
export const PLATFORM_IDS = ['instagram', 'messenger', 'x', 'linkedin', 'tiktok', 'whatsapp', 'snapchat'] as const;
export type PlatformId = (typeof PLATFORM_IDS)[number];

export const PLATFORM_HOSTS: Record<PlatformId, readonly string[]> = {
  instagram: ['www.instagram.com'],
  // messenger.com stopped serving in April 2026; facebook.com/messages is the same platform.
  messenger: ['www.facebook.com', 'www.messenger.com'],
  x: ['x.com', 'twitter.com'],
  linkedin: ['www.linkedin.com'],
  tiktok: ['www.tiktok.com'],
  whatsapp: ['web.whatsapp.com'],
  // web.snapchat.com redirects to www.snapchat.com/web.
  snapchat: ['www.snapchat.com', 'web.snapchat.com'],
};

export const PLATFORM_LABELS: Record<PlatformId, string> = {
  instagram: 'Instagram',
  messenger: 'Messenger',
  x: 'X',
  linkedin: 'LinkedIn',
  tiktok: 'TikTok',
  whatsapp: 'WhatsApp',
  snapchat: 'Snapchat',
};

/** Manifest match patterns for one platform. */
export function hostPatterns(platform: PlatformId): string[] {
  return PLATFORM_HOSTS[platform].map((host) => `https://${host}/*`);
}

export const PLATFORM_HOST_PATTERNS: readonly string[] = PLATFORM_IDS.flatMap(hostPatterns);

/** Which platform a URL belongs to, by host alone; null for any other site. */
export function platformOfUrl(url: string | URL): PlatformId | null {
  let host: string;
  try {
    host = (typeof url === 'string' ? new URL(url) : url).hostname;
  } catch {
    return null;
  }
  for (const id of PLATFORM_IDS) if (PLATFORM_HOSTS[id].includes(host)) return id;
  return null;
}
