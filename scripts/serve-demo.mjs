// `npm run demo:serve`: only the demo article pages, for use with a built extension loaded by hand.
import { resolve } from 'node:path';
import { startStaticServer } from './static-server.mjs';

const server = await startStaticServer(resolve(import.meta.dirname, '../tests/fixtures/pages'), Number(process.env.DEMO_PORT ?? 8787));
console.log(`Demo articles: ${server.origin}/  (Ctrl+C to stop)`);
