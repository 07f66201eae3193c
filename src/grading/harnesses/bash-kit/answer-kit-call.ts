// Answers one relayed call from a Bash world kit jail against the scenario's world, and records
// what it changed as events: docker and systemctl are bash-deploy's fakes (their changes read
// off the host model before and after; docker answers only while docker.service is active),
// curl, kubectl and nginx the kit's own, sleep a recorded wait that returns at once.
import { dockerVerb } from '../bash-deploy/call-facts';
import { normalizeRef } from '../bash-deploy/deploy-world';
import { fakeDocker } from '../bash-deploy/fake-docker';
import { fakeSystemctl } from '../bash-deploy/fake-systemctl';
import { parseCliArgs } from '../bash-deploy/parse-cli-args';
import { reply, type ToolReply } from '../tool-reply';
import { fakeCurl } from './fake-curl';
import { fakeKubectl } from './fake-kubectl';
import { fakeNginx, nginxReload } from './fake-nginx';
import { recordEvent, type KitWorld } from './kit-world';
import type { KitTool } from './kit-tools';

export { KIT_TOOLS } from './kit-tools';
const UNIT_VERBS = new Set(['start', 'stop', 'restart', 'try-restart', 'reload-or-restart', 'enable', 'disable']);
const unitName = (name: string) => (name.includes('.') ? name : `${name}.service`);
// How bash-deploy's docker words a bound of its model that real docker does not have (a host's
// containers, images, tags): the kit marks that refusal as the grader's limit (tool-reply.ts).
const DOCKER_MODEL_LIMIT = "(a limit of the grader's model)";

function docker(world: KitWorld, args: string[]): ToolReply {
  if (!world.hasDocker) return reply(127, '', 'docker: command not found\n');
  const { verb, rest } = dockerVerb(['docker', ...args]);
  if (verb === 'pull') {
    const ref = parseCliArgs(rest, new Set(['--platform'])).positionals[0];
    if (ref) recordEvent(world, `docker pull ${normalizeRef(ref)}`);
  }
  const before = new Map(world.host.containers.map((c) => [c.id, { ...c }]));
  const answer = fakeDocker(world.host, args);
  for (const c of world.host.containers) {
    const was = before.get(c.id);
    if (!was) recordEvent(world, `docker ${c.running ? 'run' : 'create'} ${c.name} ${c.imageRef}`);
    else if (was.name !== c.name) recordEvent(world, `docker rename ${was.name} ${c.name}`);
    if (was && was.running !== c.running) recordEvent(world, `docker ${c.running ? 'start' : 'stop'} ${c.name}`);
    before.delete(c.id);
  }
  for (const gone of before.values()) {
    if (gone.running) recordEvent(world, `docker stop ${gone.name}`);
    recordEvent(world, `docker rm ${gone.name}`);
  }
  const limit = answer.err.split('\n').find((line) => line.endsWith(DOCKER_MODEL_LIMIT));
  return limit ? { ...answer, unmodelled: `a request this grader does not support: ${limit}` } : answer;
}

function systemctl(world: KitWorld, args: string[]): ToolReply | Promise<ToolReply> {
  const [verb, ...names] = parseCliArgs(args, new Set(['-p', '--property', '-t', '--type', '--state', '-n', '--lines', '-H', '--host', '-M', '--machine', '-o', '--output', '-s', '--signal'])).positionals;
  const units = names.map(unitName);
  if ((verb === 'reload' || verb === 'reload-or-restart') && units[0] === 'nginx.service' && world.nginx) return nginxReload(world);
  if (verb && UNIT_VERBS.has(verb)) for (const unit of units) recordEvent(world, `systemctl ${verb} ${unit}`);
  return fakeSystemctl(world.host, args);
}

// "sleep 2", "sleep 0.5", "sleep 1s", "sleep 2m": recorded in seconds.
function sleep(world: KitWorld, args: string[]): ToolReply {
  let total = 0;
  for (const arg of args) {
    const unit = arg.slice(-1);
    const scale = unit === 'm' ? 60 : unit === 'h' ? 3600 : 1;
    const number = Number(/[smh]$/.test(arg) ? arg.slice(0, -1) : arg);
    if (!Number.isFinite(number) || number < 0 || arg === '') return reply(1, '', `sleep: invalid time interval '${arg}'\n`);
    total += number * scale;
  }
  if (args.length === 0) return reply(1, '', 'sleep: missing operand\n');
  recordEvent(world, `sleep ${total}`);
  return reply(0);
}

// `tools`: the question's fake tools; a call naming another (forged on the channel) is not one.
// A promise only for a configuration test that reads the scratch tree (fake-nginx.ts).
export function answerKitCall(world: KitWorld, argv: string[], tools?: readonly KitTool[]): ToolReply | Promise<ToolReply> {
  world.calls++;
  const [tool, ...args] = argv;
  if (tools && !tools.includes(tool as KitTool)) return reply(127, '', `${tool}: command not found\n`);
  switch (tool) {
    case 'docker':
      return docker(world, args);
    case 'systemctl':
      return systemctl(world, args);
    case 'curl':
      return fakeCurl(world, args);
    case 'kubectl':
      return fakeKubectl(world, args);
    case 'nginx':
      return fakeNginx(world, args);
    case 'sleep':
      return sleep(world, args);
    default:
      return reply(127, '', `${tool}: command not found\n`);
  }
}
