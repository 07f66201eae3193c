// curl against the world's HTTP endpoints: each request takes the next status of the endpoint's
// sequence (per image of the container behind it), the last one repeating. Options a health check
// uses are honoured (-f, -s, -S, -o, -w '%{http_code}', -I, --retry, -m/--max-time, -y/--speed-time);
// files are never written. Status 0 is a server that took the connection and never answers: with
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
  if (!endpoint || (endpoint.container && !container?.running)) {
    recordEvent(world, `curl ${endpoint?.url ?? url} refused`);
    return reply(7, '', quiet ? '' : `curl: (7) Failed to connect to ${url.split('/')[2] ?? url}: Couldn't connect to server\n`);
  }
  const key = container?.imageRef ?? '';
  const byImage = Object.entries(endpoint.byImage).find(([ref]) => normalizeRef(ref) === key)?.[1];
  const sequence = byImage ?? endpoint.statuses;
  const retries = Math.min(10, Math.max(0, Number(optionValue(parsed, '--retry') ?? 0) || 0));
  let status = 0;
  for (let attempt = 0; attempt <= retries; attempt++) {
    const served = endpoint.served.get(key) ?? 0;
    endpoint.served.set(key, served + 1);
    status = sequence[Math.min(served, sequence.length - 1)]!;
    recordEvent(world, `curl ${endpoint.url} ${status}`);
    // An unbounded request that gets no response is never retried: it never ends.
    if (!TRANSIENT.has(status) || (status === 0 && !bounded(parsed))) break;
  }
  const format = optionValue(parsed, '-w', '--write-out');
  const written = format ? writeOut(format, status) : '';
  if (status === 0) return noResponse(parsed, endpoint.url, quiet, written);
  if (fail && status >= 400) return reply(22, written, quiet ? '' : `curl: (22) The requested URL returned error: ${status}\n`);
  const head = hasOption(parsed, '-I', '--head') ? `HTTP/1.1 ${status} ${REASONS[status] ?? ''}\r\ncontent-type: application/json\r\n\r\n` : '';
  const body = hasOption(parsed, '-I', '--head') ? '' : status < 300 ? '{"status":"ok"}\n' : '{"status":"unavailable"}\n';
  const toFile = optionValue(parsed, '-o', '--output') !== undefined;
  return reply(0, `${toFile ? '' : head + body}${written}`);
}
