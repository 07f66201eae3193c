// The runner's environment is built from an allow-list, never by removing known secrets from a
// copy: whatever the operator adds to the web or worker environment later (a new provider key)
// stays out of the process that runs candidate code. `npm start` starts the runner with it; the
// runner refuses to serve when its own environment still holds anything secret-looking
// (findSecretVariables), which catches a hand-made environment (`npm run runner` in a shell that
// exported DATABASE_URL).

export type Env = Record<string, string | undefined>;

// What a Node process, the runner and its logs need; nothing that opens a door elsewhere.
export const RUNNER_ENV_ALLOW_LIST = [
  'PATH',
  'HOME',
  'LANG',
  'LC_ALL',
  'TZ',
  'TMPDIR',
  'NODE_ENV',
  'LOG_LEVEL',
  'LOG_FORMAT',
  'RUNNER_URL',
  'RUNNER_TOKEN_FILE',
  'RUNNER_CONCURRENCY',
  'RUNNER_STALL_MS',
  'RUNNER_JOB_TIMEOUT_MS',
  'RUNNER_STOP_GRACE_MS',
  // The C helpers' cache folder and switch (src/grading/sandbox/compile-native-helper.ts).
  'XDG_CACHE_HOME',
  'REHEARSE_NATIVE_HELPERS',
] as const;

export function buildRunnerEnv(from: Env, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of RUNNER_ENV_ALLOW_LIST) {
    const value = extra[name] ?? from[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

// Names the app uses for secrets, and the shapes secret names take elsewhere.
const SECRET_NAMES = new Set(['DATABASE_URL', 'AUTH_SECRET', 'NEXTAUTH_SECRET', 'SMTP_URL', 'METRICS_TOKEN', 'RUNNER_TOKEN', 'PGPASSWORD']);
const SECRET_SHAPES = /SECRET|TOKEN|PASSW(OR)?D|API_?KEY|PRIVATE|CREDENTIAL|_AUTH|^GRADER_LLM_|DATABASE_URL|SMTP/i;
// Secret-looking names that hold no secret: the path of the token file.
const NOT_SECRETS = new Set(['RUNNER_TOKEN_FILE']);

export function findSecretVariables(env: Env): string[] {
  return Object.keys(env)
    .filter((name) => env[name] !== undefined && !NOT_SECRETS.has(name) && (SECRET_NAMES.has(name) || SECRET_SHAPES.test(name)))
    .sort();
}
