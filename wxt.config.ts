import { existsSync } from 'node:fs';
import { defineConfig } from 'wxt';

// `npm run dev` (scripts/dev.mjs) serves the demo articles and passes their address here.
const demoUrl = process.env.CANH_TIN_DEMO_URL;
// Chrome is found on its own; Debian's Chromium lives where chrome-launcher does not look.
const chromeBinary = process.env.CHROME_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

// Manifest and build settings for Chrome/Edge (MV3) and Firefox (MV3).
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  webExt: {
    ...(demoUrl ? { startUrls: [demoUrl] } : {}),
    ...(chromeBinary ? { binaries: { chrome: chromeBinary } } : {}),
    // Chromium refuses to start its sandbox as root (containers, CI boxes).
    ...(process.getuid?.() === 0 ? { chromiumArgs: ['--no-sandbox'] } : {}),
  },
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'vi',
    // activeTab + scripting cover the popup button, the context menu and the shortcut.
    // Host access to every page is what lets the documented automation message
    // (`flag-tab` for any tabId, no user gesture) read the page and photograph it
    // (tabs.captureVisibleTab accepts only <all_urls> or activeTab), and what the
    // watchlist highlighter on every http(s) page needs.
    // storage: the watchlist and its switches, which the background reads for that highlighter.
    // pageCapture (Chrome only): the optional whole-page MHTML evidence, off unless turned on in Settings.
    permissions: ['activeTab', 'scripting', 'contextMenus', 'storage', ...(browser === 'firefox' ? [] : ['pageCapture'])],
    host_permissions: ['<all_urls>'],
    // The watchlist highlighter (entrypoints/watchlist-highlighter/index.ts says why it is declared here).
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['watchlist-highlighter.js'], run_at: 'document_idle' }],
    action: { default_title: '__MSG_extName__' },
    commands: {
      'flag-page': {
        // Alt+Shift+F is not taken by Chrome, Edge or Firefox defaults.
        suggested_key: { default: 'Alt+Shift+F', mac: 'Alt+Shift+F' },
        description: '__MSG_commandFlagPage__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'canh-tin@canhtin.example',
              strict_min_version: '128.0',
              // Firefox's data-collection consent: Canh Tin transmits nothing.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
