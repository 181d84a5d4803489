import type { Page } from 'playwright-core';
import { waitFor, type Extension } from './harness';
import { platformPage, type PagePlatform, type PlatformPage } from './editors/platforms';

export const HOTKEY = 'Control+Shift+Space';

declare global {
  interface Window {
    __keys: string[];
    __syntheticEnter: number;
  }
}

export interface OpenedPage {
  page: Page;
  spec: PlatformPage;
  /** The editor's own state (Lexical state, Draft content, React state, DOM lines). */
  state(): Promise<string>;
  sends(): Promise<number>;
  syntheticEnters(): Promise<number>;
}

export async function openEditorPage(ext: Extension, kind: PagePlatform, options: { contact?: string | null } = {}): Promise<OpenedPage> {
  const spec = platformPage(kind, options);
  const page = await ext.openPlatform(spec.url, { html: spec.html });
  await page.waitForFunction(() => typeof window.__state === 'function');
  // The content script is in: its shadow host is on the page.
  await page.waitForSelector('dm-desk-overlay', { state: 'attached' });
  return {
    page,
    spec,
    state: () => page.evaluate(() => window.__state!()),
    sends: () => page.evaluate(() => window.__sends),
    syntheticEnters: () => page.evaluate(() => window.__syntheticEnter),
  };
}

/** Wait until the editor's own state equals `expected`; returns the last value either way. */
export async function stateBecomes(opened: OpenedPage, expected: string): Promise<string> {
  return waitFor(() => opened.state(), (s) => s === expected).catch(() => opened.state());
}

export function dialog(page: Page) {
  return page.getByRole('dialog', { name: 'Saved replies' });
}

export function searchBox(page: Page) {
  return page.getByRole('combobox', { name: 'Search saved replies' });
}

/** Is the overlay's search box the focused element (inside the shadow root)? */
export async function searchFocused(page: Page): Promise<boolean> {
  return searchBox(page).evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el && document.activeElement?.tagName === 'DM-DESK-OVERLAY');
}

/** Is focus back in the composer (its own tree's focus: the shadow root's, in a web component)? */
export async function composerFocused(opened: OpenedPage): Promise<boolean> {
  return opened.page.evaluate((selector) => {
    const composer = window.__deepQuery(selector);
    if (!composer) return false;
    const active = (composer.getRootNode() as Document | ShadowRoot).activeElement;
    return active === composer || composer.contains(active);
  }, opened.spec.composer);
}

/** Insert a reply through the overlay by keyboard: hotkey, search, Enter. */
export async function insertByKeyboard(opened: OpenedPage, query: string): Promise<void> {
  const { page } = opened;
  await page.keyboard.press(HOTKEY);
  await waitFor(() => searchFocused(page), (f) => f);
  await page.keyboard.type(query);
  await waitFor(
    () => dialog(page).getByRole('option').count(),
    (n) => n > 0,
  );
  await page.keyboard.press('Enter');
  await waitFor(() => dialog(page).isVisible(), (v) => !v);
  await insertionDone(page);
}

/** The overlay marks its host busy while text goes in and the editor is checked. */
export async function insertionDone(page: Page): Promise<void> {
  await page.waitForSelector('dm-desk-overlay:not([data-busy])', { state: 'attached' });
}

/**
 * What the popup asks a tab as the user opens it and presses Insert: the page's context (platform,
 * contact, composer), then the insertion of `text` (as the reply `replyId`).
 */
export async function askFromPopup(popup: Page, url: string, text: string, replyId = 'other'): Promise<{ context: unknown; insert: unknown }> {
  return popup.evaluate(
    async ({ url, text, replyId }) => {
      const c = (globalThis as unknown as { chrome: typeof chrome }).chrome;
      const [tab] = await c.tabs.query({ url });
      const context = await c.tabs.sendMessage(tab!.id!, { type: 'page:context' });
      const insert = await c.tabs.sendMessage(tab!.id!, { type: 'composer:insert', text, replyId });
      return { context, insert };
    },
    { url, text, replyId },
  );
}
