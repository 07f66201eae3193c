import { describe, expect, it, vi } from 'vitest';
import { rememberBriefly } from '@/server/cache/remember-briefly';

describe('rememberBriefly', () => {
  it('serves a value until it is ttl old, then loads again (never older than the ttl)', async () => {
    let now = 1_000;
    const load = vi.fn(async () => `value at ${now}`);
    const read = () => rememberBriefly('unit:ttl', 3_000, load, () => now);
    expect(await read()).toBe('value at 1000');
    now = 3_999;
    expect(await read()).toBe('value at 1000');
    now = 4_000;
    expect(await read()).toBe('value at 4000');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('shares one load between concurrent callers', async () => {
    let release: (v: number) => void = () => {};
    const load = vi.fn(() => new Promise<number>((resolve) => (release = resolve)));
    const first = rememberBriefly('unit:shared', 3_000, load, () => 0);
    const second = rememberBriefly('unit:shared', 3_000, load, () => 1);
    release(42);
    expect(await Promise.all([first, second])).toEqual([42, 42]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('does not remember a failed load', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('database down')).mockResolvedValueOnce('ok');
    await expect(rememberBriefly('unit:fail', 3_000, load, () => 0)).rejects.toThrow('database down');
    expect(await rememberBriefly('unit:fail', 3_000, load, () => 1)).toBe('ok');
  });
});
