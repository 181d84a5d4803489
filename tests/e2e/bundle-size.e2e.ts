import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extensionDir } from './harness';
import { BUDGETS_KB_GZIP } from '../../bench/budgets';

/**
 * Bundle sizes are stable, so unlike timings they are asserted: the content script loads into
 * every platform page and must stay within its budget (README "Performance").
 */

function gzipKb(file: string): number {
  return gzipSync(readFileSync(file)).length / 1024;
}

/** The popup and options pages load their entry chunk plus the chunks it imports. */
function pageKb(page: 'popup' | 'options'): number {
  const dir = extensionDir();
  const html = readFileSync(path.join(dir, `${page}.html`), 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  return scripts.reduce((sum, rel) => sum + gzipKb(path.join(dir, rel)), 0);
}

describe('bundle budgets (gzip)', () => {
  // One content script per platform: a page loads its platform's alone, each within the budget.
  it('content script of each platform', () => {
    const dir = path.join(extensionDir(), 'content-scripts');
    const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
    expect(files.sort()).toEqual(['instagram.js', 'linkedin.js', 'messenger.js', 'snapchat.js', 'tiktok.js', 'whatsapp.js', 'x.js']);
    for (const file of files) {
      const kb = gzipKb(path.join(dir, file));
      expect(kb, file).toBeGreaterThan(1);
      expect(kb, file).toBeLessThanOrEqual(BUDGETS_KB_GZIP.content);
    }
  });
  it('background worker', () => {
    const kb = gzipKb(path.join(extensionDir(), 'background.js'));
    expect(kb).toBeLessThanOrEqual(BUDGETS_KB_GZIP.background);
  });
  it('popup and options pages', () => {
    expect(statSync(path.join(extensionDir(), 'popup.html')).size).toBeGreaterThan(0);
    expect(pageKb('popup')).toBeLessThanOrEqual(BUDGETS_KB_GZIP.popup);
    expect(pageKb('options')).toBeLessThanOrEqual(BUDGETS_KB_GZIP.options);
  });
});
