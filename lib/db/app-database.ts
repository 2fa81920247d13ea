/**
 * The extension's shared database handle. Extension pages and the background
 * each get their own connection to the same IndexedDB database; content
 * scripts never import this (their IndexedDB belongs to the web page).
 */
import { createDatabase, type CanhTinDatabase } from './schema';

let database: CanhTinDatabase | undefined;

export function appDatabase(): CanhTinDatabase {
  database ??= createDatabase();
  return database;
}
