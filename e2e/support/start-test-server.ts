// Starts the app for the e2e suite exactly as `npm start` does, on a throwaway embedded Postgres
// in a temporary folder, so the journeys never touch a developer's own data.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import { E2E_DATA_DIR, E2E_PORT, E2E_PREVIEW_QUESTION_COUNT, E2E_SMTP_PORT } from './test-server';

rmSync(E2E_DATA_DIR, { recursive: true, force: true });
mkdirSync(E2E_DATA_DIR, { recursive: true });
// As root, Postgres runs as the postgres user, which must be able to enter this folder.
chmodSync(E2E_DATA_DIR, 0o755);
const env: NodeJS.ProcessEnv = {
  ...process.env,
  REHEARSE_DATA_DIR: E2E_DATA_DIR,
  EMBEDDED_POSTGRES_PORT: '0',
  PREVIEW_QUESTION_COUNT: String(E2E_PREVIEW_QUESTION_COUNT),
  SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
  MAIL_FROM: 'Rehearse <no-reply@example.test>',
  APP_URL: `http://127.0.0.1:${E2E_PORT}`,
};
if (!process.env.E2E_DATABASE_URL) delete env.DATABASE_URL;
else env.DATABASE_URL = process.env.E2E_DATABASE_URL;

const app = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { env, stdio: 'inherit' });
const stop = (signal: NodeJS.Signals) => app.kill(signal);
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
app.on('exit', (code) => {
  rmSync(E2E_DATA_DIR, { recursive: true, force: true });
  process.exit(code ?? 0);
});
