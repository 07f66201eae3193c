// docker ps / inspect / rm / stop / start / restart / create / run / logs / rename for the one
// container that matters here ("myapp") and any the script makes. Messages and exit codes follow
// the real CLI, docker 24 (125 for run/create errors, 1 for the rest).
import { hasOption, optionValue, parseCliArgs } from './parse-cli-args';
import { CONTAINER, findContainer, findImage, makeImage, MAX_CONTAINERS, MAX_IMAGES, normalizeRef, SERVICE, type Container, type DeployWorld } from './deploy-world';
import { matchNameFilter } from './match-name-filter';
import { renderDockerFormat } from './render-docker-format';
import { reply, type ToolReply } from '../tool-reply';

// Options of docker run/create that take a value (so the value is not mistaken for the image).
const RUN_VALUE_OPTIONS = new Set(
  ('--name -p --publish -e --env --env-file -v --volume --mount --restart --network --net --network-alias -l --label ' +
    '--label-file --entrypoint -u --user -w --workdir -m --memory --memory-swap --memory-reservation --cpus --cpu-shares ' +
    '-c --cpuset-cpus --platform --pull --log-driver --log-opt --health-cmd --health-interval --health-retries ' +
    '--health-timeout --health-start-period --hostname -h --add-host --dns --dns-search --dns-option --device --cap-add ' +
    '--cap-drop --security-opt --ulimit --tmpfs --stop-signal --stop-timeout --pid --ipc --uts --userns --cgroupns ' +
    '--shm-size --sysctl --gpus --expose --link --volumes-from --cidfile --ip --ip6 --mac-address --runtime --group-add ' +
    '--detach-keys --oom-score-adj --pids-limit --cpu-period --cpu-quota --blkio-weight --domainname -a --attach --annotation').split(' '),
);

export function containerJson(c: Container) {
  return {
    Id: c.id,
    Name: `/${c.name}`,
    Image: c.imageId,
    Config: { Image: c.imageRef, Labels: {} },
    State: { Status: c.running ? 'running' : 'exited', Running: c.running, ExitCode: 0 },
    Names: c.name,
    ID: c.id.slice(0, 12),
    Status: c.running ? 'Up 2 minutes' : 'Exited (0) 1 second ago',
    Ports: '',
  };
}

export function dockerPs(world: DeployWorld, args: string[]): ToolReply {
  const parsed = parseCliArgs(args, new Set(['-f', '--filter', '--format', '-n', '--last']));
  const all = hasOption(parsed, '-a', '--all');
  const filters = [...(parsed.options.get('-f') ?? []), ...(parsed.options.get('--filter') ?? [])];
  const keep = (c: Container) =>
    (all || c.running) &&
    filters.every((f) => {
      const eq = f.indexOf('=');
      const key = eq < 0 ? f : f.slice(0, eq);
      const value = eq < 0 ? '' : f.slice(eq + 1);
      if (key === 'name') return matchNameFilter(value, c.name);
      if (key === 'status') return value === (c.running ? 'running' : 'exited');
      if (key === 'ancestor') return normalizeRef(value) === c.imageRef;
      return true;
    });
  const rows = world.containers.filter(keep);
  if (hasOption(parsed, '-q', '--quiet')) return reply(0, rows.map((c) => `${c.id.slice(0, 12)}\n`).join(''));
  const format = optionValue(parsed, '--format');
  if (format) return reply(0, renderDockerFormat(format, rows.map((c) => ({ ...containerJson(c), Image: c.imageRef }))));
  const header = 'CONTAINER ID   IMAGE                                     COMMAND   CREATED         STATUS         PORTS     NAMES\n';
  return reply(0, header + rows.map((c) => `${c.id.slice(0, 12)}   ${c.imageRef.padEnd(41)} "app"     2 minutes ago   ${containerJson(c).Status.padEnd(14)}           ${c.name}\n`).join(''));
}

function eachContainer(world: DeployWorld, names: string[], act: (c: Container) => string | null): ToolReply {
  if (names.length === 0) return reply(1, '', 'requires at least 1 argument.\n');
  let out = '';
  let err = '';
  for (const name of names) {
    const c = findContainer(world, name);
    const problem = c ? act(c) : `Error response from daemon: No such container: ${name}`;
    if (problem) err += `${problem}\n`;
    else out += `${name}\n`;
  }
  return reply(err ? 1 : 0, out, err);
}

// The unit runs the container in the foreground: stopping the container ends the unit too.
function containerStopped(world: DeployWorld, c: Container) {
  c.running = false;
  if (c.name === CONTAINER && world.units.get(SERVICE) === 'active') world.units.set(SERVICE, 'inactive');
}

