/**
 * README screenshots from the built extension, on the test fixtures (no real accounts):
 *   npx wxt build && npx vite-node scripts/screenshots.ts
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES, launchExtension, waitFor } from '../tests/e2e/harness';
import { buildEditorPages } from '../tests/e2e/editors/build';
import { HOTKEY, dialog, openEditorPage } from '../tests/e2e/overlay-helpers';

const OUT = path.resolve(__dirname, '../docs/screenshots');
const fixtureUrl = (platform: string, name: string) =>
  (JSON.parse(readFileSync(path.join(FIXTURES, platform, `${name}.json`), 'utf8')) as { url: string }).url;

async function main() {
  await buildEditorPages();
  const ext = await launchExtension({ starterReplies: true });
  try {
    // Three platforms open, as a social manager's browser would have them.
    for (const [platform, name] of [
      ['instagram', 'current-thread'],
      ['linkedin', 'current'],
      ['whatsapp', 'current'],
      ['messenger', 'facebook-current-thread'],
    ] as const) {
      await ext.openPlatform(fixtureUrl(platform, name), `${platform}/${name}.html`);
    }
    await waitFor(() => ext.badge(), (b) => b.text !== '', 10_000);

    for (const scheme of ['light', 'dark'] as const) {
      const popup = await ext.context.newPage();
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.setViewportSize({ width: 400, height: 600 });
      await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
      await popup.getByRole('grid').waitFor();
      await popup.waitForTimeout(300);
      await popup.screenshot({ path: path.join(OUT, `popup-queue-${scheme}.png`) });
      await popup.close();
    }

    const options = await ext.openOptions();
    await options.setViewportSize({ width: 1100, height: 900 });
    await options.getByRole('button', { name: /^Edit / }).first().waitFor();
    await options.screenshot({ path: path.join(OUT, 'options-library.png') });

    const opened = await openEditorPage(ext, 'instagram');
    await opened.page.setViewportSize({ width: 900, height: 640 });
    await opened.page.click(opened.spec.composer);
    await opened.page.keyboard.press(HOTKEY);
    await dialog(opened.page).getByRole('option').first().waitFor();
    await opened.page.screenshot({ path: path.join(OUT, 'overlay-dialog.png') });
  } finally {
    await ext.close();
  }
  console.log(`screenshots written to ${OUT}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
