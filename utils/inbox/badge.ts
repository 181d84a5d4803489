import { browser } from 'wxt/browser';
import type { ConversationRecord, PlatformStateRecord } from '../db';
import { PLATFORM_IDS, PLATFORM_LABELS, type PlatformId } from '../platforms/hosts';
import { getSettings, type Settings } from '../settings';
import { buildQueue, mostUrgent, type SlaState } from './queue';
import { readInbox } from './store';
import { validConversations, validPlatformStates } from './records';

/**
 * The toolbar badge: total unread across platforms, coloured by the most urgent SLA state of the
 * queue, per-platform numbers in the tooltip. Computed from IndexedDB every time (pure part below).
 */

/** White badge text reads at ≥ 5:1 on each of these (WCAG AA for small text). */
export const BADGE_COLORS: Record<SlaState | 'none', string> = {
  ok: '#1E7B3C', // green: everything on time
  soon: '#A15C00', // amber: something due soon
  overdue: '#B42318', // red: something overdue
  none: '#5A6270', // grey: unread, but nothing in the queue (muted, done or snoozed)
};

export interface BadgeView {
  text: string;
  color: string;
  title: string;
  total: number;
  sla: SlaState | null;
}

/** "3m", "2h", "4d": how long ago, at least a minute. */
export function formatAge(ms: number): string {
  const minutes = Math.max(1, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h`;
  return `${Math.floor(hours / 24)}d`;
}

/** A platform's unread count: its own total when it reports one, else its unread rows. */
export function platformCount(state: Pick<PlatformStateRecord, 'unreadTotal' | 'unreadRows'>): number {
  return state.unreadTotal ?? state.unreadRows;
}

export function badgeText(total: number): string {
  return total <= 0 ? '' : total > 99 ? '99+' : String(total);
}

export function computeBadge(
  states: readonly PlatformStateRecord[],
  conversations: readonly ConversationRecord[],
  settings: Pick<Settings, 'slaMinutes' | 'enabledPlatforms'>,
  now: number,
): BadgeView {
  const enabled = new Set<PlatformId>(settings.enabledPlatforms);
  const byPlatform = new Map(states.map((s) => [s.platform, s]));
  let total = 0;
  const parts: string[] = [];
  for (const id of PLATFORM_IDS) {
    const state = byPlatform.get(id);
    if (!state || !enabled.has(id)) continue;
    const count = platformCount(state);
    total += count;
    if (count <= 0) continue;
    const stale = state.tabs.length === 0 ? ` (stale, ${formatAge(now - state.lastSeen)} ago)` : '';
    parts.push(`${PLATFORM_LABELS[id]} ${count}${stale}`);
  }
  const queue = buildQueue(
    conversations.filter((c) => enabled.has(c.platform)),
    { now, slaMinutes: settings.slaMinutes },
  );
  const sla = mostUrgent(queue);
  return {
    text: badgeText(total),
    color: BADGE_COLORS[sla ?? 'none'],
    title: parts.length ? `DM Desk — ${parts.join(' · ')}` : 'DM Desk',
    total,
    sla,
  };
}

let pending: Promise<BadgeView | null> = Promise.resolve(null);

/**
 * Recompute and show the badge. Calls are chained so an older computation never paints over a
 * newer one; the chain is only scheduling, the numbers always come from IndexedDB.
 */
export function updateBadge(now?: number): Promise<BadgeView | null> {
  pending = pending
    .catch(() => null)
    .then(async () => {
      const [settings, inbox] = await Promise.all([getSettings(), readInbox()]);
      const view = computeBadge(
        validPlatformStates(inbox.states),
        validConversations(inbox.conversations),
        settings,
        now ?? Date.now(),
      );
      await paintBadge(view);
      return view;
    });
  return pending;
}

/** The toolbar button: `action` in MV3, `browserAction` in Firefox's MV2 build. */
function toolbar(): typeof browser.action {
  return browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
}

export async function paintBadge(view: Pick<BadgeView, 'text' | 'color' | 'title'>): Promise<void> {
  const action = toolbar();
  await Promise.all([
    action.setBadgeText({ text: view.text }),
    action.setBadgeBackgroundColor({ color: view.color }),
    action.setTitle({ title: view.title }),
    // Chrome 110+ and Firefox; others pick a readable text colour themselves.
    typeof action.setBadgeTextColor === 'function' ? action.setBadgeTextColor({ color: '#FFFFFF' }) : Promise.resolve(),
  ]);
}

export function resetBadge(): Promise<void> {
  return paintBadge({ text: '', color: BADGE_COLORS.none, title: 'DM Desk' });
}
