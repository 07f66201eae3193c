// Which docker 24 command a call names (docker/cli v24.0.7: cli/command/commands/commands.go
// and each group's cmd.go, with their aliases, plus the buildx and compose plugins docker-ce 24
// installs): one the host model answers (the verb fake-docker.ts runs), a real one it does not
// model, or a word docker does not have. Names come from these tables, never from the call.
export type DockerCommand =
  | { kind: 'modelled'; verb: string; args: string[] }
  | { kind: 'unmodelled'; name: string; needsDaemon: boolean }
  | { kind: 'unknown'; message: string }
  | { kind: 'none' };

// Each group's real subcommands: the model's verb, or null for one it does not model.
const GROUPS: Record<string, { short: string; subcommands: Record<string, string | null> }> = {
  image: {
    short: 'Manage images',
    subcommands: {
      build: null, history: null, import: null, inspect: 'image-inspect', load: null, pull: 'pull', push: null, save: null,
      tag: 'tag', ls: 'images', list: 'images', rm: 'rmi', rmi: 'rmi', remove: 'rmi', prune: 'prune',
    },
  },
  container: {
    short: 'Manage containers',
    subcommands: {
      attach: null, commit: null, cp: null, create: 'create', diff: null, exec: null, export: null, kill: 'kill', logs: 'logs',
      pause: null, port: null, rename: 'rename', restart: 'restart', rm: 'rm', remove: 'rm', run: 'run', start: 'start',
      stats: null, stop: 'stop', top: null, unpause: null, update: null, wait: null, ls: 'ps', ps: 'ps', list: 'ps',
      inspect: 'inspect', prune: 'prune',
    },
  },
  system: { short: 'Manage Docker', subcommands: { events: null, info: 'info', df: null, prune: 'prune', 'dial-stdio': null } },
  network: {
    short: 'Manage networks',
    subcommands: { connect: null, create: null, disconnect: null, inspect: null, ls: null, list: null, rm: null, remove: null, prune: null },
  },
  volume: {
    short: 'Manage volumes',
    subcommands: { create: null, inspect: null, ls: null, list: null, rm: null, remove: null, prune: null, update: null },
  },
};

const TOP_MODELLED = new Set(['pull', 'images', 'inspect', 'tag', 'rmi', 'ps', 'rm', 'stop', 'kill', 'start', 'restart', 'logs', 'rename', 'create', 'run', 'version', 'info']);
// Real commands the model does not answer, named by their first word: the other shorthands and
// legacy verbs, and the management, swarm and plugin commands whose subcommands are not listed.
const TOP_UNMODELLED = new Set([
  'exec', 'build', 'push', 'login', 'logout', 'search', 'attach', 'commit', 'cp', 'diff', 'export', 'pause', 'port', 'stats',
  'top', 'unpause', 'update', 'wait', 'history', 'import', 'load', 'save', 'events',
  'builder', 'checkpoint', 'context', 'manifest', 'plugin', 'trust', 'config', 'node', 'secret', 'service', 'stack', 'swarm',
  'buildx', 'compose',
]);
// Of those, the ones whose answer without a daemon is not simply "Cannot connect to the Docker
// daemon": client-side (context, manifest, logout), or through a plugin or builder that words it
// its own way (build, builder, buildx, compose, trust, login). They are refused whether or not
// the daemon runs; every other real command fails as docker 24 does without its daemon.
const OWN_ANSWER_WITHOUT_DAEMON = new Set(['build', 'image build', 'builder', 'buildx', 'compose', 'context', 'manifest', 'trust', 'login', 'logout']);

const unmodelled = (name: string, needsDaemon = !OWN_ANSWER_WITHOUT_DAEMON.has(name)): DockerCommand => ({ kind: 'unmodelled', name: `docker ${name}`, needsDaemon });

// `words`: the call after docker's global options.
export function classifyDockerCommand(words: string[]): DockerCommand {
  const [first, second] = words;
  // `docker help` prints the usage, as `docker` alone does.
  if (first === undefined || first === 'help') return { kind: 'none' };
  // Own keys only: a call's word is never read off Object.prototype.
  const group = Object.hasOwn(GROUPS, first) ? GROUPS[first] : undefined;
  if (group) {
    // A group alone (or with --help) prints its help, daemon or not; with a word it does not
    // have, its usage (cli.NoArgs), exit 1.
    if (second === undefined || second.startsWith('-')) return unmodelled(first, false);
    if (!Object.hasOwn(group.subcommands, second)) {
      return { kind: 'unknown', message: `\nUsage:  docker ${first} COMMAND\n\n${group.short}\n\nRun 'docker ${first} COMMAND --help' for more information on a command.\n` };
    }
    const verb = group.subcommands[second];
    return verb ? { kind: 'modelled', verb, args: words.slice(2) } : unmodelled(`${first} ${second}`);
  }
  if (TOP_MODELLED.has(first)) return { kind: 'modelled', verb: first, args: words.slice(1) };
  if (TOP_UNMODELLED.has(first)) return unmodelled(first);
  return { kind: 'unknown', message: `docker: '${first}' is not a docker command.\nSee 'docker --help'\n` };
}
