// Attack: starve the worker. Everything is asynchronous and the jail gets at most one CPU, so the
// worker's event loop keeps serving timers and HTTP while an answer burns CPU.
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { createBwrapDriver } from '@/grading/sandbox/create-bwrap-driver';

describe('worker responsiveness', () => {
  it('serves timers and an HTTP request while a CPU burner runs in the jail', async () => {
    const server = http.createServer((_, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    let maxGap = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      maxGap = Math.max(maxGap, now - last);
      last = now;
    }, 10);
    try {
      const burner = createBwrapDriver().run({ command: ['/usr/bin/python3', '-c', 'import os\nfor _ in range(3): os.fork()\nwhile True: pass'], limits: { wallTimeMs: 1_500 } });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const started = performance.now();
      const body = await fetch(`http://127.0.0.1:${port}/`).then((res) => res.text());
      const latency = performance.now() - started;
      const result = await burner;
      expect(result.timedOut).toBe(true);
      expect(body).toBe('ok');
      expect(latency).toBeLessThan(200);
      expect(maxGap).toBeLessThan(200);
    } finally {
      clearInterval(ticker);
      server.close();
    }
  });
});
