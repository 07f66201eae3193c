// /metrics is for Prometheus only: it answers when METRICS_TOKEN is set and the request carries it
// as a bearer token (compared in constant time). Without a token set, metrics are not served.
import { createHash, timingSafeEqual } from 'node:crypto';
import { env } from '@/server/env';

const digest = (value: string) => createHash('sha256').update(value).digest();

export function isMetricsRequestAllowed(authorization: string | null | undefined, token = env.METRICS_TOKEN): boolean {
  if (!token || !authorization?.startsWith('Bearer ')) return false;
  return timingSafeEqual(digest(authorization.slice('Bearer '.length).trim()), digest(token));
}
