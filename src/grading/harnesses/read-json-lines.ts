// Splits a harness channel into JSON messages, one per line. A line past `maxLineBytes` or one
// that does not parse is a protocol error: the channel carries only the runner's own messages.
import type { Duplex } from 'node:stream';

export function readJsonLines(socket: Duplex, onMessage: (message: Record<string, unknown>) => void, onProtocolError: (problem: string) => void, maxLineBytes = 1 << 20) {
  let buffer = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      if (!line) continue;
      let message: unknown;
      try {
        message = JSON.parse(line);
      } catch {
        onProtocolError(`unparsable line from the runner: ${line.slice(0, 200)}`);
        continue;
      }
      if (message && typeof message === 'object' && !Array.isArray(message)) onMessage(message as Record<string, unknown>);
      else onProtocolError(`unexpected message from the runner: ${line.slice(0, 200)}`);
    }
    if (buffer.length > maxLineBytes) {
      onProtocolError('a runner message exceeded the size limit');
      buffer = '';
      socket.destroy();
    }
  });
}
