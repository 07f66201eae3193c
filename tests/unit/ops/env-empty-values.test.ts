// An empty environment variable counts as unset: compose passes METRICS_TOKEN as `${METRICS_TOKEN:-}`,
// and every container crashed on "METRICS_TOKEN must be at least 16 characters" when it was not set.
import { afterEach, describe, expect, it, vi } from 'vitest';

const loadEnv = async () => (await import('@/server/env')).env;

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('env', () => {
  it('reads an empty variable as unset', async () => {
    vi.stubEnv('METRICS_TOKEN', '');
    vi.stubEnv('WORKER_METRICS_PORT', '');
    vi.stubEnv('PORT', '');
    const env = await loadEnv();
    expect(env.METRICS_TOKEN).toBeUndefined();
    expect(env.WORKER_METRICS_PORT).toBeUndefined();
    expect(env.PORT).toBe(3000);
  });

  it('still refuses a set value that is wrong, naming the variable', async () => {
    vi.stubEnv('METRICS_TOKEN', 'short');
    await expect(loadEnv()).rejects.toThrow('METRICS_TOKEN: METRICS_TOKEN must be at least 16 characters');
  });
});
