import { createDatabase, type CanhTinDatabase } from '@/lib/db/schema';

let counter = 0;

/** A fresh database on fake-indexeddb for each test. */
export function testDatabase(): CanhTinDatabase {
  counter += 1;
  return createDatabase({ name: `canh-tin-test-${counter}-${Math.random().toString(36).slice(2)}` });
}
