import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '@/utils/platforms/registry';
import type { PlatformId } from '@/utils/platforms/hosts';
import * as instagram from '../generators/instagram';
import * as messenger from '../generators/messenger';
import * as x from '../generators/x';
import * as linkedin from '../generators/linkedin';
import * as tiktok from '../generators/tiktok';

/**
 * An inbox with no conversation yet shows its list empty: that is not a list DM Desk failed to
 * find, so the health view says nothing. A list holding something DM Desk cannot read as rows
 * (markup it does not know) is still reported: never a silent zero.
 */
interface Generator {
  url: string;
  generateInbox(options: { rows: number }): string;
}

const GENERATORS: [PlatformId, Generator][] = [
  ['instagram', instagram],
  ['messenger', messenger],
  ['x', x],
  ['linkedin', linkedin],
  ['tiktok', tiktok],
];

// The list's container in each generated page.
const LIST = '[role="list"], [role="grid"], ul.msg-conversations-container__conversations-list, .msg-conversations-container, [data-e2e="dm-new-conversation-list"], [class*="DivConversationListContainer"]';

function read(platform: PlatformId, gen: Generator, change?: (doc: Document) => void) {
  const doc = new JSDOM(gen.generateInbox({ rows: 0 }), { url: gen.url }).window.document;
  change?.(doc);
  return ADAPTERS[platform]!.read(doc, new URL(gen.url), Date.parse('2026-06-10T15:30:00Z'));
}

describe.each(GENERATORS)('%s inbox without conversations', (platform, gen) => {
  it('reports nothing missing', () => {
    const result = read(platform, gen);
    expect(result.threads).toEqual([]);
    expect(result.missing).not.toContain('conversation list');
  });

  it('reports the list missing when it holds something that reads as no row', () => {
    const result = read(platform, gen, (doc) => {
      const list = doc.querySelector(LIST)!;
      list.innerHTML = '<div><div><span>Ana López</span><span>New markup DM Desk does not know</span></div></div>';
    });
    expect(result.threads).toEqual([]);
    expect(result.missing).toContain('conversation list');
  });

  it('reports the list missing when there is none', () => {
    const result = read(platform, gen, (doc) => doc.querySelectorAll(LIST).forEach((list) => list.remove()));
    expect(result.missing).toContain('conversation list');
  });
});
