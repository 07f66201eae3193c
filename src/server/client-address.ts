// The address a request came from, for throttling. It is the socket's peer address, which our
// server (scripts/serve.ts) writes into SOCKET_ADDRESS_HEADER on every request, overwriting any
// copy a client sent. Next.js does not expose the socket to route handlers, and the
// X-Forwarded-For it passes on is whatever the client wrote when the client wrote one.
// X-Forwarded-For is believed only through TRUSTED_PROXY_HOPS proxies: each trusted proxy
// appends the address it saw, so with N hops the client is the Nth entry from the right, counting
// the socket address as the rightmost. Anything further left was written by the client.
import { env } from './env';

export const SOCKET_ADDRESS_HEADER = 'x-rehearse-socket-address';
// Served some other way (plain `next start`), there is no address we can trust: everyone then
// shares this one key, which throttles too much rather than not at all.
export const UNKNOWN_ADDRESS = 'unknown';

type HeaderBag = Headers | Record<string, unknown> | undefined;

function read(headers: HeaderBag, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  if (Array.isArray(value)) return value.join(',');
  return typeof value === 'string' ? value : undefined;
}

export function clientAddress(headers: HeaderBag, trustedHops: number = env.TRUSTED_PROXY_HOPS): string {
  const socket = read(headers, SOCKET_ADDRESS_HEADER)?.trim();
  if (!socket) return UNKNOWN_ADDRESS;
  if (trustedHops === 0) return socket;
  const forwarded = (read(headers, 'x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, socket];
  // Bounded: a forwarded entry is the client's own text.
  return chain[Math.max(0, chain.length - 1 - trustedHops)]!.slice(0, 64);
}
