import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { x } from '@/utils/platforms/x';

/**
 * X Chat in 2026 renders into an open shadow root of [data-testid="xchatEmbedRoute"] (xctl, x-dm
 * and other tools of 2026 read it there). Each Chat fixture is read as it is, and again with its
 * <main> moved into such a root: the read must be the same, with the composer found inside.
 */
const FIXTURES = path.resolve(__dirname, '../fixtures/x');
const CASES = ['chat-current-thread', 'chat-tailwind-inbox-2026', 'chat-requests-2026'];

function load(name: string, shadow: boolean) {
  const spec = JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')) as { url: string; now: string };
  const doc = new JSDOM(readFileSync(path.join(FIXTURES, `${name}.html`), 'utf8'), { url: spec.url }).window.document;
  if (shadow) {
    const main = doc.querySelector('main')!;
    const host = doc.createElement('div');
    host.setAttribute('data-testid', 'xchatEmbedRoute');
    main.replaceWith(host);
    host.attachShadow({ mode: 'open' }).append(main);
  }
  return { doc, url: new URL(spec.url), now: Date.parse(spec.now) };
}

describe('X Chat inside a shadow root (2026)', () => {
  it.each(CASES)('%s reads the same in a shadow root as in the document', (name) => {
    const flat = load(name, false);
    const shadowed = load(name, true);
    expect(shadowed.doc.querySelector('[data-testid^="dm-conversation-item-"], [data-testid^="dm-message-request-item-"]')).toBeNull();
    const a = x.read(flat.doc, flat.url, flat.now);
    const b = x.read(shadowed.doc, shadowed.url, shadowed.now);
    expect(a.threads.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
    expect(x.composer(shadowed.doc) !== null).toBe(x.composer(flat.doc) !== null);
    expect(x.shadowHosts?.(shadowed.doc)).toHaveLength(1);
  });

  it('finds the composer inside the shadow root', () => {
    const { doc } = load('chat-current-thread', true);
    const composer = x.composer(doc);
    expect(composer).not.toBeNull();
    expect(composer!.getRootNode()).toBe(doc.querySelector('[data-testid="xchatEmbedRoute"]')!.shadowRoot);
  });

  it('names the person from dm-conversation-username and the handle from the header link', () => {
    const { doc, url, now } = load('chat-current-thread', true);
    const root = doc.querySelector('[data-testid="xchatEmbedRoute"]')!.shadowRoot!;
    const header = root.querySelector('[data-testid="dm-conversation-header"]')!;
    header.innerHTML =
      '<a href="https://x.com/analopez"><img alt="" src="https://pbs.twimg.com/profile_images/1/a.jpg"></a>' +
      '<div class="flex flex-col"><span data-testid="dm-conversation-username" class="font-bold">Ana López</span><span class="text-subtext2">Active 5m ago</span></div>';
    expect(x.read(doc, url, now).active).toEqual({ name: 'Ana López', handle: 'analopez', firstName: 'Ana', lastName: 'López' });
    // A group's header links each member: no one member's handle.
    header.insertAdjacentHTML('afterbegin', '<a href="https://x.com/bob"><img alt="" src="https://pbs.twimg.com/profile_images/2/b.jpg"></a>');
    expect(x.read(doc, url, now).active?.handle).toBeUndefined();
  });
});
