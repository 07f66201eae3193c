// curl against the world's HTTP endpoints: each request takes the next status of the endpoint's
// sequence (per image of the container behind it), the last one repeating. Options a health check
// uses are honoured (-f, -s, -S, -o, -w '%{http_code}', -I, -m/--max-time, -y/--speed-time, and
// --retry with --retry-delay, --retry-max-time, --retry-connrefused and --retry-all-errors);
// files are never written. curl's own waits between retries are recorded as a script's `sleep`
// is ("sleep 1"), so the checks that read waits see them: without --retry-delay curl waits 1 s,
// then twice as long each time (1, 2, 4, 8 s …, at most 10 minutes). Status 0 is a server that took the connection and never answers: with
// a bound on the transfer (--max-time, or --speed-time) curl gives up at once with exit 28, as if
// that time had passed (a relayed sleep takes no time either); without one a real curl waits for
// ever, so the call never answers (`hangs`) and the grader ends the run (docs/decisions/020).
// --connect-timeout bounds only the connection, which was made: alone it bounds nothing here.
import { findContainer, normalizeRef } from '../bash-deploy/deploy-world';
import { hasOption, optionValue, parseCliArgs } from '../bash-deploy/parse-cli-args';
import { HUNG_CALL_HOLD_MS } from '../bash-deploy/relay-session';
import { reply, type ToolReply } from '../tool-reply';
import { recordEvent, type KitWorld } from './kit-world';

const VALUE_OPTIONS = new Set(
  '-o --output -w --write-out -m --max-time --connect-timeout -y --speed-time -Y --speed-limit -H --header -X --request -d --data --data-raw --retry --retry-delay --retry-max-time -u --user -A --user-agent -e --referer --resolve -x --proxy --url -K --config --cacert --cert --key'.split(' '),
);
const MALFORMED = /[\x00-\x20\x7f]/;
// Statuses curl --retry treats as transient.
const TRANSIENT = new Set([0, 408, 429, 500, 502, 503, 504]);
const REASONS: Record<number, string> = { 200: 'OK', 204: 'No Content', 301: 'Moved Permanently', 404: 'Not Found', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };

function writeOut(format: string, status: number) {
  const code = String(status).padStart(3, '0');
  // Literal replacements only: the format comes from the script.
  return format.split('%{http_code}').join(code).split('%{response_code}').join(code).split('\\n').join('\n');
}

// A time option's value in seconds, as curl reads it: a non-negative decimal ("2s" is refused),
// 0 when absent; 0 means no limit.
function seconds(parsed: ReturnType<typeof parseCliArgs>, names: readonly string[]): number | 'invalid' {
  const value = optionValue(parsed, ...names)?.trim();
  if (value === undefined) return 0;
  const n = Number(value);
  return value !== '' && !/[^0-9.]/.test(value) && Number.isFinite(n) ? n : 'invalid';
}
const MAX_TIME = ['-m', '--max-time'];
const SPEED_TIME = ['-y', '--speed-time'];
const TIME_OPTIONS = [MAX_TIME, ['--connect-timeout'], SPEED_TIME] as const;
const limit = (parsed: ReturnType<typeof parseCliArgs>, names: readonly string[]) => {
  const n = seconds(parsed, names);
  return n === 'invalid' ? 0 : n;
};
// The low-speed check's time, as curl's tool sets it: --speed-time, or 30 s when only
// --speed-limit (-Y) is given and not 0 (--speed-time alone takes a limit of 1 byte/s).
function speedTime(parsed: ReturnType<typeof parseCliArgs>): number {
  const time = limit(parsed, SPEED_TIME);
  if (time > 0) return time;
  return Number(optionValue(parsed, '-Y', '--speed-limit') ?? 0) > 0 ? 30 : 0;
}
// Does the transfer end without a response? (--max-time or the low-speed check, not 0.)
const bounded = (parsed: ReturnType<typeof parseCliArgs>) => limit(parsed, MAX_TIME) > 0 || speedTime(parsed) > 0;

