// Whether this read skips the public cache: outside Next.js (tests, scripts, the worker there is
// no incremental cache), when PAGE_CACHE=off, or for a request that carries the bypass token the
// benchmark sets (PAGE_CACHE_BYPASS_TOKEN), so one server can measure cached and uncached side by
// side. Without the token configured no header can turn the cache off: a crowd cannot opt out.
import { headers } from 'next/headers';
import { env } from '@/server/env';
import { CACHE_BYPASS_HEADER } from './cache-headers';

export function isInsideNext(): boolean {
  return process.env.NEXT_RUNTIME === 'nodejs';
}

export async function isCacheBypassed(): Promise<boolean> {
  if (!isInsideNext() || env.PAGE_CACHE === 'off') return true;
  const token = env.PAGE_CACHE_BYPASS_TOKEN;
  if (!token) return false;
  try {
    return (await headers()).get(CACHE_BYPASS_HEADER) === token;
  } catch {
    // Outside a request (a background revalidation) there is nothing to bypass.
    return false;
  }
}
