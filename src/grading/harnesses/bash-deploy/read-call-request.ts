// Reads one relayed call from a fake tool's connection: "ARGC\0ARG1\0…ARGN\0", ARGC counting the
// tool's name. The bytes come from the jail, so everything is bounded: past `maxBytes` reading
// stops and the call is answered with what arrived, marked as cut. Bytes are decoded as UTF-8
// with replacement (never a lone surrogate). Linear in the bytes received.
export type CallRequest = { argv: string[]; truncated: boolean };

export const MAX_REQUEST_BYTES = 16 * 1024;
const decoder = new TextDecoder('utf-8');

export function createCallRequestReader(maxBytes = MAX_REQUEST_BYTES) {
  const fields: string[] = [];
  let pending: Buffer = Buffer.alloc(0);
  let received = 0;
  let expected: number | null = null;
  let finished = false;

  // A complete request, 'more' while it is incomplete, or 'invalid' when it cannot be a call.
  function push(chunk: Buffer): CallRequest | 'more' | 'invalid' {
    if (finished) return 'more';
    const room = maxBytes - received;
    const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
    received += part.length;
    let data = pending.length ? Buffer.concat([pending, part]) : part;
    let nul: number;
    while ((nul = data.indexOf(0)) >= 0) {
      const field = decoder.decode(data.subarray(0, nul));
      data = data.subarray(nul + 1);
      if (expected === null) {
        if (!/^\d{1,5}$/.test(field) || Number(field) < 1) return done('invalid');
        expected = Number(field);
      } else fields.push(field);
      if (expected !== null && fields.length === expected) return done({ argv: fields, truncated: false });
    }
    pending = Buffer.from(data);
    if (received >= maxBytes) {
      if (expected === null) return done('invalid');
      if (pending.length) fields.push(decoder.decode(pending));
      return done({ argv: fields, truncated: true });
    }
    return 'more';
  }

  function done<T>(result: T): T {
    finished = true;
    pending = Buffer.alloc(0);
    return result;
  }

  return { push };
}
