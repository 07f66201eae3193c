// Local runs need no configuration: when neither AUTH_SECRET nor NEXTAUTH_SECRET is set, a secret
// is generated once and kept in the data folder, so sessions survive restarts. Production
// deployments set their own (the server refuses to start without one: src/instrumentation.ts).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function ensureAuthSecret({ dataDir, log }: { dataDir: string; log: (line: string) => void }) {
  if (!process.env.AUTH_SECRET && !process.env.NEXTAUTH_SECRET) {
    const file = path.join(dataDir, 'auth-secret');
    if (!existsSync(file)) {
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
      log(`generated a session secret in ${path.relative(process.cwd(), file)}`);
    }
    process.env.AUTH_SECRET = readFileSync(file, 'utf8').trim();
  }
  // Without a fixed public URL, trust the Host header so links and cookies match the address
  // the app is reached at (localhost, 127.0.0.1 or a LAN name).
  if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= 'true';
}
