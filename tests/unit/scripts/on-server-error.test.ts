// The web server's 'error' events (scripts/lib/on-server-error.ts, real Node HTTP servers): a port
// it cannot have ends the process saying which and what to do; a failed accept once it listens
// (EMFILE under load, which Node reports as the server's 'error') is logged and it goes on serving.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { onServerError } from '../../../scripts/lib/on-server-error';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => (s.listening ? s.close(resolve) : resolve(undefined)))));
});

function serve(): Server {
  const server = createServer((_request, response) => response.end('ok'));
  servers.push(server);
  return server;
}

it('ends the process with 1 and names the port when it is taken', async () => {
  const holder = serve();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  const { port } = holder.address() as AddressInfo;
  const lines: string[] = [];
  const exited = new Promise<number>((resolve) => {
    const server = serve();
    onServerError(server, port, { log: (line) => lines.push(line), exit: resolve });
    server.listen(port, '127.0.0.1');
  });
  expect(await exited).toBe(1);
  expect(lines).toEqual([`[rehearse] the web server could not listen: port ${port} is already in use (another Rehearse, or another program): stop it, or set PORT to a free port`]);
});

it('goes on serving after a failed accept once it listens', async () => {
  const server = serve();
  const lines: string[] = [];
  const exits: number[] = [];
  onServerError(server, 0, { log: (line) => lines.push(line), exit: (code) => exits.push(code) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // As Node's net.Server reports an accept that failed (lib/net.js onconnection).
  server.emit('error', Object.assign(new Error('accept EMFILE'), { code: 'EMFILE', errno: -24, syscall: 'accept' }));
  expect(exits).toEqual([]);
  expect(lines).toEqual(['[rehearse] the web server could not take a connection (EMFILE); it goes on serving']);
  const { port } = server.address() as AddressInfo;
  expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('ok');
});
