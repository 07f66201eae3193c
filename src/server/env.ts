// Environment variables, parsed once with zod. Everything else reads `env`, never process.env.
import { z } from 'zod';

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  // Set by scripts/start.ts when it runs the embedded Postgres; a real server otherwise.
  DATABASE_URL: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // How many questions of each topic an anonymous visitor may see.
  PREVIEW_QUESTION_COUNT: z.coerce.number().int().min(0).max(1000).default(5),
  // Password-reset email ("Forgot password?"): offered only when SMTP_URL is set, e.g.
  // smtp://user:pass@mail.example.com:587. Links in emails start with APP_URL, never with a
  // request's Host header (which an attacker chooses).
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'SMTP_URL is a smtp:// or smtps:// URL.' }).optional(),
  MAIL_FROM: z.string().min(3).default('Rehearse <no-reply@localhost>'),
  APP_URL: z.url({ protocol: /^https?$/, error: 'APP_URL is an http(s):// URL, e.g. https://rehearse.example.com.' }).optional(),
  // Operations (README "Operating Rehearse"): heartbeats, readiness, metrics and logs.
  WORKER_HEARTBEAT_MS: z.coerce.number().int().min(100).default(10_000),
  READY_WORKER_STALE_SECONDS: z.coerce.number().int().min(1).default(30),
  READY_QUEUE_STUCK_SECONDS: z.coerce.number().int().min(1).default(300),
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
  WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  // Default: info, or silent under tests. LOG_FORMAT=json turns off the pretty output of development.
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  // How many reverse proxies in front of the app append to X-Forwarded-For (0: none, the socket
  // address is the client). Only these hops are believed; see README "Security".
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  // Fair grading under a flood (README "Practice and grading"): attempts one user may have waiting
  // or running, attempts one user may submit per minute, and jobs the whole queue may hold.
  MAX_PENDING_ATTEMPTS_PER_USER: z.coerce.number().int().min(1).max(1000).default(3),
  MAX_ATTEMPTS_PER_USER_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(20),
  MAX_QUEUE_DEPTH: z.coerce.number().int().min(1).max(1_000_000).default(200),
  // Run before Submit (docs/decisions/013): runs one user may start per minute, and runs one web
  // process executes at once (each in its own grading process); past that, 503 with Retry-After.
  MAX_RUNS_PER_USER_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(6),
  RUN_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  // Public page cache (README "Performance", docs/decisions/017): `off` renders every public page
  // from the database; a request carrying PAGE_CACHE_BYPASS_TOKEN in x-rehearse-cache-bypass skips
  // the cache (npm run bench:pages measures its uncached baseline that way). Unset: no bypass.
  PAGE_CACHE: z.enum(['on', 'off']).default('on'),
  PAGE_CACHE_BYPASS_TOKEN: z.string().min(16, 'PAGE_CACHE_BYPASS_TOKEN must be at least 16 characters').optional(),
  // Admission to Next.js under load (docs/decisions/022): reads let in at once (writes, long-polls,
  // probes and static files never wait); the rest queue by priority, up to WEB_MAX_QUEUED, past
  // which they get 503 with Retry-After. WEB_MAX_IN_FLIGHT=0 turns the gate off. 2: measured best on
  // a 2-core host with a local database (a read is mostly the web process's own CPU there); raise
  // it with more cores or a remote database.
  WEB_MAX_IN_FLIGHT: z.coerce.number().int().min(0).max(10_000).default(2),
  WEB_MAX_QUEUED: z.coerce.number().int().min(1).max(1_000_000).default(5_000),
});

export type Env = z.infer<typeof EnvSchema>;

// A variable set to the empty string counts as unset: compose's `${METRICS_TOKEN:-}` and a shell's
// `FOO= npm start` pass one, and both mean "not given".
const givenVariables = () => Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ''));

function parseEnv(): Env {
  const parsed = EnvSchema.safeParse(givenVariables());
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
  const message = `Invalid environment variables:\n${problems}`;
  // A process (web server, worker, `next build`, a CLI) that loads this with a bad setting stops
  // here with the message alone: a stack trace through module loading would hide it. Tests get
  // the error instead, so one bad setting fails one test file rather than the runner.
  if (process.env.VITEST) throw new Error(message);
  console.error(`[rehearse] ${message}`);
  process.exit(2);
}

export const env = parseEnv();

export function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      'DATABASE_URL is not set. Start the app with `npm start` (it runs an embedded Postgres), ' +
        'or set DATABASE_URL to a PostgreSQL connection string.',
    );
  }
  return url;
}
