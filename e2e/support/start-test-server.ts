// Starts the app for the e2e suite exactly as `npm start` does, on a throwaway embedded Postgres
// in a temporary folder, so the journeys never touch a developer's own data.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rehearse-e2e-'));
// As root, Postgres runs as the postgres user, which must be able to enter this folder.
chmodSync(dataDir, 0o755);
const env: NodeJS.ProcessEnv = { ...process.env, REHEARSE_DATA_DIR: dataDir, EMBEDDED_POSTGRES_PORT: '0' };
if (!process.env.E2E_DATABASE_URL) delete env.DATABASE_URL;
else env.DATABASE_URL = process.env.E2E_DATABASE_URL;

const app = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { env, stdio: 'inherit' });
const stop = (signal: NodeJS.Signals) => app.kill(signal);
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
app.on('exit', (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
