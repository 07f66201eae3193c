// nginx -t / -T / -s SIGNAL / -v: the configuration test answers what the scenario says (the
// files live in the jail, their verdict in the world); reloads are recorded.
import { hasOption, optionValue, parseCliArgs } from '../bash-deploy/parse-cli-args';
import { reply, type ToolReply } from '../tool-reply';
import { recordEvent, type KitWorld } from './kit-world';

const OK = 'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n';
const BROKEN = 'nginx: [emerg] host not found in upstream "app-green:8080" in /etc/nginx/conf.d/upstream.conf:2\nnginx: configuration file /etc/nginx/nginx.conf test failed\n';
// What nginx -s takes; anything else is refused as nginx does, and recorded as nothing (an event
// spelled from the script's own word, "nginx test ok", would pass for one the fake made).
const SIGNALS = new Set(['stop', 'quit', 'reopen', 'reload']);

export function nginxReload(world: KitWorld): ToolReply {
  recordEvent(world, 'nginx reload');
  return world.nginx?.configTest === 'fails' ? reply(1, '', `${BROKEN.split('\n')[0]}\n`) : reply(0);
}

export function fakeNginx(world: KitWorld, args: string[]): ToolReply {
  if (!world.nginx) return reply(127, '', 'nginx: command not found\n');
  const parsed = parseCliArgs(args, new Set(['-s', '-c', '-p', '-g', '-e']));
  if (hasOption(parsed, '-v', '-V')) return reply(0, '', 'nginx version: nginx/1.24.0\n');
  if (hasOption(parsed, '-t', '-T')) {
    const ok = world.nginx.configTest === 'ok';
    recordEvent(world, `nginx test ${ok ? 'ok' : 'failed'}`);
    return reply(ok ? 0 : 1, '', ok ? OK : BROKEN);
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