export function dockerContainerVerb(world: DeployWorld, verb: string, args: string[]): ToolReply {
  const parsed = parseCliArgs(args, new Set(['-t', '--time', '-s', '--signal', '--timeout', '-n', '--tail', '--since', '--until']));
  const names = parsed.positionals;
  switch (verb) {
    case 'stop':
    case 'kill':
      return eachContainer(world, names, (c) => (containerStopped(world, c), null));
    case 'start':
    case 'restart':
      return eachContainer(world, names, (c) => ((c.running = true), null));
    case 'logs':
      return eachContainer(world, names.slice(0, 1), () => null).code === 0 ? reply(0, 'app listening on :8080\n') : reply(1, '', `Error response from daemon: No such container: ${names[0]}\n`);
    default: {
      const force = hasOption(parsed, '-f', '--force');
      return eachContainer(world, names, (c) => {
        if (c.running && !force) {
          return `Error response from daemon: cannot remove container "/${c.name}": container is running: stop the container before removing or force remove`;
        }
        if (c.running) containerStopped(world, c);
        world.containers = world.containers.filter((x) => x !== c);
        return null;
      });
    }
  }
}

export function dockerCreate(world: DeployWorld, args: string[], run: boolean): ToolReply {
  const parsed = parseCliArgs(args, RUN_VALUE_OPTIONS, { stopAtPositional: true });
  const ref = parsed.positionals[0];
  const prefix = run ? 'docker: ' : '';
  if (!ref) return reply(125, '', `"docker ${run ? 'run' : 'create'}" requires at least 1 argument.\n`);
  const name = optionValue(parsed, '--name') ?? `eager_${world.containers.length}`;
  const existing = findContainer(world, name);
  if (existing) {
    return reply(125, '', `${prefix}Error response from daemon: Conflict. The container name "/${name}" is already in use by container "${existing.id}". You have to remove (or rename) that container to be able to reuse that name.\n`);
  }
  if (world.containers.length >= MAX_CONTAINERS) return reply(125, '', `${prefix}Error response from daemon: this host holds at most ${MAX_CONTAINERS} containers (a limit of the grader's model)\n`);
  let image = findImage(world, ref);
  let err = '';
  if (!image && world.images.length >= MAX_IMAGES) return reply(125, '', `${prefix}Error response from daemon: this host holds at most ${MAX_IMAGES} images (a limit of the grader's model)\n`);
  if (!image) {
    err = `Unable to find image '${normalizeRef(ref)}' locally\n`;
    if (world.faults.pull) return reply(125, '', `${err}${prefix}Error response from daemon: manifest for ${normalizeRef(ref)} not found: manifest unknown\n`);
    image = makeImage(ref);
    world.images.push(image);
  }
  const container: Container = { id: '', name, imageRef: normalizeRef(ref), imageId: image.id, running: false };
  container.id = `${image.id.slice(7, 19)}${world.containers.length}`.padEnd(64, '0');
  world.containers.push(container);
  if (!run) return reply(0, `${container.id}\n`, err);
  container.running = hasOption(parsed, '-d', '--detach');
  if (hasOption(parsed, '--rm') && !container.running) world.containers = world.containers.filter((c) => c !== container);
  return reply(0, container.running ? `${container.id}\n` : '', err);
}

// The daemon's rule for a container name (moby's validContainerNamePattern), after an optional "/".
const VALID_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

// docker rename CONTAINER NEW_NAME: the container keeps its id, state and image; only its name
// changes, so a stopped container parked under another name can be renamed back and started.
// The CLI prints the daemon's error, then its own line, and exits 1.
export function dockerRename(world: DeployWorld, args: string[]): ToolReply {
  const { positionals } = parseCliArgs(args, new Set());
  if (positionals.length !== 2) {
    return reply(1, '', `"docker rename" requires exactly 2 arguments.\nSee 'docker rename --help'.\n\nUsage:  docker rename CONTAINER NEW_NAME\n\nRename a container\n`);
  }
  const oldName = positionals[0]!.trim();
  const newName = positionals[1]!.trim();
  if (!oldName || !newName) return reply(1, '', 'Error: Neither old nor new names may be empty\n');
  const failed = (why: string) => reply(1, '', `Error response from daemon: ${why}\nError: failed to rename container named ${oldName}\n`);
  const container = findContainer(world, oldName);
  if (!container) return failed(`No such container: ${oldName}`);
  const name = newName.startsWith('/') ? newName.slice(1) : newName;
  if (container.name === name) return failed('Renaming a container with the same name as its current name');
  if (!VALID_NAME.test(name)) return failed(`Error when allocating new name: Invalid container name (/${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
  const holder = world.containers.find((c) => c.name === name);
  if (holder) {
    return failed(`Error when allocating new name: Conflict. The container name "/${name}" is already in use by container "${holder.id}". You have to remove (or rename) that container to be able to reuse that name.`);
  }
  container.name = name;
  return reply(0);
}
