/**
 * What `npm run build` and `npm run build:firefox` produced: the manifests a
 * browser reads. (npm test builds both before the e2e tests run.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const manifest = (target: string) =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../.output', target, 'manifest.json'), 'utf8'));

describe.each(['chrome-mv3', 'firefox-mv3'])('%s manifest', (target) => {
  it('is localised, Vietnamese by default', () => {
    const m = manifest(target);
    expect(m.default_locale).toBe('vi');
    expect(m.name).toBe('__MSG_extName__');
  });

  it('declares the Alt+Shift+F shortcut to flag the page', () => {
    expect(manifest(target).commands['flag-page'].suggested_key.default).toBe('Alt+Shift+F');
  });

  it('asks only for the permissions the README justifies', () => {
    const m = manifest(target);
    const chromeOnly = target === 'chrome-mv3' ? ['pageCapture'] : [];
    expect([...m.permissions].sort()).toEqual(['activeTab', 'contextMenus', ...chromeOnly, 'scripting', 'storage']);
    expect(m.host_permissions).toEqual(['<all_urls>']);
  });

  it('has a popup, so the toolbar click opens it', () => {
    expect(manifest(target).action.default_popup).toBe('popup.html');
  });

  // Declared by hand in wxt.config.ts (entrypoints/watchlist-highlighter/index.ts says why): WXT does not check the path.
  it('runs the watchlist highlighter, a built file, on every http(s) page and nowhere else', () => {
    const scripts = manifest(target).content_scripts as { matches: string[]; js: string[]; run_at: string; all_frames?: boolean }[];
    expect(scripts).toEqual([{ matches: ['http://*/*', 'https://*/*'], js: ['watchlist-highlighter.js'], run_at: 'document_idle' }]);
    expect(existsSync(resolve(import.meta.dirname, '../../.output', target, scripts[0]!.js[0]!))).toBe(true);
    expect(manifest(target).web_accessible_resources ?? []).toEqual([]);
  });
});

describe('Firefox manifest', () => {
  it('carries a gecko id and declares that no data is collected', () => {
    const gecko = manifest('firefox-mv3').browser_specific_settings.gecko;
    expect(gecko.id).toMatch(/@/);
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });
});
