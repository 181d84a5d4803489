import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Builds the editor test pages (real Lexical, Draft.js, React, ProseMirror, Quill, Slate, CKEditor 5, Trix, and an editor in an iframe) into IIFE bundles under
 * tests/e2e/.pages-dist, with Vite. Skipped when the sources and lockfile have not changed since
 * the last build (a stamp holds their hash), so it costs nothing on a second run and works on a
 * clean clone.
 */
export const EDITORS_DIR = __dirname;
export const PAGES_DIST = path.resolve(__dirname, '../.pages-dist');
export const EDITOR_ENTRIES = ['lexical.tsx', 'draft.tsx', 'textarea.tsx', 'plain.ts', 'stubborn.ts', 'prosemirror.ts', 'quill.ts', 'slate.tsx', 'ckeditor.ts', 'trix.ts', 'framed.ts'] as const;

function sourcesHash(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(EDITORS_DIR).sort()) {
    if (!/\.(tsx?|json)$/.test(file)) continue;
    hash.update(file).update(readFileSync(path.join(EDITORS_DIR, file)));
  }
  const lock = path.resolve(EDITORS_DIR, '../../../package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  return hash.digest('hex');
}

export async function buildEditorPages(): Promise<void> {
  const stampFile = path.join(PAGES_DIST, 'stamp');
  const stamp = sourcesHash();
  const built = EDITOR_ENTRIES.every((entry) => existsSync(path.join(PAGES_DIST, bundleName(entry))));
  if (built && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return;
  mkdirSync(PAGES_DIST, { recursive: true });
  const { build } = await import('vite');
  for (const entry of EDITOR_ENTRIES) {
    await build({
      configFile: false,
      root: EDITORS_DIR,
      logLevel: 'warn',
      mode: 'development',
      define: { 'process.env.NODE_ENV': '"development"', global: 'globalThis' },
      esbuild: { jsx: 'automatic' },
      build: {
        outDir: PAGES_DIST,
        emptyOutDir: false,
        minify: false,
        sourcemap: false,
        rollupOptions: {
          onwarn(warning, warn) {
            // "use client" directives in React libraries mean nothing in a bundle.
            if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
            warn(warning);
          },
        },
        lib: {
          entry: path.join(EDITORS_DIR, entry),
          formats: ['iife'],
          name: `DmDeskTestEditor_${entry.replace(/\W/g, '_')}`,
          fileName: () => bundleName(entry),
        },
      },
    });
  }
  writeFileSync(stampFile, stamp);
}

export function bundleName(entry: string): string {
  return `${entry.replace(/\.tsx?$/, '')}.js`;
}
