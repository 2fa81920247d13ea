import { defineConfig } from 'wxt';

// Manifest and build settings for Chrome/Edge (MV3) and Firefox (MV3).
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'vi',
    // activeTab + scripting cover the popup button, the context menu and the shortcut.
    // The http(s) host permissions are what lets the documented automation message
    // (`flag-tab` for any tabId, no user gesture) read the page; they also serve the
    // watchlist content script planned for every http(s) page.
    permissions: ['activeTab', 'scripting', 'contextMenus'],
    host_permissions: ['http://*/*', 'https://*/*'],
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
