// What the web server does with its 'error' events (scripts/serve.ts). A port that cannot be had
// (taken, or below 1024 without the right) ends the process with a message: Next.js's own
// uncaught-exception handler would log it and keep the process alive, serving nothing, and `npm
// start` would wait on it for ever. Once listening, an error is one failed accept (EMFILE when the
// process is out of file descriptors under load): Node keeps accepting, so it is logged and the
// server goes on; ending the process there took the whole app down for a passing shortage.
import type { Server } from 'node:net';

export function onServerError(server: Server, port: number, { log = console.error, exit = (code: number) => process.exit(code) }: { log?: (line: string) => void; exit?: (code: number) => void } = {}) {
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (server.listening) {
      log(`[rehearse] the web server could not take a connection (${error.code ?? error.message}); it goes on serving`);
      return;
    }
    const why =
      error.code === 'EADDRINUSE'
        ? `port ${port} is already in use (another Rehearse, or another program): stop it, or set PORT to a free port`
        : error.code === 'EACCES'
          ? `port ${port} needs privileges this process does not have: set PORT to 1024 or above`
          : error.message;
    log(`[rehearse] the web server could not listen: ${why}`);
    exit(1);
  });
}
