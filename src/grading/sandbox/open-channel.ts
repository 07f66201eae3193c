// The report channel between a harness runner in the jail and the grader: a Unix socket in the
// run's system folder. By default the runner connects before any candidate code starts; the server
// accepts exactly that first connection and then stops listening, so code started later cannot
// open a second channel and speak for the runner. A harness whose fakes connect once per call
// (bash-deploy) allows up to `maxConnections` and trusts none of them.
import { chown } from 'node:fs/promises';
import net from 'node:net';
import type { Duplex } from 'node:stream';

export type Channel = { close: () => void };

export async function openChannel(
  socketPath: string,
  owner: { uid: number; gid: number } | null,
  onConnection: (socket: Duplex) => void,
  maxConnections = 1,
  // Keeps neither the server nor its connections from letting the process exit (a pre-started jail's).
  background = false,
): Promise<Channel> {
  const accepted: net.Socket[] = [];
  const server = net.createServer((socket) => {
    if (accepted.length >= maxConnections) {
      socket.destroy();
      return;
    }
    accepted.push(socket);
    if (background) socket.unref();
    if (accepted.length >= maxConnections) server.close();
    // A reset from a killed jail is the end of the conversation, not an error of the grader.
    socket.on('error', () => socket.destroy());
    onConnection(socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  if (background) server.unref();
  if (owner) await chown(socketPath, owner.uid, owner.gid);
  return {
    close: () => {
      server.close();
      for (const socket of accepted) socket.destroy();
    },
  };
}
