import { describe, expect, it } from 'vitest';
import { pageMetadataSchema, parseBackgroundRequest } from '@/lib/messages';

describe('parseBackgroundRequest (the automation contract)', () => {
  it.each([
    ['the documented message', { type: 'flag-tab', tabId: 12 }, { type: 'flag-tab', tabId: 12 }],
    ["the popup's message", { type: 'flag-tab', tabId: 0, via: 'popup' }, { type: 'flag-tab', tabId: 0, via: 'popup' }],
    ['unknown extra fields are dropped', { type: 'flag-tab', tabId: 5, extra: '<script>' }, { type: 'flag-tab', tabId: 5 }],
    [
      "a bulk change's undo, written only where still set",
      { type: 'set-fields', edits: [{ id: 'a', status: 'new', ifStill: { status: 'confirmed' } }] },
      { type: 'set-fields', edits: [{ id: 'a', status: 'new', ifStill: { status: 'confirmed' } }] },
    ],
  ])('accepts %s', (_name, message, expected) => {
    expect(parseBackgroundRequest(message)).toEqual(expected);
  });

  it.each([
    ['a string tab id', { type: 'flag-tab', tabId: '12' }],
    ['a negative tab id', { type: 'flag-tab', tabId: -1 }],
    ['a fractional tab id', { type: 'flag-tab', tabId: 1.5 }],
    ['a missing tab id', { type: 'flag-tab' }],
    ['an unknown type', { type: 'delete-everything' }],
    ['a forged trigger', { type: 'flag-tab', tabId: 1, via: 'shortcut' }],
    ['an unknown status to compare with', { type: 'set-fields', edits: [{ id: 'a', status: 'new', ifStill: { status: 'done' } }] }],
    ['null', null],
    ['a string', 'flag-tab'],
  ])('rejects %s', (_name, message) => {
    expect(parseBackgroundRequest(message)).toBeNull();
  });
});

describe('pageMetadataSchema (what an injected script returns)', () => {
  it('replaces fields of the wrong type with empty text rather than failing the flag', () => {
    const parsed = pageMetadataSchema.parse({
      url: 'https://a.example/',
      canonicalUrl: 7,
      title: { toString: 'x' },
      siteName: 'A',
      description: '',
      lang: 'vi',
      selection: '',
    });
    expect(parsed).toMatchObject({ canonicalUrl: '', title: '', siteName: 'A' });
  });

  it('cuts a very long selection instead of losing the quote', () => {
    const selection = `Trường Sa ${'rất dài '.repeat(20_000)}`;
    const parsed = pageMetadataSchema.parse({ url: 'https://a.example/', selection });
    expect(parsed.selection.startsWith('Trường Sa rất dài')).toBe(true);
    expect(parsed.selection.length).toBeLessThan(selection.length);
  });

  it('refuses an answer without a URL', () => {
    expect(pageMetadataSchema.safeParse({ title: 'x' }).success).toBe(false);
  });
});
