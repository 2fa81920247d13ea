import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

const LOCALES_DIR = resolve(import.meta.dirname, '../../public/_locales');
const catalogues = Object.fromEntries(
  readdirSync(LOCALES_DIR).map((locale) => [
    locale,
    JSON.parse(readFileSync(resolve(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Catalogue,
  ]),
);
const source = catalogues.vi!;

describe('locales', () => {
  it('has Vietnamese (default) and English', () => {
    expect(Object.keys(catalogues).sort()).toEqual(['en', 'vi']);
  });

  it.each(Object.keys(catalogues))('%s has exactly the keys of the Vietnamese catalogue', (locale) => {
    expect(Object.keys(catalogues[locale]!).sort()).toEqual(Object.keys(source).sort());
  });

  it.each(Object.keys(catalogues))('%s uses the same placeholders as Vietnamese in every message', (locale) => {
    for (const [key, entry] of Object.entries(source)) {
      const other = catalogues[locale]![key]!;
      const names = (text: string) => (text.match(/\$[A-Z_]+\$/g) ?? []).sort();
      expect(names(other.message), key).toEqual(names(entry.message));
      expect(other.placeholders, key).toEqual(entry.placeholders);
    }
  });

  it('every message is non-empty text', () => {
    for (const catalogue of Object.values(catalogues)) {
      for (const [key, entry] of Object.entries(catalogue)) expect(entry.message.trim(), key).not.toBe('');
    }
  });

  it('every user-facing string used in the UI code exists in the catalogue', () => {
    const files = ['components', 'entrypoints'].flatMap((dir) =>
      readdirSync(resolve(import.meta.dirname, '../..', dir), { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.tsx?$/.test(file))
        .map((file) => readFileSync(resolve(import.meta.dirname, '../..', dir, file), 'utf8')),
    );
    const used = new Set(files.flatMap((text) => [...text.matchAll(/\b(?:t|getMessage)\('([A-Za-z_]+)'/g)].map((m) => m[1]!)));
    expect(used.size).toBeGreaterThan(10);
    for (const key of used) expect(source, key).toHaveProperty(key);
  });
});
