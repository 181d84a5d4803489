import { defineConfig } from 'wxt';
import { PLATFORM_HOST_PATTERNS } from './utils/platforms/hosts';

// WXT_OUT_DIR lets parallel builds (benchmarks, several work trees) keep apart.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: every file says where its names come from.
  imports: false,
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  vite: () => ({
    build: {
      rollupOptions: {
        // zod ships comments Rollup cannot place; they are harmless and drown the build log.
        onwarn(warning, warn) {
          if (warning.code === 'INVALID_ANNOTATION') return;
          warn(warning);
        },
      },
    },
  }),
  manifest: ({ browser }) => ({
    name: 'DM Desk',
    description:
      'One queue and saved replies for your DMs on Instagram, Messenger, X, LinkedIn, TikTok, WhatsApp and Snapchat.',
    // storage: settings; alarms: SLA colour as time passes; notifications: opt-in alerts.
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: [...PLATFORM_HOST_PATTERNS],
    action: { default_title: 'DM Desk' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'dm-desk@dm-desk.app', strict_min_version: '115.0' } } }
      : {}),
  }),
});
