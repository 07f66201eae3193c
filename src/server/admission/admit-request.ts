// The web server's admission to Next.js (scripts/serve.ts): a request goes straight in, or waits
// at the gate in its class's queue (classify-request.ts, admission-gate.ts). It holds its place in
// flight until its response ends, streamed pages included, but never longer than MAX_HOLD_MS: a
// client reading a page very slowly must not be able to hold the gate shut. It leaves the queue
// if the client goes away. A full queue is answered 503 with Retry-After, in the API's JSON shape.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createAdmissionGate, GateFullError, type AdmissionGate } from './admission-gate';
import { classifyRequest } from './classify-request';

export type AdmissionOptions = { maxInFlight: number; maxQueued: number; maxHoldMs?: number; isLoopbackRender: (request: IncomingMessage) => boolean };
export type AdmissionStats = ReturnType<AdmissionGate['stats']> & { refused: number };

// Read by the /metrics route in the same process (src/server/observability/metrics.ts), which
// must not import the web server's own modules.
export const MAX_HOLD_MS = 10_000;

const globalForAdmission = globalThis as unknown as { rehearseAdmissionStats?: () => AdmissionStats };

export function createRequestAdmission({ maxInFlight, maxQueued, maxHoldMs = MAX_HOLD_MS, isLoopbackRender }: AdmissionOptions) {
  const gate = createAdmissionGate({ maxInFlight, maxQueued });
  let refused = 0;
  globalForAdmission.rehearseAdmissionStats = () => ({ ...gate.stats(), refused });

  return async function admit(request: IncomingMessage, response: ServerResponse, handle: () => unknown): Promise<void> {
    const kind = classifyRequest({ method: request.method, url: request.url, isLoopbackRender: isLoopbackRender(request) });
    if (kind === 'now' || maxInFlight <= 0) {
      await handle();
      return;
    }
    const left = new AbortController();
    const onClose = () => left.abort();
    response.once('close', onClose);
    let release: () => void;
    try {
      release = await gate.enter(kind, left.signal);
    } catch (error) {
      if (error instanceof GateFullError && !response.headersSent) {
        refused++;
        response.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1', 'cache-control': 'no-store' });
        response.end(JSON.stringify({ error: 'Rehearse is very busy right now. Please try again in a moment.' }));
      }
      return;
    }
    response.off('close', onClose);
    if (response.destroyed) {
      release();
      return;
    }
    const hold = setTimeout(release, maxHoldMs);
    hold.unref();
    response.once('close', () => {
      clearTimeout(hold);
      release();
    });
    await handle();
  };
}

export function readAdmissionStats(): AdmissionStats | undefined {
  return globalForAdmission.rehearseAdmissionStats?.();
}
