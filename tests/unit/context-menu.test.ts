import { describe, expect, it } from 'vitest';
import { flagRequestFromMenuClick, MENU_ITEMS } from '@/entrypoints/background/context-menu';
import vi from '@/public/_locales/vi/messages.json';

describe('context menu', () => {
  it('offers flag page, flag link and flag selection, each with a translated title', () => {
    expect(MENU_ITEMS.map((item) => item.context)).toEqual(['page', 'link', 'selection']);
    for (const item of MENU_ITEMS) expect(vi).toHaveProperty(item.titleKey);
  });

  it.each([
    ['page', { menuItemId: 'canh-tin-flag-page' }, { tabId: 4, trigger: 'menu_page' }],
    [
      'link',
      { menuItemId: 'canh-tin-flag-link', linkUrl: 'https://a.example/x' },
      { tabId: 4, trigger: 'menu_link', linkUrl: 'https://a.example/x' },
    ],
    [
      'selection',
      { menuItemId: 'canh-tin-flag-selection', selectionText: 'Hoàng Sa' },
      { tabId: 4, trigger: 'menu_selection', selectionText: 'Hoàng Sa' },
    ],
  ])('a click on "flag %s" flags through the one flag path', (_name, info, expected) => {
    expect(flagRequestFromMenuClick(info, 4)).toEqual(expected);
  });

  it('ignores clicks on other menu items, outside a tab, or on a link without a URL', () => {
    expect(flagRequestFromMenuClick({ menuItemId: 'someone-else' }, 4)).toBeNull();
    expect(flagRequestFromMenuClick({ menuItemId: 'canh-tin-flag-page' }, undefined)).toBeNull();
    expect(flagRequestFromMenuClick({ menuItemId: 'canh-tin-flag-link' }, 4)).toBeNull();
  });
});
