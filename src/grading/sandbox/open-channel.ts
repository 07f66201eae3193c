// The report channel between a harness runner in the jail and the grader: a Unix socket in the
// run's system folder. The runner connects before any candidate code starts; the server accepts
// exactly that first connection and then stops listening, so code started later cannot open a
// second channel and speak for the runner. (It could still talk on the runner's own socket if it
// could reach it; harness runners guard that themselves, see harnesses/bash-deploy/jail/runner.py.)
import { chown } from 'node:fs/promises';
import net from 'node:net';
import type { Duplex } from 'node:stream';

export type Channel = { close: () => void };

export async function openChannel(
  socketPath: string,
  owner: { uid: number; gid: number } | null,
  onConnection: (socket: Duplex) => void,
): Promise<Channel> {
  let accepted: net.Socket | null = null;
  const server = net.createServer((socket) => {
    if (accepted) {
      socket.destroy();
      return;
    }
    accepted = socket;
    server.close();
    // A reset from a killed jail is the end of the conversation, not an error of the grader.
    socket.on('error', () => socket.destroy());
    onConnection(socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  if (owner) await chown(socketPath, owner.uid, owner.gid);
  return {
    close: () => {
      server.close();
      accepted?.destroy();
    },
  };
}