// How a request that gets no response ends: curl's exit 28 after the shorter of --max-time and
// --speed-time (0 means no limit, as in curl), or never.
function noResponse(parsed: ReturnType<typeof parseCliArgs>, url: string, quiet: boolean, written: string): ToolReply {
  const maxTime = limit(parsed, MAX_TIME);
  const lowSpeedTime = speedTime(parsed);
  if (maxTime > 0 && (lowSpeedTime === 0 || maxTime <= lowSpeedTime)) {
    return reply(28, written, quiet ? '' : `curl: (28) Operation timed out after ${Math.round(maxTime * 1000) + 1} milliseconds with 0 bytes received\n`);
  }
  if (lowSpeedTime > 0) {
    const limit = optionValue(parsed, '-Y', '--speed-limit') ?? '1';
    return reply(28, written, quiet ? '' : `curl: (28) Operation too slow. Less than ${limit} bytes/sec transferred the last ${lowSpeedTime} seconds\n`);
  }
  const connectOnly = optionValue(parsed, '--connect-timeout') !== undefined;
  const given = connectOnly ? 'with --connect-timeout, which bounds only the connection (it was made), and no --max-time (-m)' : 'with no --max-time (-m)';
  return {
    ...reply(28),
    hangs: `curl waited on ${url}, in a run where it took the connection and never answered, ${given}: a real curl waits there for ever, so the script hangs and never gets to retry or roll back; bound every health check with --max-time (a \`timeout\` wrapper counts only if it ends the call within ${HUNG_CALL_HOLD_MS / 1000} s here)`,
  };
}

