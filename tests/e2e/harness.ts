import { existsSync, readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

/**
 * The end-to-end harness: the built extension in real Chromium, with fixture pages served at the
 * platforms' real URLs by request interception, so the content script matches exactly as on the
 * live sites. Nothing reaches the network.
 */
export const ROOT = path.resolve(__dirname, '../..');
export const FIXTURES = path.join(ROOT, 'tests/fixtures');

export function extensionDir(): string {
  return path.resolve(ROOT, process.env.WXT_OUT_DIR ?? '.output', 'chrome-mv3');
}

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    (p): p is string => !!p,
  );
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'Chromium not found. Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  return found;
}

export interface Extension {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Open a platform URL; the page is the fixture file (path under tests/fixtures) or raw HTML. */
  openPlatform(url: string, fixture: string | { html: string }): Promise<Page>;
  /** Serve a fixture for a URL without opening it (for navigation inside a page). */
  serve(url: string, fixture: string | { html: string }): Promise<void>;
  openPopup(query?: string): Promise<Page>;
  openOptions(query?: string): Promise<Page>;
  /** The service worker now (it may have been restarted since launch). */
  worker(): Promise<Worker>;
  /** Evaluate in the service worker, waiting for it to be up. */
  inWorker<T>(fn: () => T | Promise<T>): Promise<T>;
  badge(): Promise<{ text: string; title: string; color: number[] }>;
  close(): Promise<void>;
}

export function fixtureHtml(fixture: string | { html: string }): string {
  return typeof fixture === 'string' ? readFileSync(path.join(FIXTURES, fixture), 'utf8') : fixture.html;
}

export interface LaunchOptions {
  permissions?: string[];
  /** Keep the starter library seeded on install (default: cleared, so tests own their replies). */
  starterReplies?: boolean;
}

export async function launchExtension(options: LaunchOptions = {}): Promise<Extension> {
  const dir = extensionDir();
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`No built extension at ${dir}: run \`npm run build\` first.`);
  }
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'dm-desk-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: false,
    args: [
      '--headless=new',
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
    permissions: options.permissions ?? [],
  });

  // Fixtures answer the platform URLs they are registered for; anything else fails fast,
  // so no test ever reaches the network.
  const served = new Map<string, string>();
  await context.route(
    (url) => url.protocol === 'https:' || url.protocol === 'http:',
    async (route) => {
      const url = route.request().url();
      const key = url.split('#')[0]!;
      const html = served.get(key) ?? served.get(key.split('?')[0]!);
      if (html !== undefined) {
        await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      } else if (route.request().resourceType() === 'document') {
        await route.fulfill({ status: 404, contentType: 'text/html', body: '<title>Not served</title>' });
      } else {
        await route.abort();
      }
    },
  );

  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;

  const worker = async (): Promise<Worker> => {
    const live = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
    if (live) return live;
    return context.waitForEvent('serviceworker', { timeout: 10_000 });
  };

  const serve = async (url: string, fixture: string | { html: string }) => {
    served.set(url.split('#')[0]!, fixtureHtml(fixture));
  };

  const extension: Extension = {
    context,
    extensionId,
    serviceWorker,
    serve,
    async openPlatform(url, fixture) {
      await serve(url, fixture);
      const page = await context.newPage();
      await page.goto(url);
      return page;
    },
    async openPopup(query = '') {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html${query}`);
      return page;
    },
    async openOptions(query = '') {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/options.html${query}`);
      return page;
    },
    worker,
    async inWorker(fn) {
      return (await worker()).evaluate(fn);
    },
    async badge() {
      return (await worker()).evaluate(async () => {
        const c = (globalThis as unknown as { chrome: typeof chrome }).chrome;
        return {
          text: await c.action.getBadgeText({}),
          title: await c.action.getTitle({}),
          color: (await c.action.getBadgeBackgroundColor({})) as number[],
        };
      });
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  if (!options.starterReplies) await clearStarterReplies(extension);
  return extension;
}

/**
 * Wait for the install-time starter library to land (one transaction, so it appears whole), then
 * empty the replies store.
 */
async function clearStarterReplies(ext: Extension): Promise<void> {
  await waitFor(
    () =>
      ext.inWorker(
        async () => {
          // Opening a database that does not exist yet would create it empty, before the
          // extension's own versioned upgrade: only look once the extension has made it.
          if (!(await indexedDB.databases()).some((d) => d.name === 'dm-desk' && d.version)) return 0;
          return new Promise<number>((resolve) => {
            const open = indexedDB.open('dm-desk');
            open.onerror = () => resolve(-1);
            open.onsuccess = () => {
              const db = open.result;
              if (!db.objectStoreNames.contains('replies')) return (db.close(), resolve(0));
              const count = db.transaction('replies').objectStore('replies').count();
              count.onsuccess = () => (db.close(), resolve(count.result));
              count.onerror = () => (db.close(), resolve(-1));
            };
          });
        },
      ),
    (count) => count > 0,
    10_000,
  );
  await ext.inWorker(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('dm-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('replies', 'readwrite');
          tx.objectStore('replies').clear();
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Poll until `fn` returns a value that passes `check` (or time runs out). */
export async function waitFor<T>(fn: () => Promise<T>, check: (v: T) => boolean, timeout = 5000): Promise<T> {
  const end = Date.now() + timeout;
  let last: T = await fn();
  while (!check(last)) {
    if (Date.now() > end) throw new Error(`Timed out; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 50));
    last = await fn();
  }
  return last;
}
