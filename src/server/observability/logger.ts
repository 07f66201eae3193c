// The one structured logger of the web process and the worker: JSON lines (pino) with the ids that
// tie a line to a request, a user, an attempt or a job; pretty in development when pino-pretty is
// installed (a dev dependency, optional). Answers, passwords, tokens and secrets never reach a log:
// pass ids, not objects, and the redaction below is the safety net.
import { createRequire } from 'node:module';
import path from 'node:path';
import pino, { type DestinationStream, type Logger } from 'pino';
import { env } from '@/server/env';

export const REDACTED_PATHS = [
  'password',
  'passwordHash',
  'answer',
  'token',
  'secret',
  'authorization',
  'cookie',
  'databaseUrl',
  'connectionString',
  '*.password',
  '*.passwordHash',
  '*.answer',
  '*.token',
  '*.secret',
  '*.authorization',
  '*.cookie',
  '*.databaseUrl',
  '*.connectionString',
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
];

function prettyStream(): DestinationStream | undefined {
  const pretty = env.LOG_FORMAT ? env.LOG_FORMAT === 'pretty' : env.NODE_ENV === 'development';
  if (!pretty) return undefined;
  try {
    // Resolved from the project at run time so a production install without dev deps still logs.
    const require = createRequire(path.join(process.cwd(), 'package.json'));
    const build = require('pino-pretty') as (options: object) => DestinationStream;
    return build({ colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' });
  } catch {
    return undefined;
  }
}

export function createLogger({ service, destination }: { service: string; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
      base: { service },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination ?? prettyStream(),
  );
}

const globalForLogger = globalThis as unknown as { rehearseLogger?: Logger };
// The worker process names itself: REHEARSE_SERVICE=worker (set by scripts/worker.ts).
export const logger: Logger = (globalForLogger.rehearseLogger ??= createLogger({ service: process.env.REHEARSE_SERVICE ?? 'web' }));
