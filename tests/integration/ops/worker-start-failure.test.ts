// A worker that cannot start exits non-zero, so `npm start`'s supervisor reports a failure rather
// than a clean exit: here its metrics port is already taken (two workers once asked for the same
// one; `npm start` now gives worker i the port WORKER_METRICS_PORT+i).
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { expect, it } from 'vitest';

it('exits 1, naming the port, when its metrics port is taken', { timeout: 60_000 }, async () => {
  const holder = net.createServer();
  await new Promise<void>((resolve) => holder.listen(0, '0.0.0.0', () => resolve()));
  const { port } = holder.address() as net.AddressInfo;
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', WORKER_METRICS_PORT: String(port), LOG_FORMAT: 'json' };
    delete env.RUNNER_URL;
    const child = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', 'worker.ts')], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    expect(output).toContain('EADDRINUSE');
    expect(code, output).toBe(1);
  } finally {
    await new Promise<void>((resolve) => holder.close(() => resolve()));
  }
});
