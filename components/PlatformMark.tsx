import type { PlatformId } from '@/utils/platforms/hosts';
import { PLATFORM_LABELS } from '@/utils/platforms/hosts';

/** A letter mark per platform (no brand artwork, no network): colour + letter, named for assistive tech. */
const MARKS: Record<PlatformId, { letter: string; bg: string; fg: string }> = {
  instagram: { letter: 'I', bg: '#b1306b', fg: '#ffffff' },
  messenger: { letter: 'M', bg: '#0559d6', fg: '#ffffff' },
  x: { letter: 'X', bg: '#0f1419', fg: '#ffffff' },
  linkedin: { letter: 'in', bg: '#0a66c2', fg: '#ffffff' },
  tiktok: { letter: 'T', bg: '#25131d', fg: '#ffffff' },
  whatsapp: { letter: 'W', bg: '#0b7a3b', fg: '#ffffff' },
  snapchat: { letter: 'S', bg: '#fffc00', fg: '#111111' },
};

export function PlatformMark({ platform, size = 20 }: { platform: PlatformId; size?: number }) {
  const mark = MARKS[platform];
  return (
    <svg
      className="platform-mark"
      role="img"
      aria-label={PLATFORM_LABELS[platform]}
      width={size}
      height={size}
      viewBox="0 0 20 20"
      focusable="false"
    >
      <rect width="20" height="20" rx="5" fill={mark.bg} stroke="currentColor" strokeOpacity="0.25" />
      <text
        x="10"
        y="14"
        textAnchor="middle"
        fontSize={mark.letter.length > 1 ? 10 : 12}
        fontWeight="700"
        fontFamily="system-ui, sans-serif"
        fill={mark.fg}
        aria-hidden="true"
      >
        {mark.letter}
      </text>
    </svg>
  );
}
