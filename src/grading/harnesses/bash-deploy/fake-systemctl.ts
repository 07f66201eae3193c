// systemctl as a deploy script meets it on a host where myapp.service runs a container:
// ExecStartPre removes the old "myapp" container, ExecStart runs a new one from the service's
// image, ExecStop stops it. Exit codes and messages follow systemd's.
import { hasOption, optionValue, parseCliArgs } from './parse-cli-args';
import { CONTAINER, findContainer, findImage, makeContainer, SERVICE, type DeployWorld, type UnitState } from './deploy-world';
import { reply, type ToolReply } from '../tool-reply';

const VALUE_OPTIONS = new Set(['-p', '--property', '-t', '--type', '--state', '-n', '--lines', '-H', '--host', '-M', '--machine', '-o', '--output', '-s', '--signal']);

const unitName = (name: string) => (name.includes('.') ? name : `${name}.service`);
const jobFailed = (unit: string) =>
  reply(1, '', `Job for ${unit} failed because the control process exited with error code.\nSee "systemctl status ${unit}" and "journalctl -xeu ${unit}" for details.\n`);

function stopUnit(world: DeployWorld, unit: string): ToolReply {
  if (unit === SERVICE && world.faults.stop === 'fails') return jobFailed(unit);
  if (world.units.get(unit) === 'active') world.units.set(unit, 'inactive');
  if (unit === SERVICE) {
    const container = findContainer(world, CONTAINER);
    if (container) container.running = false;
  }
  return reply(0);
}

function startUnit(world: DeployWorld, unit: string): ToolReply {
  if (world.units.get(unit) === 'active') return reply(0);
  if (unit !== SERVICE) {
    world.units.set(unit, 'active');
    return reply(0);
  }
  const image = findImage(world, world.serviceImage);
  if (world.faults.start === 'fails' || !image) {
    world.units.set(unit, 'failed');
    return jobFailed(unit);
  }
  world.containers = world.containers.filter((c) => c.name !== CONTAINER);
  makeContainer(world, CONTAINER, image, world.serviceImage).running = true;
  world.units.set(unit, 'active');
  return reply(0);
}

function statusText(unit: string, state: UnitState) {
  const dot = state === 'active' ? '●' : state === 'failed' ? '×' : '○';
  const active = state === 'active' ? 'active (running) since Mon 2025-01-06 09:00:00 UTC; 2min ago' : state === 'failed' ? 'failed (Result: exit-code)' : 'inactive (dead)';
  return `${dot} ${unit} - ${unit.replace(/\.service$/, '')}\n     Loaded: loaded (/etc/systemd/system/${unit}; enabled; preset: enabled)\n     Active: ${active}\n`;
}

function changeState(world: DeployWorld, verb: string, units: string[]): ToolReply {
  if (units.length === 0) return reply(1, '', 'Too few arguments.\n');
  for (const unit of units) {
    if (!world.units.has(unit)) return reply(5, '', `Failed to ${verb} ${unit}: Unit ${unit} not found.\n`);
    if (verb === 'try-restart' && world.units.get(unit) !== 'active') continue;
    const steps = verb === 'start' ? [startUnit] : verb === 'stop' ? [stopUnit] : [stopUnit, startUnit];
    for (const step of steps) {
      const result = step(world, unit);
      if (result.code !== 0) return result;
    }
  }
  return reply(0);
}

export function fakeSystemctl(world: DeployWorld, args: string[]): ToolReply {
  const parsed = parseCliArgs(args, VALUE_OPTIONS);
  const [verb, ...names] = parsed.positionals;
  const units = names.map(unitName);
  const quiet = hasOption(parsed, '-q', '--quiet');
  const state = (unit: string) => world.units.get(unit) ?? 'inactive';
  switch (verb) {
    case 'start':
    case 'stop':
    case 'restart':
    case 'try-restart':
    case 'reload-or-restart':
      return changeState(world, verb, units);
    case 'reload':
      return reply(1, '', `Failed to reload ${units[0]}: Job type reload is not applicable for unit ${units[0]}.\n`);
    case 'is-active':
    case 'is-failed': {
      const states = units.map(state);
      const ok = verb === 'is-active' ? states.includes('active') : states.includes('failed');
      return reply(ok ? 0 : verb === 'is-active' ? 3 : 1, quiet ? '' : states.map((s) => `${s}\n`).join(''));
    }
    case 'status': {
      const unit = units[0] ?? SERVICE;
      if (!world.units.has(unit)) return reply(4, '', `Unit ${unit} could not be found.\n`);
      return reply(state(unit) === 'active' ? 0 : 3, quiet ? '' : statusText(unit, state(unit)));
    }
    case 'show': {
      const unit = units[0] ?? SERVICE;
      const s = state(unit);
      const props: Record<string, string> = { Id: unit, LoadState: world.units.has(unit) ? 'loaded' : 'not-found', ActiveState: s, SubState: s === 'active' ? 'running' : s === 'failed' ? 'failed' : 'dead' };
      const wanted = (optionValue(parsed, '-p', '--property') ?? Object.keys(props).join(',')).split(',');
      // Own properties only: -p constructor is a property systemd does not have, not JavaScript's.
      const value = (key: string) => (Object.hasOwn(props, key) ? props[key] : '');
      return reply(0, wanted.map((key) => (hasOption(parsed, '--value') ? `${value(key)}\n` : `${key}=${value(key)}\n`)).join(''));
    }
    case 'is-enabled':
      return reply(units.every((u) => world.units.has(u)) ? 0 : 1, quiet ? '' : units.map((u) => (world.units.has(u) ? 'enabled\n' : 'not-found\n')).join(''));
    case 'reset-failed':
      for (const unit of units.length ? units : [...world.units.keys()]) if (state(unit) === 'failed') world.units.set(unit, 'inactive');
      return reply(0);
    case 'daemon-reload':
    case 'enable':
    case 'disable':
      return reply(0);
    case undefined:
    case 'list-units':
      return reply(0, [...world.units].map(([unit, s]) => `${unit} loaded ${s} ${s === 'active' ? 'running' : 'dead'}\n`).join(''));
    case 'cat':
      return reply(
        0,
        `# /etc/systemd/system/${SERVICE}\n[Service]\nExecStartPre=-/usr/bin/docker rm -f ${CONTAINER}\nExecStart=/usr/bin/docker run --name ${CONTAINER} ${world.serviceImage}\nExecStop=/usr/bin/docker stop ${CONTAINER}\n`,
      );
    default:
      return reply(1, '', `Unknown command verb '${verb}'.\n`);
  }
}
