// nginx -t / -T / -s SIGNAL / -v: the configuration test answers what the scenario says (the
// files live in the jail, their verdict in the world); reloads are recorded. In a world with a
// scratch tree the verdict is read at the call, from the jail's supervisor: the test fails while
// the live file is missing or unreadable, or is the broken one, whatever came before. Only the
// live configuration is modelled: -c and -p are read past, as before (decision 020).
import { hasOption, optionValue, parseCliArgs } from '../bash-deploy/parse-cli-args';
import { reply, type ToolReply } from '../tool-reply';
import { recordEvent, type KitWorld } from './kit-world';

const OK = 'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n';
const BROKEN = 'nginx: [emerg] host not found in upstream "app-green:8080" in /etc/nginx/conf.d/upstream.conf:2\nnginx: configuration file /etc/nginx/nginx.conf test failed\n';
// The live file is gone, not a file, or cannot be read: conf.d/*.conf then defines no upstream.
const NO_UPSTREAM = 'nginx: [emerg] host not found in upstream "app" in /etc/nginx/nginx.conf:6\nnginx: configuration file /etc/nginx/nginx.conf test failed\n';
// What nginx -s takes; anything else is refused as nginx does, and recorded as nothing (an event
// spelled from the script's own word, "nginx test ok", would pass for one the fake made).
const SIGNALS = new Set(['stop', 'quit', 'reopen', 'reload']);

type Verdict = 'ok' | 'broken' | 'no-upstream';

// Applies `next` at once to a value, or once a promise of one settles: a fixed verdict answers
// the call synchronously, as every other fake does.
const then = <T, R>(value: T | Promise<T>, next: (value: T) => R): R | Promise<R> => (value instanceof Promise ? value.then(next) : next(value));

function configVerdict(world: KitWorld): Verdict | Promise<Verdict> {
  const test = world.nginx!.configTest;
  if (test === 'ok') return 'ok';
  if (test === 'fails') return 'broken';
  // Our bug, not the script's: the spec is checked to have a tree (bash-kit-spec.ts).
  if (!world.probeTree) throw new Error('the configuration test follows the scratch tree, but the scenario has no tree session');
  return world.probeTree(test.live, test.broken).then((found) => (found === 'same' ? 'broken' : found === 'unreadable' ? 'no-upstream' : 'ok'));
}

const firstLine = (text: string) => `${text.split('\n')[0]}\n`;

export function nginxReload(world: KitWorld): ToolReply | Promise<ToolReply> {
  // The event belongs to this call, whenever the verdict comes (another call may come meanwhile).
  const call = world.calls - 1;
  return then(configVerdict(world), (verdict) => {
    recordEvent(world, 'nginx reload', call);
    if (verdict === 'ok') return reply(0);
    return reply(1, '', firstLine(verdict === 'broken' ? BROKEN : NO_UPSTREAM));
  });
}

export function fakeNginx(world: KitWorld, args: string[]): ToolReply | Promise<ToolReply> {
  if (!world.nginx) return reply(127, '', 'nginx: command not found\n');
  const parsed = parseCliArgs(args, new Set(['-s', '-c', '-p', '-g', '-e']));
  if (hasOption(parsed, '-v', '-V')) return reply(0, '', 'nginx version: nginx/1.24.0\n');
  if (hasOption(parsed, '-t', '-T')) {
    const call = world.calls - 1;
    return then(configVerdict(world), (verdict) => {
      recordEvent(world, `nginx test ${verdict === 'ok' ? 'ok' : 'failed'}`, call);
      return verdict === 'ok' ? reply(0, '', OK) : reply(1, '', verdict === 'broken' ? BROKEN : NO_UPSTREAM);
    });
  }
  const signal = optionValue(parsed, '-s');
  if (signal === 'reload') return nginxReload(world);
  if (signal !== undefined && !SIGNALS.has(signal)) return reply(1, '', `nginx: invalid option: "-s ${signal}"\n`);
  if (signal) {
    recordEvent(world, `nginx ${signal}`);
    return reply(0);
  }
  return reply(1, '', 'nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)\n');
}
