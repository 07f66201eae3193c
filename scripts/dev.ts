// `npm run dev`: the embedded Postgres (unless DATABASE_URL), migrations and seed, then `next dev`.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureAuthSecret } from './lib/ensure-auth-secret';
import { DATA_DIR, prepareDatabase } from './lib/prepare-database';

const log = (line: string) => console.log(`[dev] ${line}`);
ensureAuthSecret({ dataDir: DATA_DIR, log });
const database = await prepareDatabase({ log });
const next = spawn(path.join('node_modules', '.bin', 'next'), ['dev', '-p', process.env.PORT ?? '3000'], {
  stdio: 'inherit',
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.removeAllListeners(signal);
  process.on(signal, () => next.kill(signal));
}
next.on('exit', async (code) => {
  await database.stop();
  process.exit(code ?? 0);
});
