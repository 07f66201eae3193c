// curl against the world's HTTP endpoints: each request takes the next status of the endpoint's
// sequence (per image of the container behind it), the last one repeating. Options a health check
// uses are honoured (-f, -s, -S, -o, -w '%{http_code}', -I, --retry); files are never written.
import { findContainer, normalizeRef } from '../bash-deploy/deploy-world';
import { hasOption, optionValue, parseCliArgs } from '../bash-deploy/parse-cli-args';
import { reply, type ToolReply } from '../tool-reply';
import { recordEvent, type KitWorld } from './kit-world';

const VALUE_OPTIONS = new Set(
  '-o --output -w --write-out -m --max-time --connect-timeout -H --header -X --request -d --data --data-raw --retry --retry-delay --retry-max-time -u --user -A --user-agent -e --referer --resolve -x --proxy --url -K --config --cacert --cert --key'.split(' '),
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

export function fakeCurl(world: KitWorld, args: string[]): ToolReply {
  const parsed = parseCliArgs(args, VALUE_OPTIONS);
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
    if (!TRANSIENT.has(status)) break;
  }
  const format = optionValue(parsed, '-w', '--write-out');
  const written = format ? writeOut(format, status) : '';
  if (status === 0) return reply(28, written, quiet ? '' : 'curl: (28) Operation timed out after 2001 milliseconds with 0 bytes received\n');
  if (fail && status >= 400) return reply(22, written, quiet ? '' : `curl: (22) The requested URL returned error: ${status}\n`);
  const head = hasOption(parsed, '-I', '--head') ? `HTTP/1.1 ${status} ${REASONS[status] ?? ''}\r\ncontent-type: application/json\r\n\r\n` : '';
  const body = hasOption(parsed, '-I', '--head') ? '' : status < 300 ? '{"status":"ok"}\n' : '{"status":"unavailable"}\n';
  const toFile = optionValue(parsed, '-o', '--output') !== undefined;
  return reply(0, `${toFile ? '' : head + body}${written}`);
}
