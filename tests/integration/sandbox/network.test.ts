// Attack: reach the network from the jail. Not even loopback works: the jail has its own network
// namespace, so a service the host runs on 127.0.0.1 is out of reach, and so are DNS and the
// internet.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBwrapDriver } from '@/grading/sandbox/create-bwrap-driver';

const driver = createBwrapDriver();
let server: net.Server;
let port = 0;
let connections = 0;

beforeAll(async () => {
  server = net.createServer((socket) => {
    connections++;
    // The test's own probe hangs up at once.
    socket.on('error', () => {});
    socket.end('secret\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const probe = (address: string) => `
import socket
try:
    socket.create_connection(${address}, timeout=2).recv(100)
    print("CONNECTED")
except OSError as error:
    print("blocked", error)
`;

describe('network isolation', () => {
  it('cannot connect to a port the host opened on 127.0.0.1 (the host can)', async () => {
    const hostSide = await new Promise<boolean>((resolve) => {
      const client = net.connect(port, '127.0.0.1', () => {
        client.destroy();
        resolve(true);
      });
      client.on('error', () => resolve(false));
    });
    expect(hostSide).toBe(true);
    const before = connections;
    const result = await driver.run({ command: ['/usr/bin/python3', '-c', probe(`("127.0.0.1", ${port})`)] });
    expect(result.stdout).toContain('blocked');
    expect(result.stdout).not.toContain('CONNECTED');
    expect(connections).toBe(before);
  });

  it('cannot resolve names or reach an external address', async () => {
    const result = await driver.run({
      command: ['/usr/bin/python3', '-c', `${probe('("1.1.1.1", 53)')}\ntry:\n    print("RESOLVED", socket.getaddrinfo("example.com", 80))\nexcept OSError as error:\n    print("no dns", error)`],
    });
    expect(result.stdout).toContain('blocked');
    expect(result.stdout).toContain('no dns');
    expect(result.stdout).not.toMatch(/CONNECTED|RESOLVED/);
  });
});