export function fakeCurl(world: KitWorld, args: string[]): ToolReply {
  const parsed = parseCliArgs(args, VALUE_OPTIONS);
  for (const names of TIME_OPTIONS) {
    if (seconds(parsed, names) === 'invalid') {
      return reply(2, '', `curl: option ${names[names.length - 1]}: expected a proper numerical parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n`);
    }
  }
  const url = optionValue(parsed, '--url') ?? parsed.positionals[0];
  if (!url) return reply(2, '', 'curl: no URL specified\ncurl: try \'curl --help\' for more information\n');
  const quiet = hasOption(parsed, '-s', '--silent') && !hasOption(parsed, '-S', '--show-error');
  // curl refuses a URL with a space or a control character, and so is one word in an event.
  if (MALFORMED.test(url)) return reply(3, '', quiet ? '' : 'curl: (3) URL using bad/illegal format or missing URL\n');
  const fail = hasOption(parsed, '-f', '--fail') && !hasOption(parsed, '--fail-with-body');
  const trimmed = url.endsWith('/') ? url.slice(0, -1) : url;
  const endpoint = world.http.find((e) => e.url === url || e.url === trimmed);
  const container = endpoint?.container ? findContainer(world.host, endpoint.container) : undefined;
  const warnings = hasOption(parsed, '-s', '--silent') ? null : ([] as string[]);
  const retry = retryPlan(parsed);
  if (!endpoint || (endpoint.container && !container?.running)) {
    // Nothing changes in the world while curl waits: every try is refused alike.
    const refused = () => {
      recordEvent(world, `curl ${endpoint?.url ?? url} refused`);
      return { problem: retry.connRefused ? ': connection refused' : null, spent: 0 };
    };
    retrying(world, retry, warnings, refused);
    return reply(7, '', `${warnings?.join('') ?? ''}${quiet ? '' : `curl: (7) Failed to connect to ${url.split('/')[2] ?? url}: Couldn't connect to server\n`}`);
  }
  const key = container?.imageRef ?? '';
  const byImage = Object.entries(endpoint.byImage).find(([ref]) => normalizeRef(ref) === key)?.[1];
  const sequence = byImage ?? endpoint.statuses;
  let status = 0;
  retrying(world, retry, warnings, () => {
    const served = endpoint.served.get(key) ?? 0;
    endpoint.served.set(key, served + 1);
    status = sequence[Math.min(served, sequence.length - 1)]!;
    recordEvent(world, `curl ${endpoint.url} ${status}`);
    // An unbounded request that gets no response is never retried: it never ends.
    if (status === 0) return { problem: bounded(parsed) ? ': timeout' : null, spent: transferBound(parsed) };
    if (TRANSIENT.has(status)) return { problem: ': HTTP error', spent: 0 };
    return { problem: retry.allErrors && fail && status >= 400 ? '(retrying all errors)' : null, spent: 0 };
  });
  const format = optionValue(parsed, '-w', '--write-out');
  const written = format ? writeOut(format, status) : '';
  const warned = warnings?.join('') ?? '';
  if (status === 0) {
    const answer = noResponse(parsed, endpoint.url, quiet, written);
    return warned ? { ...answer, err: warned + answer.err } : answer;
  }
  if (fail && status >= 400) return reply(22, written, `${warned}${quiet ? '' : `curl: (22) The requested URL returned error: ${status}\n`}`);
  const head = hasOption(parsed, '-I', '--head') ? `HTTP/1.1 ${status} ${REASONS[status] ?? ''}\r\ncontent-type: application/json\r\n\r\n` : '';
  const body = hasOption(parsed, '-I', '--head') ? '' : status < 300 ? '{"status":"ok"}\n' : '{"status":"unavailable"}\n';
  const toFile = optionValue(parsed, '-o', '--output') !== undefined;
  return reply(0, `${toFile ? '' : head + body}${written}`, warned);
}

type RetryPlan = { retries: number; delay: number; maxTime: number; connRefused: boolean; allErrors: boolean };
// At most 10 retries are answered (a longer --retry only takes more of the same answers).
const MAX_RETRIES = 10;
// curl's cap on its doubling wait (RETRY_SLEEP_MAX), in seconds.
const MAX_RETRY_SLEEP = 600;

function retryPlan(parsed: ReturnType<typeof parseCliArgs>): RetryPlan {
  const count = (name: string) => Math.max(0, Math.floor(Number(optionValue(parsed, name) ?? 0) || 0));
  const allErrors = hasOption(parsed, '--retry-all-errors');
  return {
    retries: Math.min(MAX_RETRIES, count('--retry')),
    delay: count('--retry-delay'),
    maxTime: count('--retry-max-time'),
    connRefused: hasOption(parsed, '--retry-connrefused') || allErrors,
    allErrors,
  };
}

// How long a request that gets no response lasts before curl gives up (0: it never does).
function transferBound(parsed: ReturnType<typeof parseCliArgs>): number {
  const bounds = [limit(parsed, MAX_TIME), speedTime(parsed)].filter((n) => n > 0);
  return bounds.length ? Math.min(...bounds) : 0;
}

// Tries `attempt` once and again while it reports a problem curl retries and tries are left, as
// curl's --retry does: it waits --retry-delay seconds, or 1 s doubled after each wait; with
// --retry-max-time it gives up on a retry whose wait would end past that time since the first try.
// Each wait is recorded as "sleep N" and, unless -s, announced on stderr as curl does.
function retrying(world: KitWorld, plan: RetryPlan, warnings: string[] | null, attempt: () => { problem: string | null; spent: number }) {
  let wait = plan.delay > 0 ? plan.delay : 1;
  let elapsed = 0;
  for (let left = plan.retries; ; left--) {
    const { problem, spent } = attempt();
    elapsed += spent;
    if (problem === null || left === 0) return;
    if (plan.maxTime > 0 && elapsed + wait > plan.maxTime) return;
    warnings?.push(`Warning: Problem ${problem}. Will retry in ${wait} second${wait === 1 ? '' : 's'}. ${left} retr${left === 1 ? 'y' : 'ies'} left.\n`);
    recordEvent(world, `sleep ${wait}`);
    elapsed += wait;
    if (plan.delay === 0) wait = Math.min(wait * 2, MAX_RETRY_SLEEP);
  }
}
