// Keeps at most `capBytes` of a stream. Past the cap it stops reading and closes the pipe, so a
// flood (`yes`) costs neither memory nor the worker's CPU: the writer gets EPIPE/SIGPIPE, as it
// would writing into `head`.
import type { Readable } from 'node:stream';

export type Captured = { text: string; truncated: boolean };

export function captureStream(stream: Readable, capBytes: number, onOverflow: () => void = () => {}) {
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  const done = new Promise<void>((resolve) => {
    stream.on('close', resolve);
    stream.on('end', resolve);
    // A destroyed or broken pipe is the end of output, not a failure of the run.
    stream.on('error', () => resolve());
  });
  stream.on('data', (chunk: Buffer) => {
    if (truncated) return;
    const room = capBytes - size;
    if (chunk.length > room) {
      chunks.push(chunk.subarray(0, room));
      size = capBytes;
      truncated = true;
      stream.destroy();
      onOverflow();
      return;
    }
    chunks.push(chunk);
    size += chunk.length;
  });
  return {
    done,
    result: (): Captured => ({ text: Buffer.concat(chunks).toString('utf8'), truncated }),
  };
}
