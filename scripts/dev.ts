// `npm run dev`: the embedded Postgres (unless DATABASE_URL), migrations and seed, then Next.js in
// development mode.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureAuthSecret } from './lib/ensure-auth-secret';
import { DATA_DIR, prepareDatabase } from './lib/prepare-database';
import { onStopSignals } from './lib/on-stop-signals';
import { parseCli } from './lib/parse-cli';

parseCli({ name: 'dev', usage: 'usage: npm run dev   (Next.js in development mode on PORT, default 3000; the embedded Postgres unless DATABASE_URL is set; takes no arguments)', options: {} });

const log = (line: string) => console.log(`[dev] ${line}`);
ensureAuthSecret({ dataDir: DATA_DIR, log });
// In a terminal the database gets a process group of its own, out of Ctrl-C's reach: it is stopped last.
const database = await prepareDatabase({ log, ownProcessGroup: process.stdin.isTTY === true });
// scripts/serve.ts wraps `next dev` the same way it wraps the production server.
const next = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', 'serve.ts'), '--dev'], {
  stdio: 'inherit',
  env: { ...process.env, PORT: process.env.PORT ?? '3000', NEXT_TELEMETRY_DISABLED: '1' },
});
onStopSignals((signal) => next.kill(signal), ['SIGINT', 'SIGTERM']);
next.on('exit', async (code) => {
  await database.stop();
  process.exit(code ?? 0);
});
