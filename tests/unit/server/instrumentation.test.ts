// The server refuses to start in production without a session secret, with a message that says
// how to make one, instead of failing on the first sign-in.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { register } from '@/instrumentation';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

async function runRegister(env: Record<string, string | undefined>) {
  process.env = { ...saved, NEXT_RUNTIME: 'nodejs', AUTH_SECRET: undefined, NEXTAUTH_SECRET: undefined, ...env };
  for (const [key, value] of Object.entries(process.env)) if (value === undefined) delete process.env[key];
  const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
  const error = vi.spyOn(console, 'error').mockImplementation(() => {});
  await register();
  return { exit, error };
}

describe('register (server start-up)', () => {
  it('exits with a clear message in production when no secret is set', async () => {
    const { exit, error } = await runRegister({ NODE_ENV: 'production' });
    expect(exit).toHaveBeenCalledWith(1);
    expect(String(error.mock.calls[0]?.[0])).toMatch(/AUTH_SECRET \(or NEXTAUTH_SECRET\) is not set[\s\S]*openssl rand -base64 32/);
  });

  it('starts in production with either secret, and in development without one', async () => {
    expect((await runRegister({ NODE_ENV: 'production', AUTH_SECRET: 'x' })).exit).not.toHaveBeenCalled();
    vi.restoreAllMocks();
    expect((await runRegister({ NODE_ENV: 'production', NEXTAUTH_SECRET: 'x' })).exit).not.toHaveBeenCalled();
    vi.restoreAllMocks();
    expect((await runRegister({ NODE_ENV: 'development' })).exit).not.toHaveBeenCalled();
  });
});
