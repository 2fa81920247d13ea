// `npm run dev`: serves the demo article pages on 127.0.0.1 and starts WXT in
// dev mode, which opens Chrome/Chromium (or Firefox with `-b firefox`) with the
// extension loaded on the demo index page. Extra arguments go to `wxt`.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { startStaticServer } from './static-server.mjs';

const port = Number(process.env.DEMO_PORT ?? 8787);
const server = await startStaticServer(resolve(import.meta.dirname, '../tests/fixtures/pages'), port);
console.log(`Demo articles: ${server.origin}/`);

const wxt = spawn('npx', ['wxt', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CANH_TIN_DEMO_URL: `${server.origin}/` },
});
const stop = () => wxt.kill('SIGINT');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
wxt.on('exit', async (code) => {
  await server.close();
  process.exit(code ?? 0);
});
