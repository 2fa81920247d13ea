import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** A Document parsed from one of the project's fixture pages (tests/fixtures/pages). */
export function fixtureDocument(fileName: string): Document {
  const html = readFileSync(resolve(import.meta.dirname, '../../fixtures/pages', fileName), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

export function htmlDocument(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}
