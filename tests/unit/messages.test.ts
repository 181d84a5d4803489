import { describe, expect, it } from 'vitest';
import { rejectReason } from '@/utils/messages';

const OWN = 'abcdefghijklmnopabcdefghijklmnop';
const tabSender = { id: OWN, tab: { id: 4 } } as never;
const read = { unreadTotal: 2, threads: [], active: null, missing: [] };

describe('message validation', () => {
  it('accepts a valid snapshot from this extension', () => {
    expect(rejectReason({ type: 'snapshot', platform: 'instagram', url: 'https://www.instagram.com/direct/inbox/', read }, tabSender, OWN)).toBeNull();
  });
  it('refuses another sender', () => {
    const reason = rejectReason({ type: 'snapshot', platform: 'x', url: 'https://x.com/', read }, { id: 'other' } as never, OWN);
    expect(reason).toMatch(/not this extension/);
  });
  it('refuses an unknown platform, a wrong shape and oversized arrays', () => {
    expect(rejectReason({ type: 'snapshot', platform: 'myspace', url: 'https://x.com/', read }, tabSender, OWN)).toMatch(/platform/);
    expect(rejectReason({ type: 'snapshot', platform: 'x', url: 'https://x.com/', read: { ...read, unreadTotal: '2' } }, tabSender, OWN)).toMatch(/unreadTotal/);
    const threads = Array.from({ length: 2001 }, (_, i) => ({ id: String(i), name: 'n', unread: false }));
    expect(rejectReason({ type: 'snapshot', platform: 'x', url: 'https://x.com/', read: { ...read, threads } }, tabSender, OWN)).toMatch(/threads/);
    expect(rejectReason({ type: 'nope' }, tabSender, OWN)).toMatch(/invalid/);
  });
});
