// A clear of the page cache (an admin's change, here or announced by another web server) also
// drops a render that was under way: it may hold the old content, so it is neither kept nor shared
// with the requests that arrive after the clear. A real HTTP server plays the web server: pages
// go through serveFromPageMicroCache, and its loopback renders answer with the content of the moment.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { clearPageMicroCache, newRenderNonceSecret, RENDER_NONCE_HEADER, serveFromPageMicroCache } from '@/server/cache/page-micro-cache';

let server: Server;
let port: number;
let content = 'old';
let renders = 0;
// While set, a render waits for it before it answers (a slow render under way).
let gate: Promise<void> | null = null;

beforeAll(async () => {
  process.env.REHEARSE_RENDER_NONCE = newRenderNonceSecret();
  server = createServer((request, response) => {
    if (request.headers[RENDER_NONCE_HEADER]) {
      // A render: the page as it is when the render reads it.
      renders++;
      const html = `<p>${content}</p>`;
      void (gate ?? Promise.resolve()).then(() => response.writeHead(200, { 'content-type': 'text/html' }).end(html));
      return;
    }
    void serveFromPageMicroCache(port, request, response).then((served) => served || response.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const page = async () => (await fetch(`http://127.0.0.1:${port}/topics/ops`)).text();

it('does not keep or share a render that began before a clear', async () => {
  let open!: () => void;
  gate = new Promise<void>((resolve) => (open = resolve));
  // The first render reads "old" and is still under way when the change commits and the cache is
  // cleared; a request after the clear must not wait for it.
  const first = page();
  await expect.poll(() => renders).toBe(1);
  content = 'new';
  clearPageMicroCache();
  const second = page();
  await expect.poll(() => renders).toBe(2);
  open();
  gate = null;
  expect(await first).toBe('<p>old</p>');
  expect(await second).toBe('<p>new</p>');
  // What is kept is the render that began after the clear.
  expect(await page()).toBe('<p>new</p>');
  expect(renders).toBe(2);
});
