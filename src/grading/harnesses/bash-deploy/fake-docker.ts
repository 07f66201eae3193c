// docker, as far as deploy scripts use it: global options are skipped, "docker image X" and
// "docker container X" map to the classic verbs. A real docker 24 command the model does not
// answer (exec, cp, network …) is refused as the grader's limit, marked `unmodelled` so the judge
// says so first; a word docker does not have answers as the real CLI does (docker-commands.ts).
// The daemon answers only while docker.service is active; without it, what needs no daemon still
// works (--version, the client half of version and info) and the rest fails as docker 24 does.
import { containerJson, dockerContainerVerb, dockerCreate, dockerPs, dockerRename } from './docker-containers';
import { classifyDockerCommand } from './docker-commands';
import { dockerImageInspect, dockerImages, dockerPull, dockerRmi, dockerTag, imageJson } from './docker-images';
import { findContainer, findImage, type DeployWorld } from './deploy-world';
import { inspectJson } from './inspect-json';
import { optionValue, parseCliArgs } from './parse-cli-args';
import { renderDockerFormat } from './render-docker-format';
import { reply, type ToolReply } from '../tool-reply';

const GLOBAL_VALUE_OPTIONS = new Set(['-H', '--host', '-c', '--context', '--config', '-l', '--log-level', '--tlscacert', '--tlscert', '--tlskey']);
const ANSWERED = 'pull, images, image inspect, inspect, ps, rm, create, run, stop, kill, start, restart, logs, rename, tag, rmi, image/container/system prune, version and info';
const DAEMON_DOWN = 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?';
const CLIENT_VERSION = 'Client: Docker Engine - Community\n Version:           24.0.7\n';
const CLIENT_INFO = 'Client: Docker Engine - Community\n Version:    24.0.7\n Context:    default\n Debug Mode: false\n';

// What the CLI prints when it cannot reach the daemon: run and create exit 125 like their other
// errors; info prints its client half and the error as a line of its report.
function daemonDown(verb: string, args: string[]): ToolReply {
  if (verb === 'run' || verb === 'create') return reply(125, '', `docker: ${DAEMON_DOWN}.\nSee 'docker ${verb} --help'.\n`);
  if (verb === 'version') return reply(1, CLIENT_VERSION, `${DAEMON_DOWN}\n`);
  if (verb === 'info' && !parseCliArgs(args, new Set(['-f', '--format'])).options.size) {
    return reply(1, `${CLIENT_INFO}\nServer:\nERROR: ${DAEMON_DOWN}\n`, 'errors pretty printing info\n');
  }
  return reply(1, '', `${DAEMON_DOWN}\n`);
}

function inspect(world: DeployWorld, args: string[]): ToolReply {
  const parsed = parseCliArgs(args, new Set(['-f', '--format', '--type']));
  const type = optionValue(parsed, '--type');
  if (type === 'image') return dockerImageInspect(world, args, 'image');
  const items: unknown[] = [];
  // Each object's JSON is built once, however many times the call names it.
  const built = new Map<object, unknown>();
  const once = <T extends object>(thing: T, json: (thing: T) => unknown) => built.get(thing) ?? built.set(thing, json(thing)).get(thing);
  let err = '';
  for (const name of parsed.positionals) {
    const container = type === 'image' ? undefined : findContainer(world, name);
    const image = type === 'container' ? undefined : findImage(world, name);
    if (container) items.push(once(container, containerJson));
    else if (image) items.push(once(image, imageJson));
    else err += `Error: No such ${type ?? 'object'}: ${name}\n`;
  }
  const format = optionValue(parsed, '-f', '--format');
  const out = format ? renderDockerFormat(format, items) : inspectJson(items);
  return reply(err ? 1 : 0, out, err);
}

export function fakeDocker(world: DeployWorld, rawArgs: string[]): ToolReply {
  let i = 0;
  while (i < rawArgs.length && rawArgs[i]!.startsWith('-')) i += GLOBAL_VALUE_OPTIONS.has(rawArgs[i]!) ? 2 : 1;
  const globals = rawArgs.slice(0, i);
  if (globals.includes('--version') || globals.includes('-v')) return reply(0, 'Docker version 24.0.7, build afdd53b\n');
  const command = classifyDockerCommand(rawArgs.slice(i));
  if (command.kind === 'none') return reply(0, 'Usage:  docker [OPTIONS] COMMAND\n');
  if (command.kind === 'unknown') return reply(1, '', command.message);
  const daemonUp = world.units.get('docker.service') === 'active';
  if (command.kind === 'unmodelled') {
    // Worded as kubectl's refusals are (bash-kit/fake-kubectl.ts). Without the daemon, a command
    // that needs it fails as every other does: that answer is docker's, not a guess.
    if (!daemonUp && command.needsDaemon) return reply(1, '', `${DAEMON_DOWN}\n`);
    return {
      ...reply(1, '', `docker: ${command.name} is outside what this grader's docker models (it answers ${ANSWERED})\n`),
      unmodelled: `a command this grader does not support: ${command.name}`,
    };
  }
  const { verb, args } = command;
  if (!daemonUp) return daemonDown(verb, args);
  switch (verb) {
    case 'pull':
      return dockerPull(world, args);
    case 'images':
      return dockerImages(world, args);
    case 'image-inspect':
      return dockerImageInspect(world, args, 'image');
    case 'inspect':
      return inspect(world, args);
    case 'tag':
      return dockerTag(world, args);
    case 'rmi':
      return dockerRmi(world, args);
    case 'ps':
      return dockerPs(world, args);
    case 'rm':
    case 'stop':
    case 'kill':
    case 'start':
    case 'restart':
    case 'logs':
      return dockerContainerVerb(world, verb, args);
    case 'rename':
      return dockerRename(world, args);
    case 'create':
    case 'run':
      return dockerCreate(world, args, verb === 'run');
    case 'prune':
      return reply(0, 'Total reclaimed space: 0B\n');
    case 'version':
      return reply(0, 'Client: Docker Engine - Community\n Version:           24.0.7\nServer: Docker Engine - Community\n Version:          24.0.7\n');
    case 'info':
      return reply(0, 'Server Version: 24.0.7\nStorage Driver: overlay2\n');
    default:
      return reply(1, '', `docker: '${verb}' is not a docker command.\nSee 'docker --help'\n`);
  }
}
